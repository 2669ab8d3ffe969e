package io.vecta.runtime.graph;

import io.vecta.sdk.node.NodeDescriptor;

/**
 * One node of the built graph: its index, the plugin that registered it, its next arcs
 * (shared with its siblings) and where its error counters start in the thread's global error
 * table (VPP's {@code node->error_heap_index}).
 *
 * @param index      the node index
 * @param descriptor what the plugin declared
 * @param plugin     the plugin's name
 * @param nexts      the next arcs, the same object for all siblings
 * @param errorBase  global error index of the node's error code 0
 */
public record GraphNodeEntry(int index, NodeDescriptor descriptor, String plugin, NextArcs nexts, int errorBase) {

    /** The node's name. */
    public String name() {
        return descriptor.name();
    }
}
