package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.dispatch.TraceFilter;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.ShowTrace;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.Locale;

/**
 * The packet tracer, with VPP's names and syntax: {@code trace add}, {@code show trace},
 * {@code clear trace} and {@code trace filter}.
 */
public final class TraceCommands {

    private TraceCommands() {
    }

    /** {@code trace add <input-node> <count>}. */
    @CliCommand(path = "trace add", shortHelp = "trace add <input-node> <count>",
            longHelp = "Traces the next <count> packets the input node produces on each thread, in addition to those"
                    + " it was already asked for: every node such a packet passes records what it did, and"
                    + " 'show trace' prints it. A count of 0 ends the node's tracing.")
    public static void traceAdd(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        GraphNodeEntry node = RunningRuntime.node(runtime.graph(), in);
        int count = in.number("count", 0, Integer.MAX_VALUE);
        in.expectEnd();
        addTrace(runtime, node, count);
    }

    /** Adds {@code count} packets to input node {@code node}'s trace budget on every thread. */
    static void addTrace(VectaRuntime runtime, GraphNodeEntry node, int count) {
        NodeType type = node.descriptor().type();
        if (type != NodeType.INPUT) {
            throw new CliException("node '" + node.name() + "' is a" + article(type) + " "
                    + type.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " node; packets are traced from the input node that produces them");
        }
        for (DispatchThread thread : runtime.threads()) {
            thread.runtime().node(node.index()).addTraceBudget(count);
        }
    }

    /** {@code show trace [max <count>]}. */
    @CliCommand(path = "show trace", shortHelp = "show trace [max <count>]",
            longHelp = "The packets traced on each thread, oldest first: for each, the time it reached each node,"
                    + " the node, and what the node recorded. At most 50 packets per thread unless max says"
                    + " otherwise. A packet handed to a worker shows in two parts: up to the handoff under the"
                    + " sending thread, the rest under the worker, starting with a HANDED-OFF record. A full trace"
                    + " buffer says how many records and packets it could not keep.")
    public static void showTrace(CliContext ctx, CliInput in, CliOutput out) {
        int max = ShowTrace.DEFAULT_MAX;
        if (in.keyword("max")) {
            max = in.number("max", 0, Integer.MAX_VALUE);
        }
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        out.print(ShowTrace.format(runtime.threads(), runtime.clock().startNanos(), max));
    }

    /** {@code clear trace}. */
    @CliCommand(path = "clear trace", shortHelp = "clear trace",
            longHelp = "Forgets the packet traces of every thread and their counts of what did not fit. Input nodes"
                    + " asked to trace more packets go on doing so.")
    public static void clearTrace(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        for (DispatchThread thread : RunningRuntime.of(ctx).threads()) {
            thread.runtime().clearTraces();
        }
    }

    /** {@code trace filter none | include|exclude <node> <count>}. */
    @CliCommand(path = "trace filter", shortHelp = "trace filter none | [include|exclude] <node> <count>",
            longHelp = "Keeps only the first <count> traced packets that passed the node (include), or that did"
                    + " not (exclude); 'none' keeps every one. The filter acts as traces complete and on 'show"
                    + " trace'. As in VPP, setting it ends the tracing asked for with 'trace add': add again.")
    public static void traceFilter(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        String mode = in.oneOf("filter", "none", "include", "exclude");
        TraceFilter filter;
        if (mode.equals("none")) {
            filter = TraceFilter.NONE;
        } else {
            GraphNodeEntry node = RunningRuntime.node(runtime.graph(), in);
            int count = in.number("count", 0, Integer.MAX_VALUE);
            filter = new TraceFilter(mode.equals("include") ? TraceFilter.Mode.INCLUDE : TraceFilter.Mode.EXCLUDE,
                    node.name(), count);
        }
        in.expectEnd();
        for (DispatchThread thread : runtime.threads()) {
            thread.runtime().setTraceFilter(filter);
        }
    }

    private static String article(NodeType type) {
        return type == NodeType.INTERNAL ? "n" : "";
    }
}
