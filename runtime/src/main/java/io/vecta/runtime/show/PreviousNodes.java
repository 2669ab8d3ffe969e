package io.vecta.runtime.show;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.graph.NextArcs;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The nodes that have an arc to each node, in index order (VPP's {@code prev_node_bitmap}),
 * taken from the graph's next arcs as they are now.
 */
final class PreviousNodes {

    private final List<TreeSet<Integer>> previous;

    private PreviousNodes(List<TreeSet<Integer>> previous) {
        this.previous = previous;
    }

    /** The previous nodes of every node of {@code graph}. */
    static PreviousNodes of(Graph graph) {
        List<TreeSet<Integer>> previous = new ArrayList<>(graph.nodeCount());
        for (int i = 0; i < graph.nodeCount(); i++) {
            previous.add(new TreeSet<>());
        }
        for (GraphNodeEntry node : graph.nodes()) {
            NextArcs nexts = node.nexts();
            for (int next = 0; next < nexts.count(); next++) {
                previous.get(nexts.target(next)).add(node.index());
            }
        }
        return new PreviousNodes(previous);
    }

    /** The indices of the nodes with an arc to node {@code node}, ascending. */
    List<Integer> of(int node) {
        return List.copyOf(previous.get(node));
    }
}
