package io.vecta.runtime.dispatch;

import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.node.ErrorDescriptor;
import java.util.Locale;

/**
 * The text of {@code show runtime} and {@code show errors} for one thread, in VPP's column
 * layout, so that people and scripts used to VPP read it the same way.
 *
 * <pre>
 *              Name                 State         Calls          Vectors        Suspends     Packet-Nanos    Vectors/Call
 * sample-ip4-count                  active                  4             1000               0         3.10e1          250.00
 * </pre>
 * {@code Packet-Nanos} is nanoseconds per vector (per call for a node that processed none), in
 * the place of VPP's clocks: the JVM reads no cycle counter portably.
 */
public final class RuntimeReport {

    private RuntimeReport() {
    }

    /**
     * {@code show runtime}: every node that has been called, and every process. Input nodes
     * print their state ({@code polling}, {@code interrupt wait}, {@code disabled}), processes
     * theirs in quotes, others {@code active}.
     */
    public static String formatRuntime(ThreadRuntime thread) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s%n", thread.threadIndex() == 0 ? "Thread 0 vecta_main"
                : "Thread " + thread.threadIndex() + " vecta_wk_" + (thread.threadIndex() - 1)));
        out.append(String.format(Locale.ROOT, "%-30s%-16s%16s%16s%16s%16s%16s%n", center("Name", 30),
                center("State", 16), "Calls", "Vectors", "Suspends", "Packet-Nanos", "Vectors/Call"));
        for (GraphNodeEntry entry : thread.graph().nodes()) {
            NodeRuntime node = thread.node(entry.index());
            NodeType type = entry.descriptor().type();
            if (node.calls() == 0 && type != NodeType.PROCESS) {
                continue;
            }
            long perVector = node.vectors() > 0 ? node.vectors() : Math.max(1, node.calls());
            double nanos = (double) node.nanos() / perVector;
            double vectorsPerCall = node.calls() == 0 ? 0 : (double) node.vectors() / node.calls();
            out.append(String.format(Locale.ROOT, "%-30s%-16s%16d%16d%16d%16.2e%16.2f%n", name(entry.name(), 30),
                    center(state(thread, node, type), 16), node.calls(), node.vectors(), node.suspends(), nanos,
                    vectorsPerCall));
        }
        return out.toString();
    }

    /** {@code show errors}: every error counter that is not zero, by node. */
    public static String formatErrors(ThreadRuntime thread) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%10s%s%s%s%n", "Count", center("Node", 30), center("Reason", 40),
                center("Severity", 12)));
        for (GraphNodeEntry entry : thread.graph().nodes()) {
            for (ErrorDescriptor error : entry.descriptor().errors()) {
                long count = thread.errorCounter(entry.errorBase() + error.code());
                if (count == 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%10d%s%s%s%n", count, center(entry.name(), 30),
                        center(error.description(), 40),
                        center(error.severity().name().toLowerCase(Locale.ROOT), 12)));
            }
        }
        return out.toString();
    }

    private static String state(ThreadRuntime thread, NodeRuntime node, NodeType type) {
        return switch (type) {
            case PROCESS -> "\"" + thread.processes().state(node.node().name()).label() + "\"";
            case INPUT -> switch (node.state()) {
                case POLLING -> "polling";
                case INTERRUPT -> "interrupt wait";
                case DISABLED -> "disabled";
            };
            case INTERNAL, PRE_INPUT -> "active";
        };
    }

    private static String name(String name, int width) {
        return name.length() > width ? name.substring(0, width) : name;
    }

    private static String center(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        int left = (width - text.length()) / 2;
        return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
    }
}
