/**
 * Benchmarks of the event log: what one logged event costs, and what a node call costs with
 * dispatch events off and on.
 */
package io.vecta.benchmarks.elog;
