/** JMH benchmarks of the Ethernet path: {@code ethernet-input} per packet. */
package io.vecta.benchmarks.ethernet;
