package io.vecta.runtime.show;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.graph.NextArcs;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.node.ErrorDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import java.util.List;

/**
 * {@code show node NAME}: one node's type, state, index, sibling, plugin, next nodes, previous
 * nodes, error counters and per-thread statistics, in the layout of VPP's {@code show node}
 * (its {@code verbose} statistics always shown).
 *
 * <pre>
 * node classify, type internal, state active, index 5, sibling-of ip4-input
 *   plugin: test
 *
 *   next nodes:
 *     next-index  node-index               Node
 *         0           6                   if0-tx
 *
 *   known previous nodes:
 *     rx (4)
 *
 *   errors:
 *          Count                 Reason                Severity
 *              4             flow not wanted             error
 *
 *   Thread    Calls      Time (ns)     Vectors      Max Time   Max Vectors
 *     0         1          10400          8          10400          8
 * </pre>
 *
 * The state is the main thread's; errors are summed over the threads and listed all, zero or
 * not; times are nanoseconds since each thread's last {@code clear runtime}. Previous nodes
 * are listed for internal nodes only, as VPP does.
 */
public final class ShowNode {

    private ShowNode() {
    }

    /**
     * The text of {@code show node NAME} over {@code threads}, main thread first.
     *
     * @throws IllegalArgumentException if {@code threads} is empty
     * @throws io.vecta.runtime.graph.GraphException {@code [VectaUnknownNode]} if no node is
     *                                               called {@code nodeName}
     */
    public static String format(List<DispatchThread> threads, String nodeName) {
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("show node needs at least the main thread");
        }
        ThreadRuntime main = threads.getFirst().runtime();
        Graph graph = main.graph();
        GraphNodeEntry node = graph.node(nodeName);
        NodeDescriptor descriptor = node.descriptor();
        StringBuilder out = new StringBuilder();
        out.append("node ").append(node.name()).append(", type ").append(typeName(descriptor.type()))
                .append(", state ").append(ShowRuntime.state(main, main.node(node.index())))
                .append(", index ").append(node.index());
        if (!descriptor.siblingOf().isEmpty()) {
            out.append(", sibling-of ").append(descriptor.siblingOf());
        }
        out.append('\n').append("  plugin: ").append(node.plugin()).append('\n');
        nextNodes(out, graph, node);
        if (descriptor.type() == NodeType.INTERNAL) {
            previousNodes(out, graph, node);
        }
        errors(out, threads, node);
        statistics(out, threads, node);
        return out.toString();
    }

    private static void nextNodes(StringBuilder out, Graph graph, GraphNodeEntry node) {
        out.append("\n  next nodes:");
        NextArcs nexts = node.nexts();
        if (nexts.count() == 0) {
            out.append("\n    none");
        } else {
            out.append("\n    ").append(Columns.right("next-index", 10)).append("  ")
                    .append(Columns.right("node-index", 10)).append("  ").append(Columns.center("Node", 30));
        }
        for (int next = 0; next < nexts.count(); next++) {
            int target = nexts.target(next);
            out.append("\n    ").append(Columns.center(next, 10)).append("  ").append(Columns.center(target, 10))
                    .append("  ").append(Columns.center(graph.node(target).name(), 30));
        }
        out.append('\n');
    }

    private static void previousNodes(StringBuilder out, Graph graph, GraphNodeEntry node) {
        out.append("\n  known previous nodes:");
        List<Integer> previous = PreviousNodes.of(graph).of(node.index());
        if (previous.isEmpty()) {
            out.append("\n    none");
        }
        for (int i = 0; i < previous.size(); i++) {
            if (i % 3 == 0) {
                out.append("\n    ");
            }
            int index = previous.get(i);
            out.append(Columns.left(graph.node(index).name() + " (" + index + ")", 35));
        }
        out.append('\n');
    }

    private static void errors(StringBuilder out, List<DispatchThread> threads, GraphNodeEntry node) {
        out.append("\n  errors:");
        List<ErrorDescriptor> errors = node.descriptor().errors();
        if (errors.isEmpty()) {
            out.append("\n    none");
        } else {
            out.append("\n    ").append(Columns.center("Count", 10)).append(Columns.center("Reason", 35))
                    .append(Columns.center("Severity", 10));
        }
        for (ErrorDescriptor error : errors) {
            long count = 0;
            for (DispatchThread thread : threads) {
                count += thread.runtime().errorCounter(node.errorBase() + error.code());
            }
            out.append("\n    ").append(Columns.right(count, 10)).append(Columns.center(error.description(), 35))
                    .append(Columns.center(ShowErrors.severity(error.severity()), 10));
        }
        out.append('\n');
    }

    private static void statistics(StringBuilder out, List<DispatchThread> threads, GraphNodeEntry node) {
        out.append('\n').append(Columns.right("Thread", 8)).append(' ').append(Columns.center("Calls", 12)).append(' ')
                .append(Columns.center("Time (ns)", 12)).append(' ').append(Columns.center("Vectors", 12)).append(' ')
                .append(Columns.center("Max Time", 12)).append(' ').append(Columns.center("Max Vectors", 12))
                .append('\n');
        for (DispatchThread thread : threads) {
            NodeRuntime runtime = thread.runtime().node(node.index());
            out.append(Columns.center(thread.index(), 8)).append(' ').append(Columns.center(runtime.calls(), 12))
                    .append(' ').append(Columns.center(runtime.nanos(), 12)).append(' ')
                    .append(Columns.center(runtime.vectors(), 12)).append(' ')
                    .append(Columns.center(runtime.maxCallNanos(), 12)).append(' ')
                    .append(Columns.center(runtime.vectorsAtMaxCall(), 12)).append('\n');
        }
    }

    /** VPP's names of node types. */
    static String typeName(NodeType type) {
        return switch (type) {
            case INTERNAL -> "internal";
            case INPUT -> "input";
            case PRE_INPUT -> "pre-input";
            case PROCESS -> "process";
        };
    }
}
