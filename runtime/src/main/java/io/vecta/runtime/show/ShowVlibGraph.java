package io.vecta.runtime.show;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.graph.NextArcs;
import java.util.Comparator;
import java.util.List;

/**
 * {@code show vlib graph [NODE]}: each node with its next nodes (and their next indices) and
 * the nodes that lead to it, in VPP's layout.
 *
 * <pre>
 *            Name                      Next                    Previous
 * classify                         if0-tx [0]                     rx
 *                                error-drop [1]
 * </pre>
 *
 * Row {@code i} of a node holds its {@code i}-th next arc and its {@code i}-th previous node
 * (by index); the node's name is cut to 26 characters as VPP cuts it. Without a node, every
 * node in name order, each followed by an empty line.
 */
public final class ShowVlibGraph {

    private static final int WIDTH = 26;

    private ShowVlibGraph() {
    }

    /** The text of {@code show vlib graph}: every node. */
    public static String format(Graph graph) {
        PreviousNodes previous = PreviousNodes.of(graph);
        StringBuilder out = new StringBuilder(header()).append('\n');
        List<GraphNodeEntry> byName = graph.nodes().stream().sorted(Comparator.comparing(GraphNodeEntry::name)).toList();
        for (GraphNodeEntry node : byName) {
            out.append(block(graph, previous, node)).append("\n\n");
        }
        return out.toString();
    }

    /**
     * The text of {@code show vlib graph NODE}.
     *
     * @throws io.vecta.runtime.graph.GraphException {@code [VectaUnknownNode]} if no node is
     *                                               called {@code nodeName}
     */
    public static String format(Graph graph, String nodeName) {
        GraphNodeEntry node = graph.node(nodeName);
        return header() + "\n" + block(graph, PreviousNodes.of(graph), node) + "\n";
    }

    private static String header() {
        return Columns.center("Name", WIDTH) + Columns.center("Next", WIDTH) + Columns.center("Previous", WIDTH);
    }

    private static String block(Graph graph, PreviousNodes previousNodes, GraphNodeEntry node) {
        NextArcs nexts = node.nexts();
        List<Integer> previous = previousNodes.of(node.index());
        StringBuilder out = new StringBuilder(Columns.left(node.name(), WIDTH));
        int rows = Math.max(nexts.count(), previous.size());
        for (int row = 0; row < rows; row++) {
            if (row > 0) {
                out.append('\n').append(" ".repeat(WIDTH));
            }
            if (row < nexts.count()) {
                out.append(Columns.center(graph.node(nexts.target(row)).name() + " [" + row + "]", WIDTH));
            } else {
                out.append(" ".repeat(WIDTH));
            }
            if (row < previous.size()) {
                out.append(Columns.center(graph.node(previous.get(row)).name(), WIDTH));
            }
        }
        return out.toString();
    }
}
