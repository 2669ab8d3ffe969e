/**
 * Benchmarks of nodes in the dispatch loop: generated against hand-written dispatchers, quad
 * against single loops, a five-node chain end to end, and the parts of a node's per-packet
 * cost (the empty node's loop and enqueue, the header and flag reads), all over 256-packet
 * frames of real buffers.
 */
package io.vecta.benchmarks.node;
