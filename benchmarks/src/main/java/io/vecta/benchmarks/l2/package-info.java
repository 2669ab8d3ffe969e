/** Benchmarks of L2 switching: the bridging path from ethernet-input to interface-output. */
package io.vecta.benchmarks.l2;
