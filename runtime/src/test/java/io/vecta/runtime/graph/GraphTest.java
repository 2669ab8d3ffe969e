package io.vecta.runtime.graph;

import static io.vecta.runtime.graph.TestPlugins.node;
import static io.vecta.runtime.graph.TestPlugins.plugin;
import static io.vecta.runtime.graph.TestPlugins.sibling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTest {

    @Test
    void shouldNumberNodesInPluginOrderAndResolveNextsByName() {
        Graph graph = Graph.buildFrom(List.of(
                plugin("a", node("a-in", "b-out", "a-drop"), node("a-drop")),
                plugin("b", node("b-out", "a-drop"))));

        assertThat(graph.nodes()).extracting(GraphNodeEntry::name).containsExactly("a-in", "a-drop", "b-out");
        assertThat(graph.node("a-in").nexts().count()).isEqualTo(2);
        assertThat(graph.node("a-in").nexts().target(0)).isEqualTo(2);
        assertThat(graph.node("a-in").nexts().target(1)).isEqualTo(1);
        assertThat(graph.node("b-out").nexts().target(0)).isEqualTo(1);
        assertThat(graph.node("b-out").plugin()).isEqualTo("b");
    }

    @Test
    void shouldRejectAnUnknownNextNamingTheNodeThePluginAndTheName() {
        assertThatThrownBy(() -> Graph.buildFrom(List.of(plugin("acme", node("acme-in", "acme-drop", "ip4-lookp")),
                plugin("other", node("acme-drop")))))
                .isInstanceOf(GraphException.class)
                .hasMessage("[VectaUnknownNext] node 'acme-in' of plugin 'acme' names next node 'ip4-lookp' (next index 1),"
                        + " which no loaded plugin registers\n"
                        + "  help: load the plugin that registers 'ip4-lookp', or correct the name in the @Next of"
                        + " 'acme-in'")
                .satisfies(e -> assertThat(((GraphException) e).tag()).isEqualTo("VectaUnknownNext"));
    }

    @Test
    void shouldRejectANodeNameRegisteredByTwoPlugins() {
        assertThatThrownBy(() -> Graph.buildFrom(List.of(plugin("first", node("x")), plugin("second", node("x")))))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaDuplicateNode] node 'x' is registered by plugin 'first' and again by"
                        + " plugin 'second'")
                .hasMessageContaining("\n  help: ");
    }

    @Test
    void shouldRejectASiblingOfAnUnknownNode() {
        assertThatThrownBy(() -> Graph.buildFrom(List.of(plugin("p", sibling("s", "missing")))))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaUnknownSibling] node 's' of plugin 'p' is a sibling of 'missing'");
    }

    @Test
    void shouldShareNextArcsBetweenSiblingsIncludingArcsAddedLater() {
        Graph graph = Graph.buildFrom(List.of(plugin("p", node("main", "drop"), sibling("twin", "main"), node("drop"),
                node("later"))));
        GraphNodeEntry main = graph.node("main");
        GraphNodeEntry twin = graph.node("twin");

        assertThat(twin.nexts()).isSameAs(main.nexts());
        assertThat(twin.nexts().target(0)).isEqualTo(graph.node("drop").index());

        int added = graph.addNext(twin.index(), "later");

        assertThat(added).isEqualTo(1);
        assertThat(main.nexts().target(1)).isEqualTo(graph.node("later").index());
        assertThat(graph.addNext(main.index(), "later")).isEqualTo(1);
    }

    @Test
    void shouldAddANextAtRunTimeOnceAndReturnTheSameIndexAfterwards() {
        Graph graph = Graph.buildFrom(List.of(plugin("p", node("a", "b"), node("b"), node("c"))));
        int a = graph.node("a").index();

        assertThat(graph.addNext(a, "b")).isZero();
        assertThat(graph.addNext(a, "c")).isEqualTo(1);
        assertThat(graph.addNext(a, "c")).isEqualTo(1);
        assertThat(graph.addNext(a, "a")).isEqualTo(2);
        assertThat(graph.node("a").nexts().count()).isEqualTo(3);
    }

    @Test
    void shouldRejectAnUnknownNextAddedAtRunTime() {
        Graph graph = Graph.buildFrom(List.of(plugin("p", node("a"))));

        assertThatThrownBy(() -> graph.addNext(0, "nowhere"))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaUnknownNext] cannot add next node 'nowhere' to node 'a' of plugin 'p'")
                .hasMessageContaining("help: ");
    }

    @Test
    void shouldGiveEachNodesErrorsAPlaceInTheGlobalErrorTableAfterNoError() {
        Graph graph = Graph.buildFrom(List.of(plugin("p",
                TestPlugins.nodeWithErrors("x", (ctx, f) -> 0, List.of(), "one", "two"),
                node("quiet"),
                TestPlugins.nodeWithErrors("y", (ctx, f) -> 0, List.of(), "three"))));

        assertThat(graph.errorIndex(graph.node("x").index(), 0)).isEqualTo(1);
        assertThat(graph.errorIndex(graph.node("x").index(), 1)).isEqualTo(2);
        assertThat(graph.errorIndex(graph.node("y").index(), 0)).isEqualTo(3);
        assertThat(graph.errorCount()).isEqualTo(4);
        assertThat(graph.nodeOfError(3).name()).isEqualTo("y");
        assertThatThrownBy(() -> graph.errorIndex(graph.node("y").index(), 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("node 'y' has 1 error codes, not 1");
    }
}
