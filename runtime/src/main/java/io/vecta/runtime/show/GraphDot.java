package io.vecta.runtime.show;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.graph.NextArcs;
import io.vecta.sdk.annotation.NodeType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The packet graph in Graphviz's DOT language (what VPP's {@code show vlib graphviz} writes),
 * and its rendering to SVG by Graphviz's {@code dot} program.
 *
 * <pre>
 * digraph "vecta" {
 *   rankdir=LR;
 *   node [shape=box];
 *   { rank=source; "rx"; }
 *   "rx" [label="rx\n8 vectors / 1 calls"];
 *   "classify" [label="classify\n8 vectors / 1 calls"];
 *   "rx" -&gt; "classify" [label="0"];
 * }
 * </pre>
 *
 * One box per node, in node index order, labelled with its name and its vectors and calls
 * summed over the threads since their last {@code clear runtime}; one arrow per next arc,
 * labelled with its next index; input and pre-input nodes share the first rank, so packets
 * flow from the left. Names are quoted, with {@code "} and {@code \} escaped.
 */
public final class GraphDot {

    /** The Graphviz program that lays out directed graphs. */
    static final String DOT = "dot";

    private GraphDot() {
    }

    /** {@code graph} in DOT, each node with the counts of {@code threads} (none: zero counts). */
    public static String export(Graph graph, List<DispatchThread> threads) {
        StringBuilder out = new StringBuilder("digraph \"vecta\" {\n  rankdir=LR;\n  node [shape=box];\n");
        List<GraphNodeEntry> inputs = graph.nodes().stream()
                .filter(node -> node.descriptor().type() == NodeType.INPUT
                        || node.descriptor().type() == NodeType.PRE_INPUT)
                .toList();
        if (!inputs.isEmpty()) {
            out.append("  { rank=source;");
            for (GraphNodeEntry input : inputs) {
                out.append(' ').append(quote(input.name())).append(';');
            }
            out.append(" }\n");
        }
        for (GraphNodeEntry node : graph.nodes()) {
            long calls = 0;
            long vectors = 0;
            for (DispatchThread thread : threads) {
                NodeRuntime runtime = thread.runtime().node(node.index());
                calls += runtime.calls();
                vectors += runtime.vectors();
            }
            out.append("  ").append(quote(node.name())).append(" [label=")
                    .append(quote(node.name(), "\\n" + vectors + " vectors / " + calls + " calls")).append("];\n");
        }
        for (GraphNodeEntry node : graph.nodes()) {
            NextArcs nexts = node.nexts();
            for (int next = 0; next < nexts.count(); next++) {
                out.append("  ").append(quote(node.name())).append(" -> ")
                        .append(quote(graph.node(nexts.target(next)).name())).append(" [label=\"").append(next)
                        .append("\"];\n");
            }
        }
        return out.append("}\n").toString();
    }

    /**
     * {@code dot} laid out and drawn as SVG by Graphviz's {@code dot -Tsvg}.
     *
     * @throws IllegalStateException if {@code dot} is not on the {@code PATH}, or fails (the
     *                               message holds what it printed)
     */
    public static String toSvg(String dot) {
        return render(dot, DOT, "svg");
    }

    /** {@code dot} rendered by Graphviz program {@code program} in output format {@code format}. */
    static String render(String dot, String program, String format) {
        Path executable = onPath(program);
        Path input = null;
        Path errors = null;
        try {
            input = Files.createTempFile("vecta-graph", ".dot");
            errors = Files.createTempFile("vecta-graph", ".err");
            Files.writeString(input, dot, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(executable.toString(), "-T" + format)
                    .redirectInput(input.toFile()).redirectError(errors.toFile()).start();
            byte[] output;
            try (InputStream stdout = process.getInputStream()) {
                output = stdout.readAllBytes();
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(program + " -T" + format + " exited with status " + exit + ": "
                        + Files.readString(errors).strip());
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + " -T" + format, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " -T" + format + " ran", e);
        } finally {
            delete(input);
            delete(errors);
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot draw the graph: Graphviz's '" + program + "' program is not on the PATH ("
                + path + "); install Graphviz (Debian: apt-get install graphviz) or render the DOT text elsewhere");
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing the drawing for
            }
        }
    }

    /** {@code text} as a DOT quoted string. */
    static String quote(String text) {
        return quote(text, "");
    }

    /** {@code text} as a DOT quoted string, followed by {@code rawSuffix} unescaped. */
    private static String quote(String text, String rawSuffix) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + rawSuffix + "\"";
    }
}
