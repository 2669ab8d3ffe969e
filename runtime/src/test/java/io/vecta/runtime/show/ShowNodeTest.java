package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.annotation.NodeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowNodeTest {

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private int index(String node) {
        return fixture.graph.node(node).index();
    }

    private static String sp(int count) {
        return " ".repeat(count);
    }

    /** A one- or two-digit number centred in 10 columns, the odd space on the left. */
    private static String centred(int index) {
        assertThat(index).isBetween(0, 99);
        return index < 10 ? sp(5) + index + sp(4) : sp(4) + index + sp(4);
    }

    private static String statsRow(int thread, NodeRuntime node) {
        return Columns.center(thread, 8) + " " + Columns.center(node.calls(), 12) + " "
                + Columns.center(node.nanos(), 12) + " " + Columns.center(node.vectors(), 12) + " "
                + Columns.center(node.maxCallNanos(), 12) + " " + Columns.center(node.vectorsAtMaxCall(), 12);
    }

    @Test
    void shouldShowTypeArcsPreviousNodesErrorsAndEachThreadsStatistics() {
        fixture = new RuntimeFixture(2);
        fixture.run(0, 8);
        fixture.run(1, 16);
        fixture.run(1, 4);

        String text = ShowNode.format(fixture.threads, "classify");

        assertThat(text.split("\n", -1)).containsExactly(
                "node classify, type internal, state active, index " + index("classify"),
                "  plugin: test",
                "",
                "  next nodes:",
                "    next-index  node-index  " + sp(13) + "Node" + sp(13),
                "    " + sp(5) + "0" + sp(4) + "  " + centred(index("if0-tx")) + "  " + sp(12) + "if0-tx" + sp(12),
                "    " + sp(5) + "1" + sp(4) + "  " + centred(index("error-drop")) + "  " + sp(10) + "error-drop" + sp(10),
                "    " + sp(5) + "2" + sp(4) + "  " + centred(index("error-punt")) + "  " + sp(10) + "error-punt" + sp(10),
                "    " + sp(5) + "3" + sp(4) + "  " + centred(index("error-drop")) + "  " + sp(10) + "error-drop" + sp(10),
                "",
                "  known previous nodes:",
                "    " + String.format("%-35s", "rx (" + index("rx") + ")"),
                "",
                "  errors:",
                "    " + sp(3) + "Count" + sp(2) + sp(15) + "Reason" + sp(14) + sp(1) + "Severity" + sp(1),
                "    " + sp(9) + "7" + sp(10) + "flow not wanted" + sp(10) + sp(3) + "error" + sp(2),
                "    " + sp(9) + "7" + sp(10) + " flow too large" + sp(10) + sp(3) + "error" + sp(2),
                "",
                "  Thread " + sp(4) + "Calls" + sp(3) + " " + sp(2) + "Time (ns)" + sp(1) + " " + sp(3) + "Vectors" + sp(2)
                        + " " + sp(2) + "Max Time" + sp(2) + " " + sp(1) + "Max Vectors",
                statsRow(0, fixture.runtime(0).node("classify")),
                statsRow(1, fixture.runtime(1).node("classify")),
                "");
        assertThat(fixture.runtime(1).node("classify").calls()).isEqualTo(2);
        assertThat(fixture.runtime(1).node("classify").vectors()).isEqualTo(20);
    }

    @Test
    void shouldShowAnInputNodesStateAndASiblingAndNoPreviousNodesForInputs() {
        fixture = new RuntimeFixture(1, TestPlugins.sibling("classify-alt", "classify"),
                TestPlugins.node("ager", NodeType.PROCESS, (ctx, frame) -> 0));
        fixture.runtime(0).node("rx").setState(io.vecta.runtime.dispatch.NodeState.DISABLED);

        String rx = ShowNode.format(fixture.threads, "rx");
        String alt = ShowNode.format(fixture.threads, "classify-alt");
        String ager = ShowNode.format(fixture.threads, "ager");

        assertThat(rx).startsWith("node rx, type input, state disabled, index " + index("rx") + "\n")
                .doesNotContain("known previous nodes").contains("\n  errors:\n    none\n");
        assertThat(alt).startsWith("node classify-alt, type internal, state active, index " + index("classify-alt")
                + ", sibling-of classify\n").contains(sp(12) + "if0-tx" + sp(12))
                .contains("\n  known previous nodes:\n    none\n");
        assertThat(ager).startsWith("node ager, type process, state \"not started\", index " + index("ager") + "\n")
                .contains("\n  next nodes:\n    none\n");
    }
}
