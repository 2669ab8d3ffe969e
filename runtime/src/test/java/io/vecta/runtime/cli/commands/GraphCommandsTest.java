package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.cli.GraphCliNames;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.show.ParsedDot;
import io.vecta.runtime.show.ParsedDot.Arc;
import io.vecta.sdk.cli.CliInput;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandsTest {

    @TempDir
    static Path shared;

    private static Path plugins;

    @TempDir
    Path temp;

    private RuntimeShell cli;

    @BeforeAll
    static void buildPlugin() {
        plugins = RuntimeShell.pluginJar(shared).getParent();
    }

    @BeforeEach
    void start() {
        cli = RuntimeShell.start(temp.resolve("run"), plugins);
    }

    @AfterEach
    void close() {
        cli.close();
    }

    /** The words of the line of a table that starts with {@code name}. */
    private static List<String> row(String table, String name) {
        List<String> rows = table.lines().filter(line -> line.startsWith(name + " ")).toList();
        assertThat(rows).as("one row of %s in:%n%s", name, table).hasSize(1);
        return List.of(rows.getFirst().strip().split(" +"));
    }

    /** The words of the only line of {@code text} that holds {@code fragment}. */
    private static List<String> line(String text, String fragment) {
        List<String> lines = text.lines().filter(line -> line.contains(fragment)).toList();
        assertThat(lines).as("one line with %s in:%n%s", fragment, text).hasSize(1);
        return List.of(lines.getFirst().strip().split(" +"));
    }

    /** Seven packets into acme-counter: 4 even flows dropped and counted, 3 odd ones punted. */
    private void sendSeven() {
        cli.send("acme-counter", 0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldShowTheCallsAndVectorsOfEachNodeCalledSinceTheClear() {
        sendSeven();
        sendSeven();

        String text = cli.ok("show runtime");

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).as("one thread: no thread line").startsWith("Time ")
                .contains(" sec internal node vector rate 4.67 loops/sec ");
        assertThat(lines.get(2).strip()).startsWith("Name").endsWith("Vectors/Call");
        assertThat(lines).hasSize(3 + 3);
        assertThat(row(text, "acme-counter")).containsSequence("active", "2", "14", "0").endsWith("7.00");
        assertThat(row(text, "error-drop")).containsSequence("active", "2", "8", "0").endsWith("4.00");
        assertThat(row(text, "error-punt")).containsSequence("active", "2", "6", "0").endsWith("3.00");
        assertThat(text).doesNotContain("null-node");
    }

    @Test
    void shouldListEveryNodeWhenVerboseTheLongestCallsForMaxAndOnlyTheRatesForSummary() {
        sendSeven();

        String verbose = cli.ok("show runtime verbose");
        String max = cli.ok("show runtime max");
        String summary = cli.ok("show runtime summary");

        assertThat(row(verbose, "null-node")).containsSequence("active", "0", "0", "0");
        assertThat(row(verbose, "acme-counter")).containsSequence("active", "1", "7", "0");
        assertThat(max.lines().toList().get(2)).contains("Max Node Time", "Vectors at Max");
        assertThat(row(max, "acme-counter").get(2)).as("vectors at the longest call").isEqualTo("7");
        assertThat(max).doesNotContain("null-node");
        assertThat(summary.lines().toList()).hasSize(2);
        assertThat(summary.lines().toList().get(1)).startsWith("  vector rates in ");
        assertThat(cli.ok("show runtime verbose max summary").lines()).hasSize(2);
        assertThat(cli.ok("show runtime max verbose").lines()).hasSize(3 + cli.runtime.graph().nodeCount());
    }

    @Test
    void shouldRefuseAWordShowRuntimeDoesNotTake() {
        assertThat(cli.error("show runtime verbos"))
                .isEqualTo("show runtime: unknown input 'verbos'; did you mean 'verbose'?\n");
        assertThat(cli.error("show runtime brief"))
                .isEqualTo("show runtime: unknown input 'brief'; expected verbose, max or summary\n");
        assertThat(cli.error("show runtime max 7"))
                .isEqualTo("show runtime: unknown input '7'; expected verbose, max or summary\n");
    }

    @Test
    void shouldStartTheStatisticsAgainOnClearRuntimeAndKeepTheErrors() {
        sendSeven();

        assertThat(cli.ok("clear runtime")).isEmpty();

        assertThat(cli.ok("show runtime").lines()).as("no node called since the clear").hasSize(3);
        assertThat(row(cli.ok("show runtime verbose"), "acme-counter")).containsSequence("active", "0", "0", "0");
        assertThat(line(cli.ok("show errors"), "counted packets")).containsExactly("4", "acme-counter", "counted",
                "packets", "error");
        sendSeven();
        assertThat(row(cli.ok("show runtime"), "acme-counter")).containsSequence("active", "1", "7", "0");
        assertThat(cli.error("clear runtime now")).isEqualTo("clear runtime: unknown input 'now'\n");
    }

    @Test
    void shouldCountErrorsByNodeAndReasonAndClearThem() {
        sendSeven();
        sendSeven();

        String errors = cli.ok("show errors");

        String header = errors.lines().toList().getFirst();
        assertThat(header.strip().split(" +")).containsExactly("Count", "Node", "Reason", "Severity");
        assertThat(errors.lines()).hasSize(2);
        assertThat(line(errors, "counted packets")).containsExactly("8", "acme-counter", "counted", "packets",
                "error");
        assertThat(cli.ok("show node counters")).isEqualTo(errors);
        String verbose = cli.ok("show errors verbose");
        int errorIndex = cli.runtime.graph().errorIndex(cli.runtime.graph().node("acme-counter").index(), 0);
        assertThat(verbose.lines().map(line -> List.of(line.strip().split(" +")))).containsExactly(
                List.of("Count", "Node", "Reason", "Severity", "Index"),
                List.of("Thread", "0", "(vecta_main):"),
                List.of("8", "acme-counter", "counted", "packets", "error", Integer.toString(errorIndex)),
                List.of("Total:"),
                List.of("8", "acme-counter", "counted", "packets", Integer.toString(errorIndex)));
        assertThat(cli.ok("show node counters verbose")).isEqualTo(verbose);

        assertThat(cli.ok("clear errors")).isEmpty();
        assertThat(cli.ok("show errors")).isEqualTo(header + "\n");

        sendSeven();
        assertThat(line(cli.ok("show errors"), "counted packets")).containsExactly("4", "acme-counter", "counted",
                "packets", "error");
        assertThat(cli.ok("clear node counters")).isEmpty();
        assertThat(cli.ok("show node counters")).isEqualTo(header + "\n");
        assertThat(cli.error("show errors brief")).isEqualTo("show errors: unknown input 'brief'; expected verbose\n");
        assertThat(cli.error("clear errors all")).isEqualTo("clear errors: unknown input 'all'\n");
    }

    @Test
    void shouldShowTheNextAndPreviousNodesOfOneNodeOrOfAll() {
        String one = cli.ok("show vlib graph acme-counter");

        List<String> lines = one.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).split(" +")).containsExactly("", "Name", "Next", "Previous");
        assertThat(lines.get(1).strip().split(" +")).containsExactly("acme-counter", "error-drop", "[0]");
        assertThat(lines.get(2).strip().split(" +")).containsExactly("error-punt", "[1]");
        assertThat(cli.ok("show vlib graph error-drop").lines().toList().get(1).strip().split(" +"))
                .as("the first of its previous nodes, by index").containsExactly("error-drop", "arp-input");

        String all = cli.ok("show vlib graph");
        assertThat(all).startsWith(lines.get(0) + "\n").contains(lines.get(1) + "\n" + lines.get(2) + "\n\n");
        assertThat(all.lines().filter(line -> !line.isBlank() && !line.startsWith(" ")).toList())
                .extracting(line -> line.split(" +")[0])
                .containsExactly("acme-counter", "af-packet-input", "af-packet-tx", "arp-input", "error-drop",
                        "error-punt", "ethernet-input", "interface-output", "ip4-arp", "ip4-glean",
                        "ip4-icmp-error", "ip4-icmp-input", "ip4-input", "ip4-local", "ip4-lookup",
                        "ip4-neighbor-age-process", "ip4-neighbor-sync", "ip4-rewrite", "ip6-input", "l2-flood",
                        "l2-fwd", "l2-input", "l2-input-feat-end", "l2-learn", "l2-output",
                        "l2fib-mac-age-scanner-proc", "loop-tx", "null-node", "pg-input", "pg-tx");
        assertThat(cli.error("show vlib graph acme-counter error-drop"))
                .isEqualTo("show vlib graph: unknown input 'error-drop'\n");
    }

    @Test
    void shouldShowOneNodeByNameOrByIndex() {
        sendSeven();
        int index = cli.runtime.graph().node("acme-counter").index();

        String text = cli.ok("show node acme-counter");

        assertThat(text.lines().toList()).startsWith(
                "node acme-counter, type internal, state active, index " + index,
                "  plugin: acme-counter");
        assertThat(text).contains("  errors:\n").contains("counted packets");
        assertThat(text.lines().filter(line -> line.contains("counted packets")).findFirst().orElseThrow()
                .strip().split(" +")).containsExactly("4", "counted", "packets", "error");
        assertThat(line(text, "error-drop")).as("next index, node index, node")
                .containsExactly("0", Integer.toString(cli.runtime.graph().node("error-drop").index()), "error-drop");
        assertThat(line(text, "error-punt")).startsWith("1");
        List<String> lines = text.lines().toList();
        int statistics = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("Thread ")).findFirst()
                .orElseThrow());
        assertThat(lines.get(statistics).strip().split(" +")).startsWith("Thread", "Calls", "Time", "(ns)", "Vectors");
        List<String> main = List.of(lines.get(statistics + 1).strip().split(" +"));
        assertThat(main.get(0)).as("thread").isEqualTo("0");
        assertThat(main.get(1)).as("calls").isEqualTo("1");
        assertThat(main.get(3)).as("vectors").isEqualTo("7");
        assertThat(cli.ok("show node index " + index)).isEqualTo(text);
        assertThat(cli.ok("sh no acme-counter")).isEqualTo(text);
    }

    @Test
    void shouldNameAnUnknownNodeAndSuggestTheNearest() {
        assertThat(cli.error("show node acme-countr"))
                .isEqualTo("show node: node: no node named 'acme-countr'; did you mean 'acme-counter'?\n");
        assertThat(cli.error("show node frobnicator")).isEqualTo("show node: node: no node named 'frobnicator'\n");
        assertThat(cli.error("show vlib graph error-dorp"))
                .isEqualTo("show vlib graph: node: no node named 'error-dorp'; did you mean 'error-drop'?\n");
        assertThat(cli.error("show node")).isEqualTo("show node: node: expected a node name, got end of line\n");
        int nodes = cli.runtime.graph().nodeCount();
        assertThat(cli.error("show node index " + nodes))
                .isEqualTo("show node: index: expected a number in 0.." + (nodes - 1) + ", got '" + nodes + "'\n");
        assertThat(cli.error("show node null-node verbose")).isEqualTo("show node: unknown input 'verbose'\n");
    }

    @Test
    void shouldCheckNodeNamesTheSameWayWithoutTheRuntimesNames() {
        try (RuntimeShell withoutNames = RuntimeShell.startWithoutNames(temp.resolve("other"), plugins)) {
            for (String line : List.of("show node acme-countr", "show node frobnicator", "show vlib graph error-dorp",
                    "show node")) {
                assertThat(withoutNames.error(line)).as(line).isEqualTo(cli.error(line));
            }
            assertThat(withoutNames.ok("show node error-punt")).isEqualTo(cli.ok("show node error-punt"));
        }
    }

    @Test
    void shouldKnowTheNodesOfTheGraphAndItsInterfaces() {
        GraphCliNames names = new GraphCliNames(cli.runtime.graph());

        assertThat(names.nodeNames()).containsExactlyElementsOf(
                cli.runtime.graph().nodes().stream().map(GraphNodeEntry::name).toList())
                .contains("acme-counter", "error-drop", "error-punt", "null-node", "pg-input", "interface-output");
        assertThat(names.interfaceNames()).containsExactly("local0");
        assertThat(CliInput.of("eth0", names).tryInterfaceName()).isEmpty();
        assertThat(CliInput.of("local0", names).tryInterfaceName()).contains("local0");
        assertThat(CliInput.of("error-punt", names).tryNodeName()).contains("error-punt");
    }

    @Test
    void shouldPrintTheGraphInDotWithTheCountsOfEachNode() {
        sendSeven();

        ParsedDot dot = ParsedDot.of(cli.ok("show vlib graphviz"));

        assertThat(dot.labels()).containsOnlyKeys("acme-counter", "af-packet-input", "af-packet-tx", "arp-input",
                "error-drop", "error-punt", "ethernet-input", "interface-output", "ip4-arp", "ip4-glean",
                "ip4-icmp-error", "ip4-icmp-input", "ip4-input", "ip4-local", "ip4-lookup",
                "ip4-neighbor-age-process", "ip4-neighbor-sync", "ip4-rewrite", "ip6-input", "l2-flood", "l2-fwd",
                "l2-input", "l2-input-feat-end", "l2-learn", "l2-output", "l2fib-mac-age-scanner-process", "loop-tx",
                "null-node", "pg-input", "pg-tx")
                .containsEntry("acme-counter", "acme-counter\\n7 vectors / 1 calls")
                .containsEntry("error-drop", "error-drop\\n4 vectors / 1 calls")
                .containsEntry("error-punt", "error-punt\\n3 vectors / 1 calls")
                .containsEntry("null-node", "null-node\\n0 vectors / 0 calls");
        assertThat(dot.arcs()).containsExactlyInAnyOrder(new Arc("acme-counter", "error-drop", "0"),
                new Arc("acme-counter", "error-punt", "1"), new Arc("interface-output", "error-drop", "0"),
                new Arc("arp-input", "interface-output", "0"), new Arc("arp-input", "error-drop", "1"),
                new Arc("ethernet-input", "ip4-input", "0"), new Arc("ethernet-input", "ip6-input", "1"),
                new Arc("ethernet-input", "arp-input", "2"), new Arc("ethernet-input", "error-drop", "3"),
                new Arc("ethernet-input", "error-punt", "4"), new Arc("ip6-input", "error-drop", "0"),
                new Arc("loop-tx", "ethernet-input", "0"),
                new Arc("ethernet-input", "l2-input", "5"), new Arc("loop-tx", "l2-input", "1"),
                new Arc("l2-input", "l2-learn", "0"), new Arc("l2-input", "l2-fwd", "1"),
                new Arc("l2-input", "l2-output", "2"), new Arc("l2-input", "error-drop", "3"),
                new Arc("l2-input", "l2-input-feat-end", "4"), new Arc("l2-input-feat-end", "l2-learn", "0"),
                new Arc("l2-input-feat-end", "l2-fwd", "1"), new Arc("l2-input-feat-end", "l2-output", "2"),
                new Arc("l2-learn", "l2-fwd", "0"), new Arc("l2-learn", "error-drop", "1"),
                new Arc("l2-fwd", "l2-output", "0"), new Arc("l2-fwd", "l2-flood", "1"),
                new Arc("l2-fwd", "error-drop", "2"), new Arc("l2-flood", "l2-output", "0"),
                new Arc("l2-flood", "error-drop", "1"), new Arc("l2-output", "interface-output", "0"),
                new Arc("l2-output", "ethernet-input", "1"), new Arc("l2-output", "error-drop", "2"),
                new Arc("ip4-input", "ip4-lookup", "0"), new Arc("ip4-input", "error-drop", "1"),
                new Arc("ip4-input", "ip4-icmp-error", "2"),
                new Arc("ip4-lookup", "error-drop", "0"), new Arc("ip4-lookup", "error-punt", "1"),
                new Arc("ip4-lookup", "ip4-local", "2"), new Arc("ip4-lookup", "ip4-arp", "3"),
                new Arc("ip4-lookup", "ip4-glean", "4"), new Arc("ip4-lookup", "ip4-rewrite", "5"),
                new Arc("ip4-rewrite", "interface-output", "0"), new Arc("ip4-rewrite", "error-drop", "1"),
                new Arc("ip4-rewrite", "ip4-icmp-error", "2"),
                new Arc("ip4-local", "ip4-icmp-input", "0"), new Arc("ip4-local", "error-drop", "1"),
                new Arc("ip4-icmp-input", "ip4-lookup", "0"), new Arc("ip4-icmp-input", "error-drop", "1"),
                new Arc("ip4-icmp-error", "ip4-lookup", "0"), new Arc("ip4-icmp-error", "error-drop", "1"),
                new Arc("ip4-arp", "error-drop", "0"), new Arc("ip4-arp", "interface-output", "1"),
                new Arc("ip4-glean", "error-drop", "0"), new Arc("ip4-glean", "interface-output", "1"));
        assertThat(dot.firstRank()).containsExactly("ip4-neighbor-sync", "af-packet-input", "pg-input");
    }

    @Test
    void shouldWriteTheDotTextToAFile() throws Exception {
        sendSeven();
        Path file = temp.resolve("graph.dot");
        Files.writeString(file, "an older graph, replaced");

        String said = cli.ok("show vlib graphviz " + file);

        assertThat(said).isEqualTo("graph written into " + file + "; draw it with: dot -Tsvg -O " + file + "\n");
        String written = Files.readString(file);
        assertThat(written).isEqualTo(cli.ok("show vlib graphviz"));
        assertThat(ParsedDot.of(written).labels()).containsEntry("acme-counter", "acme-counter\\n7 vectors / 1 calls");
        Path spaced = temp.resolve("my graph.dot");
        assertThat(cli.ok("show vlib graphviz \"" + spaced + "\"")).startsWith("graph written into " + spaced + ";");
        assertThat(ParsedDot.of(Files.readString(spaced)).arcs()).hasSize(54);
    }

    @Test
    void shouldDrawTheGraphAsSvgForAFileNamedSvg() throws Exception {
        Assumptions.assumeTrue(onPath("dot"), "Graphviz's dot is not installed");
        sendSeven();
        Path file = temp.resolve("graph.svg");

        assertThat(cli.ok("show vlib graphviz " + file)).isEqualTo("graph drawn into " + file + "\n");

        assertThat(Files.readString(file)).contains("<svg", ">acme&#45;counter</text>", ">7 vectors / 1 calls</text>",
                ">error&#45;punt</text>").endsWith("</svg>\n");
    }

    @Test
    void shouldSayGraphvizIsMissingWhenAskedForSvgWithoutIt() {
        Assumptions.assumeFalse(onPath("dot"), "Graphviz's dot is installed");
        Path file = temp.resolve("graph.svg");

        assertThat(cli.error("show vlib graphviz " + file))
                .startsWith("show vlib graphviz: cannot draw the graph: Graphviz's 'dot' program is not on the PATH")
                .contains("apt-get install graphviz");
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldSayWhyTheFileCannotBeWritten() {
        Path file = temp.resolve("missing").resolve("graph.dot");

        assertThat(cli.error("show vlib graphviz " + file)).isEqualTo("show vlib graphviz: cannot write " + file
                + ": no such directory " + temp.resolve("missing") + "\n");
        assertThat(cli.error("show vlib graphviz " + temp)).isEqualTo("show vlib graphviz: cannot write " + temp
                + ": Is a directory\n");
        assertThat(cli.error("show vlib graphviz a.dot b.dot")).isEqualTo("show vlib graphviz: unknown input 'b.dot'\n");
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
