package io.vecta.runtime.graph;

/**
 * The features enabled on one interface of one arc, in the order they run.
 *
 * @param nodes         the enabled features' node indices, then the arc's last node
 * @param nextAfter     {@code nextAfter[i]}: the next index from {@code nodes[i]} to {@code nodes[i + 1]}
 * @param nextFromStart by start node position: the next index from that start node to {@code nodes[0]}
 */
record FeatureChain(int[] nodes, int[] nextAfter, int[] nextFromStart) {
}
