/** Benchmarks of handing packets from one dispatch thread to another. */
package io.vecta.benchmarks.threads;
