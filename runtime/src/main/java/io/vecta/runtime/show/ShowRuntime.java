package io.vecta.runtime.show;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.sdk.annotation.NodeType;
import java.util.Comparator;
import java.util.List;

/**
 * {@code show runtime [verbose] [max] [summary]}: per thread, the time and rates since the
 * last {@code clear runtime}, then a row per node, in VPP's layout.
 *
 * <pre>
 * Thread 1 vecta_wk_0 (lcore 2)
 * Time 4.5, 4.500000 sec internal node vector rate 1.00 loops/sec 277890.32
 *   vector rates in 2.2319e-1, out 2.2319e-1, drop 0.0000e0, punt 0.0000e0
 *              Name                 State         Calls          Vectors        Suspends      Packet-Time    Vectors/Call
 * ethernet-input                   active                  1               1               0          1.92e5            1.00
 * </pre>
 *
 * <ul>
 *   <li>The thread line and the {@code ---------------} between threads appear only when
 *       there are several threads, as in VPP.</li>
 *   <li>Every rate covers the time since the thread's last clear: VPP samples the internal
 *       node vector rate and loops per second over the stats segment's interval, whose length
 *       it prints second; Vecta prints the length of its own window there.</li>
 *   <li>Times are nanoseconds (VPP's {@code show runtime time}): {@code Packet-Time} is per
 *       vector, or per call of a node that processed none, or per suspend.</li>
 *   <li>{@code in} counts vectors of input nodes, {@code out} of interface transmit nodes
 *       (internal nodes named {@code <interface>-tx}), {@code drop} and {@code punt} of
 *       {@code error-drop} and {@code error-punt}.</li>
 *   <li>State: {@code active} for internal nodes; {@code polling}, {@code interrupt wait} or
 *       {@code disabled} for input nodes ({@code polling} for pre-input nodes); a process's state in
 *       quotes. Names and states are cut to their columns as VPP cuts them.</li>
 *   <li>Nodes are in name order; without {@code verbose} only those called or suspended since
 *       the clear. {@code max} shows the longest call of each node instead of the totals;
 *       {@code summary} stops after the rates.</li>
 * </ul>
 *
 * {@code clear runtime} is {@link ThreadRuntime#clearRuntime} on each thread.
 */
public final class ShowRuntime {

    /**
     * What to show.
     *
     * @param verbose every node, also those not called since the clear
     * @param max     the longest call of each node instead of the totals
     * @param summary only the time and rates of each thread
     */
    public record Options(boolean verbose, boolean max, boolean summary) {
        /** {@code show runtime} with no words. */
        public static final Options BRIEF = new Options(false, false, false);
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private ShowRuntime() {
    }

    /** The text of {@code show runtime} for {@code threads}, now. */
    public static String format(List<DispatchThread> threads, Options options) {
        return format(threads, options, System.nanoTime());
    }

    /** The text of {@code show runtime} for {@code threads} at {@link System#nanoTime()} {@code nowNanos}. */
    public static String format(List<DispatchThread> threads, Options options, long nowNanos) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < threads.size(); i++) {
            DispatchThread thread = threads.get(i);
            if (threads.size() > 1) {
                if (i > 0) {
                    out.append("---------------\n");
                }
                out.append("Thread ").append(thread.index()).append(' ').append(thread.name());
                if (thread.lcore() != DispatchThread.UNKNOWN) {
                    out.append(" (lcore ").append(thread.lcore()).append(')');
                }
                out.append('\n');
            }
            formatThread(out, thread.runtime(), options, nowNanos);
        }
        return out.toString();
    }

    private static void formatThread(StringBuilder out, ThreadRuntime thread, Options options, long nowNanos) {
        double seconds = Math.max(0, nowNanos - thread.runtimeClearedNanos()) / NANOS_PER_SECOND;
        long in = 0;
        long output = 0;
        long drop = 0;
        long punt = 0;
        long internalCalls = 0;
        long internalVectors = 0;
        for (GraphNodeEntry entry : thread.graph().nodes()) {
            NodeRuntime node = thread.node(entry.index());
            switch (entry.descriptor().type()) {
                case INPUT -> in += node.vectors();
                case INTERNAL -> {
                    internalCalls += node.calls();
                    internalVectors += node.vectors();
                    if (entry.name().endsWith("-tx")) {
                        output += node.vectors();
                    } else if (entry.name().equals("error-drop")) {
                        drop += node.vectors();
                    } else if (entry.name().equals("error-punt")) {
                        punt += node.vectors();
                    }
                }
                case PRE_INPUT, PROCESS -> { }
            }
        }
        double internalRate = internalCalls == 0 ? 0 : (double) internalVectors / internalCalls;
        out.append("Time ").append(Columns.fixed(seconds, 1)).append(", ").append(Columns.fixed(seconds, 6))
                .append(" sec internal node vector rate ").append(Columns.fixed(internalRate, 2))
                .append(" loops/sec ").append(Columns.fixed(rate(thread.loopsSinceClear(), seconds), 2)).append('\n');
        out.append("  vector rates in ").append(Columns.scientific(rate(in, seconds), 4))
                .append(", out ").append(Columns.scientific(rate(output, seconds), 4))
                .append(", drop ").append(Columns.scientific(rate(drop, seconds), 4))
                .append(", punt ").append(Columns.scientific(rate(punt, seconds), 4)).append('\n');
        if (options.summary()) {
            return;
        }
        out.append(options.max() ? maxHeader() : header()).append('\n');
        List<GraphNodeEntry> byName = thread.graph().nodes().stream()
                .sorted(Comparator.comparing(GraphNodeEntry::name)).toList();
        for (GraphNodeEntry entry : byName) {
            NodeRuntime node = thread.node(entry.index());
            if (node.calls() == 0 && node.suspends() == 0 && !options.verbose()) {
                continue;
            }
            out.append(options.max() ? maxRow(node) : row(thread, node)).append('\n');
        }
    }

    private static String header() {
        return Columns.center("Name", 30) + Columns.center("State", 12) + Columns.center("Calls", 16)
                + Columns.center("Vectors", 16) + Columns.center("Suspends", 16) + Columns.center("Packet-Time", 16)
                + Columns.center("Vectors/Call", 16);
    }

    private static String maxHeader() {
        return Columns.center("Name", 30) + Columns.center("Max Node Time", 17) + Columns.center("Vectors at Max", 16)
                + Columns.center("Max Time", 16) + Columns.center("Avg Time (ns)", 16)
                + Columns.center("Avg Vectors/Call", 16);
    }

    private static String row(ThreadRuntime thread, NodeRuntime node) {
        return Columns.left(node.node().name(), 30) + Columns.center(state(thread, node), 12)
                + Columns.right(node.calls(), 16) + Columns.right(node.vectors(), 16)
                + Columns.right(node.suspends(), 16) + Columns.right(Columns.scientific(timePerVector(node), 2), 16)
                + Columns.right(Columns.fixed(vectorsPerCall(node), 2), 16);
    }

    private static String maxRow(NodeRuntime node) {
        long max = node.maxCallNanos();
        int vectorsAtMax = node.vectorsAtMaxCall();
        double maxPerVector = vectorsAtMax == 0 ? 0 : (double) max / vectorsAtMax;
        return Columns.left(node.node().name(), 30) + Columns.center(Columns.scientific(max, 2), 17)
                + Columns.center(vectorsAtMax, 16) + Columns.center(Columns.scientific(maxPerVector, 2), 16)
                + Columns.center(Columns.scientific(timePerVector(node), 2), 16)
                + Columns.center(Columns.scientific(vectorsPerCall(node), 2), 16);
    }

    /** Nanoseconds per vector, else per call, else per suspend, as VPP's clocks per packet. */
    private static double timePerVector(NodeRuntime node) {
        double nanos = node.nanos();
        if (node.vectors() > 0) {
            return nanos / node.vectors();
        }
        if (node.calls() > 0) {
            return nanos / node.calls();
        }
        return node.suspends() > 0 ? nanos / node.suspends() : 0;
    }

    private static double vectorsPerCall(NodeRuntime node) {
        return node.calls() == 0 ? 0 : (double) node.vectors() / node.calls();
    }

    private static double rate(long count, double seconds) {
        return seconds == 0 ? 0 : count / seconds;
    }

    /** VPP's state column of {@code node} on {@code thread}. */
    static String state(ThreadRuntime thread, NodeRuntime node) {
        NodeType type = node.node().descriptor().type();
        return switch (type) {
            case PROCESS -> "\"" + (thread.processes() == null ? "not started"
                    : thread.processes().state(node.node().name()).label()) + "\"";
            case INPUT -> switch (node.state()) {
                case POLLING -> "polling";
                case INTERRUPT -> "interrupt wait";
                case DISABLED -> "disabled";
            };
            case PRE_INPUT -> "polling";
            case INTERNAL -> "active";
        };
    }
}
