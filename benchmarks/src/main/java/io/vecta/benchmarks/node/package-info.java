/**
 * Benchmarks of nodes in the dispatch loop: generated against hand-written dispatchers, quad
 * against single loops, and a five-node chain end to end, all over 256-packet frames of real
 * buffers.
 */
package io.vecta.benchmarks.node;
