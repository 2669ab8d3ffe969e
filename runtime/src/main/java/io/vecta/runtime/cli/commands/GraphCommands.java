package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.GraphDot;
import io.vecta.runtime.show.ShowErrors;
import io.vecta.runtime.show.ShowNode;
import io.vecta.runtime.show.ShowRuntime;
import io.vecta.runtime.show.ShowVlibGraph;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The commands that report on the graph and its counters, with VPP's names and syntax:
 * {@code show runtime}, {@code clear runtime}, {@code show errors} (also
 * {@code show node counters}), {@code clear errors} (also {@code clear node counters}),
 * {@code show node}, {@code show vlib graph} and {@code show vlib graphviz}.
 */
public final class GraphCommands {

    private GraphCommands() {
    }

    /** {@code show runtime [verbose|max|summary]}. */
    @CliCommand(path = "show runtime", shortHelp = "show runtime [verbose|max|summary]",
            longHelp = "For each dispatch thread: the time since the last 'clear runtime', the loops per second and"
                    + " the vector rates, then a row per node called since then with its state, calls, vectors,"
                    + " suspends, nanoseconds per vector and vectors per call.\n"
                    + "verbose lists every node, called or not; max shows each node's longest call instead of its"
                    + " totals; summary stops after the rates. The words combine: show runtime verbose max.")
    public static void showRuntime(CliContext ctx, CliInput in, CliOutput out) {
        boolean verbose = false;
        boolean max = false;
        boolean summary = false;
        while (!in.atEnd()) {
            switch (in.tryOneOf("verbose", "max", "summary").orElseThrow(in::unknownInput)) {
                case "verbose" -> verbose = true;
                case "max" -> max = true;
                default -> summary = true;
            }
        }
        out.print(ShowRuntime.format(RunningRuntime.of(ctx).threads(), new ShowRuntime.Options(verbose, max, summary)));
    }

    /** {@code clear runtime}. */
    @CliCommand(path = "clear runtime", shortHelp = "clear runtime",
            longHelp = "Starts the statistics of 'show runtime' again from now on every thread: calls, vectors,"
                    + " suspends, times and loop rates. Error counters are left alone ('clear errors' zeroes"
                    + " them), and so are the loop counts of 'show threads'.")
    public static void clearRuntime(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        for (DispatchThread thread : RunningRuntime.of(ctx).threads()) {
            thread.runtime().clearRuntime();
        }
    }

    /** {@code show errors [verbose]}. */
    @CliCommand(path = "show errors", shortHelp = "show errors [verbose]",
            longHelp = "The error counters that are not zero since the last 'clear errors', summed over the"
                    + " threads: count, node, reason and severity. A dropped packet is counted once, by the node"
                    + " that dropped it.\n"
                    + "verbose shows each thread's counters with their indices, then the totals.")
    public static void showErrors(CliContext ctx, CliInput in, CliOutput out) {
        errors(ctx, in, out);
    }

    /** {@code show node counters [verbose]}: VPP's other name of {@code show errors}. */
    @CliCommand(path = "show node counters", shortHelp = "show node counters [verbose]",
            longHelp = "The same report as 'show errors': the error counters of the nodes that are not zero.")
    public static void showNodeCounters(CliContext ctx, CliInput in, CliOutput out) {
        errors(ctx, in, out);
    }

    private static void errors(CliContext ctx, CliInput in, CliOutput out) {
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        out.print(ShowErrors.format(RunningRuntime.of(ctx).threads(), verbose));
    }

    /** {@code clear errors}. */
    @CliCommand(path = "clear errors", shortHelp = "clear errors",
            longHelp = "Zeroes the error counters of every node on every thread, as 'show errors' reports them.")
    public static void clearErrors(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        for (DispatchThread thread : RunningRuntime.of(ctx).threads()) {
            thread.runtime().clearErrors();
        }
    }

    /** {@code clear node counters}: VPP's other name of {@code clear errors}. */
    @CliCommand(path = "clear node counters", shortHelp = "clear node counters",
            longHelp = "The same as 'clear errors': zeroes the error counters of every node on every thread.")
    public static void clearNodeCounters(CliContext ctx, CliInput in, CliOutput out) {
        clearErrors(ctx, in, out);
    }

    /** {@code show node <node-name> | index <n>}. */
    @CliCommand(path = "show node", shortHelp = "show node <node-name> | index <node-index>",
            longHelp = "One node in full: type, state, index, plugin, next nodes, previous nodes, its error"
                    + " counters, and its calls, vectors and times on each thread since the last 'clear runtime'.\n"
                    + "The word after 'show node' is a node name, except 'counters' and its prefixes, which run"
                    + " 'show node counters', as in VPP.")
    public static void showNode(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        Graph graph = runtime.graph();
        GraphNodeEntry node = in.keyword("index")
                ? graph.node(in.number("index", 0, graph.nodeCount() - 1))
                : RunningRuntime.node(graph, in);
        in.expectEnd();
        out.print(ShowNode.format(runtime.threads(), node.name()));
    }

    /** {@code show vlib graph [<node-name>]}. */
    @CliCommand(path = "show vlib graph", shortHelp = "show vlib graph [<node-name>]",
            longHelp = "Each node of the graph with its next nodes, by next index, and the nodes that lead to it;"
                    + " every node in name order, or only the one named.")
    public static void showVlibGraph(CliContext ctx, CliInput in, CliOutput out) {
        Graph graph = RunningRuntime.of(ctx).graph();
        if (in.atEnd()) {
            out.print(ShowVlibGraph.format(graph));
            return;
        }
        GraphNodeEntry node = RunningRuntime.node(graph, in);
        in.expectEnd();
        out.print(ShowVlibGraph.format(graph, node.name()));
    }

    /** {@code show vlib graphviz [<file>]}. */
    @CliCommand(path = "show vlib graphviz", shortHelp = "show vlib graphviz [<file>]",
            longHelp = "The graph in Graphviz's DOT language: a box per node with its vectors and calls since the"
                    + " last 'clear runtime', an arrow per next arc labelled with its next index.\n"
                    + "Without a file, prints the DOT text. With one, writes it there, replacing the file; a name"
                    + " ending in .svg gets the drawing instead, made by Graphviz's dot program, which must be"
                    + " installed. A relative name is taken from the runtime's working directory.")
    public static void showVlibGraphviz(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        if (in.atEnd()) {
            out.print(GraphDot.export(runtime.graph(), runtime.threads()));
            return;
        }
        String file = in.string("file");
        in.expectEnd();
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new CliException("file: '" + file + "' is not a file name: " + e.getReason());
        }
        String dot = GraphDot.export(runtime.graph(), runtime.threads());
        boolean svg = file.toLowerCase(Locale.ROOT).endsWith(".svg");
        write(path, svg ? drawn(dot) : dot);
        out.println(svg ? "graph drawn into " + path
                : "graph written into " + path + "; draw it with: dot -Tsvg -O " + path);
    }

    private static String drawn(String dot) {
        try {
            return GraphDot.toSvg(dot);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code path}, or fails with the operating system's reason. */
    static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot write " + path + ": no such directory "
                    + (path.toAbsolutePath().getParent()), e);
        } catch (AccessDeniedException e) {
            throw new CliException("cannot write " + path + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new CliException("cannot write " + path + ": " + (e.getReason() != null ? e.getReason() : e), e);
        } catch (IOException e) {
            throw new CliException("cannot write " + path + ": " + e, e);
        }
    }
}
