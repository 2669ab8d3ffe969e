package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.NodeState;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.annotation.NodeType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowRuntimeTest {

    private static final long TWO_SECONDS = 2_000_000_000L;
    private static final String HEADER = "             Name                 State         Calls          Vectors     "
            + "   Suspends       Packet-Time    Vectors/Call  ";

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String row(ThreadRuntime thread, String name, String state) {
        NodeRuntime node = thread.node(name);
        double perVector = node.vectors() > 0 ? (double) node.nanos() / node.vectors()
                : node.calls() > 0 ? (double) node.nanos() / node.calls() : 0;
        double perCall = node.calls() == 0 ? 0 : (double) node.vectors() / node.calls();
        return String.format("%-30s%s%16d%16d%16d%16s%16s", name, state, node.calls(), node.vectors(),
                node.suspends(), Columns.scientific(perVector, 2), Columns.fixed(perCall, 2));
    }

    @Test
    void shouldPrintTheTimeTheRatesAndARowPerCalledNodeInVppsColumns() {
        fixture = new RuntimeFixture(1);
        ThreadRuntime main = fixture.runtime(0);
        fixture.run(0, 8);

        String text = ShowRuntime.format(fixture.threads, ShowRuntime.Options.BRIEF,
                main.runtimeClearedNanos() + TWO_SECONDS);

        // internal nodes: classify 8 in 1 call, if0-tx 2 in 1, error-drop 4 in 2, error-punt 2 in 1
        assertThat(text.split("\n", -1)).containsExactly(
                "Time 2.0, 2.000000 sec internal node vector rate 3.20 loops/sec .50",
                "  vector rates in 4.0000e0, out 1.0000e0, drop 2.0000e0, punt 1.0000e0",
                HEADER,
                row(main, "classify", "   active   "),
                row(main, "error-drop", "   active   "),
                row(main, "error-punt", "   active   "),
                row(main, "if0-tx", "   active   "),
                row(main, "ip4-neighbor-age-process", "\"event wait\""),
                row(main, "l2fib-mac-age-scanner-process", "\"event wait\""),
                row(main, "rx", "   polling  "),
                "");
        assertThat(main.node("error-drop").calls()).isEqualTo(2);
        assertThat(main.node("error-drop").vectors()).isEqualTo(4);
        assertThat(main.node("rx").vectors()).as("an input node's vectors are those it produced").isEqualTo(8);
        assertThat(text).doesNotContain("null-node");
    }

    @Test
    void shouldShowNodesNeverCalledAndProcessStatesWhenVerbose() {
        fixture = new RuntimeFixture(1, TestPlugins.node("ager", NodeType.PROCESS, (ctx, frame) -> 0),
                TestPlugins.node("handoff-check", NodeType.PRE_INPUT, (ctx, frame) -> 0));
        ThreadRuntime main = fixture.runtime(0);
        main.node("rx").setState(NodeState.INTERRUPT);
        main.runOnce();
        main.runOnce();

        String brief = ShowRuntime.format(fixture.threads, ShowRuntime.Options.BRIEF);
        String verbose = ShowRuntime.format(fixture.threads, new ShowRuntime.Options(true, false, false));

        assertThat(brief.lines().skip(3)).extracting(line -> line.substring(0, 30).strip())
                .containsExactly("ager", "handoff-check", "ip4-neighbor-age-process", "l2fib-mac-age-scanner-process");
        assertThat(verbose.lines().skip(3)).extracting(line -> line.substring(0, 30).strip())
                .containsExactly("af-packet-input", "af-packet-tx", "ager", "arp-input", "classify", "error-drop",
                        "error-punt", "ethernet-input", "handoff-check", "if0-tx", "interface-output",
                        "ip4-arp", "ip4-glean", "ip4-icmp-error", "ip4-icmp-input", "ip4-input", "ip4-local",
                        "ip4-lookup", "ip4-neighbor-age-process", "ip4-neighbor-sync", "ip4-rewrite", "ip6-input",
                        "l2-flood", "l2-fwd", "l2-input", "l2-input-feat-end", "l2-learn", "l2-output",
                        "l2fib-mac-age-scanner-process", "loop-tx", "null-node", "pg-input", "pg-tx", "rx");
        assertThat(verbose).contains(row(main, "ager", "\"event wait\""))
                .contains(row(main, "handoff-check", "   polling  "))
                .contains(row(main, "null-node", "   active   "))
                .contains(row(main, "rx", "interrupt wa"));
        assertThat(main.node("ager").calls()).isEqualTo(1);
        assertThat(main.node("ager").suspends()).isEqualTo(1);
    }

    @Test
    void shouldCountOnlyWhatHappenedSinceClearRuntime() {
        fixture = new RuntimeFixture(1);
        ThreadRuntime main = fixture.runtime(0);
        fixture.run(0, 200);
        fixture.run(0, 16);
        NodeRuntime classify = main.node("classify");
        assertThat(classify.calls()).isEqualTo(2);
        assertThat(classify.maxCallNanos()).isPositive();

        main.clearRuntime();
        String cleared = ShowRuntime.format(fixture.threads, ShowRuntime.Options.BRIEF,
                main.runtimeClearedNanos() + TWO_SECONDS);
        fixture.run(0, 4);

        assertThat(cleared.split("\n")).containsExactly(
                "Time 2.0, 2.000000 sec internal node vector rate 0.00 loops/sec 0.00",
                "  vector rates in 0.0000e0, out 0.0000e0, drop 0.0000e0, punt 0.0000e0",
                HEADER);
        assertThat(classify.calls()).isEqualTo(1);
        assertThat(classify.vectors()).isEqualTo(4);
        assertThat(classify.vectorsAtMaxCall()).as("the longest call since the clear").isEqualTo(4);
        assertThat(main.loopsSinceClear()).isEqualTo(1);
        assertThat(main.loops()).isEqualTo(3);
        assertThat(main.node("if0-tx").vectors()).isEqualTo(1);
    }

    @Test
    void shouldPrintABlockPerThreadUnderVppsThreadLine() {
        fixture = new RuntimeFixture(2);
        fixture.threads.set(1, new DispatchThread(fixture.runtime(1), "vecta_wk_0", 3, DispatchThread.UNKNOWN,
                DispatchThread.UNKNOWN));
        fixture.run(0, 4);
        fixture.run(1, 12);

        String text = ShowRuntime.format(fixture.threads, ShowRuntime.Options.BRIEF);

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Thread 0 vecta_main");
        assertThat(lines.get(1)).startsWith("Time ");
        assertThat(lines.get(2)).startsWith("  vector rates in ");
        assertThat(lines.get(3)).isEqualTo(HEADER);
        assertThat(lines.get(4)).isEqualTo(row(fixture.runtime(0), "classify", "   active   "));
        assertThat(lines.get(8)).as("the main thread's processes").isEqualTo(row(fixture.runtime(0),
                "ip4-neighbor-age-process", "\"event wait\""));
        assertThat(lines.get(10)).isEqualTo(row(fixture.runtime(0), "rx", "   polling  "));
        assertThat(lines.get(11)).isEqualTo("---------------");
        assertThat(lines.get(12)).isEqualTo("Thread 1 vecta_wk_0 (lcore 3)");
        assertThat(lines.get(16)).isEqualTo(row(fixture.runtime(1), "classify", "   active   "));
        assertThat(fixture.runtime(1).node("classify").vectors()).isEqualTo(12);
        assertThat(lines).hasSize(21);
    }

    @Test
    void shouldShowTheLongestCallOfEachNodeWithMax() {
        fixture = new RuntimeFixture(1);
        ThreadRuntime main = fixture.runtime(0);
        fixture.run(0, 3);
        fixture.run(0, 40);
        fixture.run(0, 5);

        String text = ShowRuntime.format(fixture.threads, new ShowRuntime.Options(false, true, false));

        List<String> lines = text.lines().toList();
        assertThat(lines.get(2)).isEqualTo("             Name               Max Node Time   Vectors at Max     "
                + "Max Time      Avg Time (ns) Avg Vectors/Call");
        NodeRuntime classify = main.node("classify");
        assertThat(classify.vectorsAtMaxCall()).isIn(3, 40, 5);
        double maxPerVector = (double) classify.maxCallNanos() / classify.vectorsAtMaxCall();
        assertThat(lines.get(3)).isEqualTo("classify                      "
                + Columns.center(Columns.scientific(classify.maxCallNanos(), 2), 17)
                + Columns.center(Integer.toString(classify.vectorsAtMaxCall()), 16)
                + Columns.center(Columns.scientific(maxPerVector, 2), 16)
                + Columns.center(Columns.scientific((double) classify.nanos() / 48, 2), 16)
                + Columns.center("1.60e1", 16));
        assertThat(classify.maxCallNanos()).isLessThanOrEqualTo(classify.nanos());
    }

    @Test
    void shouldStopAfterTheRatesWithSummary() {
        fixture = new RuntimeFixture(1);
        fixture.run(0, 10);

        String text = ShowRuntime.format(fixture.threads, new ShowRuntime.Options(false, false, true));

        assertThat(text.lines()).hasSize(2);
        assertThat(text).startsWith("Time ").contains("  vector rates in ");
    }
}
