package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.graph.GraphException;
import io.vecta.runtime.graph.TestPlugins;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowVlibGraphTest {

    private static final String HEADER = "           Name                      Next                    Previous         ";
    private static final String BLANK = " ".repeat(26);

    private RuntimeFixture fixture;

    private static String sp(int count) {
        return " ".repeat(count);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldListNextArcsWithTheirIndicesBesideThePreviousNodes() {
        fixture = new RuntimeFixture(1, TestPlugins.sibling("classify-alt", "classify"));

        String text = ShowVlibGraph.format(fixture.graph, "classify");

        assertThat(text.split("\n", -1)).containsExactly(
                HEADER,
                "classify" + sp(18) + sp(8) + "if0-tx [0]" + sp(8) + sp(12) + "rx" + sp(12),
                BLANK + sp(6) + "error-drop [1]" + sp(6),
                BLANK + sp(6) + "error-punt [2]" + sp(6),
                BLANK + sp(6) + "error-drop [3]" + sp(6),
                "");
        assertThat(ShowVlibGraph.format(fixture.graph, "error-drop").split("\n", -1)).containsExactly(
                HEADER,
                "error-drop" + sp(16) + BLANK + sp(9) + "arp-input" + sp(8),
                BLANK + BLANK + sp(6) + "ethernet-input" + sp(6),
                BLANK + BLANK + sp(9) + "ip6-input" + sp(8),
                BLANK + BLANK + sp(5) + "interface-output" + sp(5),
                BLANK + BLANK + sp(10) + "ip4-arp" + sp(9),
                BLANK + BLANK + sp(9) + "ip4-glean" + sp(8),
                BLANK + BLANK + sp(6) + "ip4-icmp-error" + sp(6),
                BLANK + BLANK + sp(6) + "ip4-icmp-input" + sp(6),
                BLANK + BLANK + sp(9) + "ip4-input" + sp(8),
                BLANK + BLANK + sp(9) + "ip4-local" + sp(8),
                BLANK + BLANK + sp(8) + "ip4-lookup" + sp(8),
                BLANK + BLANK + sp(8) + "ip4-rewrite" + sp(7),
                BLANK + BLANK + sp(9) + "l2-flood" + sp(9),
                BLANK + BLANK + sp(10) + "l2-fwd" + sp(10),
                BLANK + BLANK + sp(9) + "l2-input" + sp(9),
                BLANK + BLANK + sp(9) + "l2-learn" + sp(9),
                BLANK + BLANK + sp(9) + "l2-output" + sp(8),
                BLANK + BLANK + sp(9) + "classify" + sp(9),
                BLANK + BLANK + sp(7) + "classify-alt" + sp(7),
                "");
        assertThat(ShowVlibGraph.format(fixture.graph, "classify-alt").split("\n")[1])
                .as("a sibling shares the arcs").isEqualTo("classify-alt" + sp(14) + sp(8) + "if0-tx [0]" + sp(8));
    }

    @Test
    void shouldListEveryNodeByNameWithAnEmptyLineAfterEach() {
        fixture = new RuntimeFixture(1);
        int arc = fixture.graph.addNext(fixture.graph.node("if0-tx").index(), "null-node");

        String text = ShowVlibGraph.format(fixture.graph);

        List<String> names = text.lines().skip(1).filter(line -> !line.isEmpty() && !line.startsWith(BLANK))
                .map(line -> line.substring(0, 26).strip()).toList();
        assertThat(names).containsExactly("af-packet-input", "af-packet-tx", "arp-input", "classify", "error-drop",
                "error-punt", "ethernet-input", "if0-tx", "interface-output", "ip4-arp", "ip4-glean",
                "ip4-icmp-error", "ip4-icmp-input", "ip4-input", "ip4-local", "ip4-lookup",
                "ip4-neighbor-age-process", "ip4-neighbor-sync", "ip4-rewrite", "ip6-input", "l2-flood", "l2-fwd",
                "l2-input", "l2-input-feat-end", "l2-learn", "l2-output", "l2fib-mac-age-scanner-proc", "loop-tx",
                "null-node", "pg-input", "pg-tx", "rx");
        assertThat(text).startsWith(HEADER + "\n").endsWith("\n\n")
                .contains("\nif0-tx" + sp(20) + sp(7) + "null-node [0]" + sp(6) + sp(9) + "classify" + sp(9) + "\n\n")
                .contains("\nrx" + sp(24) + sp(7) + "classify [0]" + sp(7) + "\n\n")
                .contains("\nnull-node" + sp(17) + BLANK + sp(10) + "if0-tx" + sp(10) + "\n\n");
        assertThat(arc).isZero();
    }

    @Test
    void shouldNameAnUnknownNode() {
        fixture = new RuntimeFixture(1);

        assertThatThrownBy(() -> ShowVlibGraph.format(fixture.graph, "ip4-nowhere"))
                .isInstanceOf(GraphException.class).hasMessageContaining("no node 'ip4-nowhere'");
    }
}
