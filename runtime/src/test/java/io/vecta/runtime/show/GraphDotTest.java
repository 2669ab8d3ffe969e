package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.graph.NextArcs;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.runtime.show.ParsedDot.Arc;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GraphDotTest {

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private RuntimeFixture runFixture() {
        fixture = new RuntimeFixture(2, TestPlugins.sibling("classify-alt", "classify"),
                TestPlugins.node("odd \"name\"", "error-drop"));
        fixture.run(0, 8);
        fixture.run(1, 20);
        return fixture;
    }

    @Test
    void shouldExportEveryNodeWithItsCountsAndEveryArcWithItsNextIndex() {
        runFixture();
        Graph graph = fixture.graph;
        graph.addNext(graph.node("if0-tx").index(), "null-node");

        ParsedDot parsed = ParsedDot.of(GraphDot.export(graph, fixture.threads));

        int arcs = 0;
        for (GraphNodeEntry node : graph.nodes()) {
            long calls = 0;
            long vectors = 0;
            for (DispatchThread thread : fixture.threads) {
                NodeRuntime runtime = thread.runtime().node(node.index());
                calls += runtime.calls();
                vectors += runtime.vectors();
            }
            assertThat(parsed.labels()).containsEntry(node.name(),
                    node.name() + "\\n" + vectors + " vectors / " + calls + " calls");
            NextArcs nexts = node.nexts();
            for (int next = 0; next < nexts.count(); next++) {
                assertThat(parsed.arcs()).contains(new Arc(node.name(), graph.node(nexts.target(next)).name(),
                        Integer.toString(next)));
                arcs++;
            }
        }
        assertThat(parsed.labels()).hasSize(graph.nodeCount());
        assertThat(parsed.arcs()).hasSize(arcs);
        assertThat(parsed.labels()).containsEntry("classify", "classify\\n28 vectors / 2 calls");
        assertThat(parsed.arcs()).contains(new Arc("classify-alt", "error-punt", "2"),
                new Arc("odd \"name\"", "error-drop", "0"), new Arc("if0-tx", "null-node", "0"));
        assertThat(parsed.firstRank()).containsExactly("ip4-neighbor-sync", "af-packet-input", "rx", "pg-input");
    }

    @Test
    void shouldBeReadByGraphvizAsExportedWithInputNodesFirst() {
        Assumptions.assumeTrue(onPath("dot"), "Graphviz's dot is not installed");
        runFixture();
        Graph graph = fixture.graph;

        String plain = GraphDot.render(GraphDot.export(graph, fixture.threads), "dot", "plain");

        Map<String, Double> x = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<Arc> arcs = new ArrayList<>();
        for (String line : plain.lines().toList()) {
            List<String> fields = plainFields(line);
            switch (fields.getFirst()) {
                case "node" -> {
                    x.put(fields.get(1), Double.parseDouble(fields.get(2)));
                    labels.put(fields.get(1), fields.get(6));
                }
                case "edge" -> {
                    int points = Integer.parseInt(fields.get(3));
                    arcs.add(new Arc(fields.get(1), fields.get(2), fields.get(4 + 2 * points)));
                }
                default -> { }
            }
        }
        assertThat(labels.keySet()).containsExactlyInAnyOrderElementsOf(
                graph.nodes().stream().map(GraphNodeEntry::name).toList());
        assertThat(labels).containsEntry("classify", "classify\\n28 vectors / 2 calls");
        List<Arc> expected = new ArrayList<>();
        for (GraphNodeEntry node : graph.nodes()) {
            for (int next = 0; next < node.nexts().count(); next++) {
                expected.add(new Arc(node.name(), graph.node(node.nexts().target(next)).name(), Integer.toString(next)));
            }
        }
        assertThat(arcs).containsExactlyInAnyOrderElementsOf(expected);
        double leftmost = x.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(x.get("rx")).as("input nodes on the first rank").isEqualTo(leftmost);
        assertThat(x.get("classify")).isGreaterThan(leftmost);
    }

    @Test
    void shouldDrawTheGraphAsSvg() {
        Assumptions.assumeTrue(onPath("dot"), "Graphviz's dot is not installed");
        runFixture();

        String svg = GraphDot.toSvg(GraphDot.export(fixture.graph, fixture.threads));

        assertThat(svg).contains("<svg").contains(">classify</text>").contains(">28 vectors / 2 calls</text>")
                .endsWith("</svg>\n");
    }

    @Test
    void shouldNameTheMissingProgramAndHowToInstallIt() {
        fixture = new RuntimeFixture(1);

        assertThatThrownBy(() -> GraphDot.render("digraph {}", "vecta-no-such-dot", "svg"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot draw the graph: Graphviz's 'vecta-no-such-dot' program is not on the PATH")
                .hasMessageContaining("apt-get install graphviz");
    }

    @Test
    void shouldReportWhatGraphvizSaidWhenItFails() {
        Assumptions.assumeTrue(onPath("dot"), "Graphviz's dot is not installed");
        fixture = new RuntimeFixture(1);

        assertThatThrownBy(() -> GraphDot.toSvg("digraph { a -> }"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dot -Tsvg exited with status 1: ")
                .hasMessageContaining("syntax error");
    }

    /** The fields of a line of {@code dot -Tplain}: words, or quoted strings with {@code \"} unescaped. */
    private static List<String> plainFields(String line) {
        List<String> fields = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            if (line.charAt(at) == ' ') {
                at++;
            } else if (line.charAt(at) == '"') {
                StringBuilder value = new StringBuilder();
                at++;
                while (line.charAt(at) != '"') {
                    if (line.charAt(at) == '\\' && line.charAt(at + 1) == '"') {
                        at++;
                    }
                    value.append(line.charAt(at++));
                }
                at++;
                fields.add(value.toString());
            } else {
                int end = line.indexOf(' ', at);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(at, end));
                at = end;
            }
        }
        return fields;
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
