package io.vecta.runtime.show;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.node.ErrorDescriptor;
import java.util.List;

/**
 * {@code show errors [verbose]} (also {@code show node counters}): the error counters that
 * are not zero since the last {@code clear errors}, in VPP's layout.
 *
 * <pre>
 *    Count                  Node                              Reason               Severity
 *          3             ip4-input                      ip4 ttl &lt;= 1                   error
 * </pre>
 *
 * Without {@code verbose}, one row per counter with the sum over all threads, in node index
 * and error code order. With it, as VPP: a block per thread with each counter's global index,
 * then the sums under {@code Total:}. A dropped packet appears once, under the node that chose
 * to drop it ({@code error-drop} and {@code error-punt} have no counters of their own).
 *
 * {@code clear errors} is {@link io.vecta.runtime.dispatch.ThreadRuntime#clearErrors} on each
 * thread.
 */
public final class ShowErrors {

    private ShowErrors() {
    }

    /** The text of {@code show errors} for {@code threads} (all over one graph). */
    public static String format(List<DispatchThread> threads, boolean verbose) {
        StringBuilder out = new StringBuilder();
        if (threads.isEmpty()) {
            return out.append(header(verbose)).append('\n').toString();
        }
        Graph graph = threads.getFirst().runtime().graph();
        long[] sums = new long[graph.errorCount()];
        out.append(header(verbose)).append('\n');
        for (DispatchThread thread : threads) {
            if (verbose) {
                out.append("Thread ").append(thread.index()).append(" (").append(thread.name()).append("):\n");
            }
            for (GraphNodeEntry entry : graph.nodes()) {
                for (ErrorDescriptor error : entry.descriptor().errors()) {
                    int index = entry.errorBase() + error.code();
                    long count = thread.runtime().errorCounter(index);
                    sums[index] += count;
                    if (verbose && count != 0) {
                        out.append(row(count, entry.name(), error)).append(Columns.center(index, 6)).append('\n');
                    }
                }
            }
        }
        if (verbose) {
            out.append("Total:\n");
        }
        for (GraphNodeEntry entry : graph.nodes()) {
            for (ErrorDescriptor error : entry.descriptor().errors()) {
                int index = entry.errorBase() + error.code();
                if (sums[index] == 0) {
                    continue;
                }
                if (verbose) {
                    out.append(Columns.right(sums[index], 10)).append(Columns.center(entry.name(), 40))
                            .append(Columns.center(error.description(), 20)).append(Columns.center(index, 10));
                } else {
                    out.append(row(sums[index], entry.name(), error));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String header(boolean verbose) {
        String columns = Columns.center("Count", 10) + Columns.center("Node", 35) + Columns.center("Reason", 35)
                + Columns.center("Severity", 10);
        return verbose ? columns + Columns.center("Index", 6) : columns;
    }

    private static String row(long count, String node, ErrorDescriptor error) {
        return Columns.right(count, 10) + Columns.center(node, 35) + Columns.center(error.description(), 35)
                + Columns.center(severity(error.severity()), 10);
    }

    /** VPP's names of counter severities. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warn";
            case INFO -> "info";
        };
    }
}
