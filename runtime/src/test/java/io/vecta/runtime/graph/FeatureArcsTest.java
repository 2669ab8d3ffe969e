package io.vecta.runtime.graph;

import static io.vecta.runtime.graph.TestPlugins.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.interfaces.GraphInterfaceFeatures;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.SdkVersion;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeatureArcsTest {

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(64).pageSize(BufferPageSize.SIZE_4K).build(), 1);

    @AfterEach
    void closePools() {
        pools.close();
    }

    /** Arc "in" from node "input" to node "lookup"; features declared out of order on purpose. */
    private static Graph graph(FeatureDescriptor... features) {
        return Graph.buildFrom(List.of(new TestPlugins.Registration("p", SdkVersion.CURRENT,
                List.of(node("input", "lookup"), node("acl"), node("nat"), node("policer"), node("counter"),
                        node("lookup")),
                List.of(new FeatureArcDescriptor("in", List.of("input"), "lookup")),
                List.of(features))));
    }

    private static FeatureDescriptor feature(String node, List<String> before, List<String> after) {
        return new FeatureDescriptor(node, "in", before, after);
    }

    @Test
    void shouldOrderFeaturesByTheirConstraintsKeepingRegistrationOrderOtherwise() {
        Graph graph = graph(
                feature("counter", List.of(), List.of("nat")),
                feature("nat", List.of(), List.of("acl")),
                feature("policer", List.of(), List.of()),
                feature("acl", List.of("nat"), List.of("not-loaded")));

        assertThat(graph.featureArcs().features("in")).containsExactly("policer", "acl", "nat", "counter");
    }

    @Test
    void shouldRejectFeaturesWhoseConstraintsFormACycle() {
        assertThatThrownBy(() -> graph(
                feature("acl", List.of("nat"), List.of()),
                feature("nat", List.of("policer"), List.of()),
                feature("policer", List.of("acl"), List.of()),
                feature("counter", List.of(), List.of())))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaFeatureCycle] the order constraints of arc 'in' form a cycle among"
                        + " features [acl, nat, policer]")
                .hasMessageContaining("help: ");
    }

    @Test
    void shouldRejectAFeatureOnAnUndeclaredArc() {
        assertThatThrownBy(() -> Graph.buildFrom(List.of(new TestPlugins.Registration("p", SdkVersion.CURRENT,
                List.of(node("acl")), List.of(), List.of(new FeatureDescriptor("acl", "ip9", List.of(), List.of()))))))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaUnknownArc] feature 'acl' of plugin 'p' is on arc 'ip9', which no"
                        + " loaded plugin declares");
    }

    @Test
    void shouldRunEnabledFeaturesOfEachInterfaceInDeclaredOrderWhateverTheEnableOrder() {
        Graph graph = graph(
                feature("acl", List.of("nat"), List.of()),
                feature("nat", List.of(), List.of()),
                feature("counter", List.of(), List.of("nat")));
        FeatureArcs arcs = graph.featureArcs();
        arcs.enable("in", "counter", 1);
        arcs.enable("in", "acl", 1);
        arcs.enable("in", "nat", 2);

        assertThat(arcs.enabled("in", 1)).containsExactly("acl", "counter");
        assertThat(arcs.enabled("in", 2)).containsExactly("nat");
        assertThat(arcs.enabled("in", 0)).isEmpty();
        assertThat(walk(graph, 1)).containsExactly("acl", "counter", "lookup");
        assertThat(walk(graph, 2)).containsExactly("nat", "lookup");
        assertThat(walk(graph, 0)).containsExactly("lookup");
        assertThat(walk(graph, 7)).containsExactly("lookup");

        arcs.disable("in", "acl", 1);
        arcs.enable("in", "nat", 1);

        assertThat(arcs.enabled("in", 1)).containsExactly("nat", "counter");
        assertThat(walk(graph, 1)).containsExactly("nat", "counter", "lookup");

        arcs.disable("in", "nat", 1);
        arcs.disable("in", "counter", 1);
        arcs.disable("in", "counter", 1);

        assertThat(walk(graph, 1)).containsExactly("lookup");
    }

    @Test
    void shouldRejectEnablingANodeThatIsNotAFeatureOfTheArc() {
        Graph graph = graph(feature("acl", List.of(), List.of()));

        assertThatThrownBy(() -> graph.featureArcs().enable("in", "nat", 0))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaUnknownFeature] 'nat' is not a feature of arc 'in' (its features: [acl])");
    }

    @Test
    void shouldRefuseTheNextFeatureOfABufferThatIsNotOnTheArc() {
        Graph graph = graph(feature("acl", List.of(), List.of()));
        int[] bi = new int[1];
        pools.allocator(0).allocExactly(bi, 0, 1);
        pools.buffers().setRxSwIfIndex(bi[0], 3);
        int arc = graph.featureArcs().arcIndex("in");

        assertThatThrownBy(() -> graph.featureArcs().next(arc, pools.buffers(), bi[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("buffer 0x" + Integer.toHexString(bi[0]) + " is at feature 0 of arc 'in' on sw_if_index 3,"
                        + " which has 0 features enabled: it did not enter the arc through start(), or the features"
                        + " changed without stopping the dispatch threads");
        pools.allocator(0).free(bi[0]);
    }

    @Test
    void shouldTellWhetherAnyInterfaceHasAFeatureOfTheArc() {
        Graph graph = graph(feature("acl", List.of(), List.of()), feature("nat", List.of(), List.of()));
        FeatureArcs arcs = graph.featureArcs();
        int arc = arcs.arcIndex("in");

        assertThat(arcs.anyEnabled(arc)).isFalse();
        arcs.enable("in", "acl", 4);
        arcs.enable("in", "nat", 4);
        arcs.enable("in", "nat", 2);
        assertThat(arcs.anyEnabled(arc)).isTrue();
        arcs.disable("in", "acl", 4);
        arcs.disable("in", "nat", 4);
        assertThat(arcs.anyEnabled(arc)).isTrue();
        arcs.disable("in", "nat", 2);
        assertThat(arcs.anyEnabled(arc)).isFalse();
    }

    @Test
    void shouldPickTheFeaturesOfTheTxInterfaceOnAnOutputArc() {
        Graph graph = Graph.buildFrom(List.of(new TestPlugins.Registration("p", SdkVersion.CURRENT,
                List.of(node("rewrite", "output"), node("counter"), node("output")),
                List.of(new FeatureArcDescriptor("out", List.of("rewrite"), "output", true)),
                List.of(new FeatureDescriptor("counter", "out", List.of(), List.of())))));
        FeatureArcs arcs = graph.featureArcs();
        arcs.enable("out", "counter", 2);
        Buffers buffers = pools.buffers();
        int[] bis = new int[2];
        pools.allocator(0).allocExactly(bis, 0, 2);
        buffers.setRxSwIfIndex(bis[0], 2);
        buffers.setTxSwIfIndex(bis[0], 1);
        buffers.setRxSwIfIndex(bis[1], 1);
        buffers.setTxSwIfIndex(bis[1], 2);
        int rewrite = graph.node("rewrite").index();

        int first = arcs.start(arcs.arcIndex("out"), rewrite, buffers, bis[0]);
        int second = arcs.start(arcs.arcIndex("out"), rewrite, buffers, bis[1]);

        assertThat(graph.node(graph.node(rewrite).nexts().target(first)).name()).isEqualTo("output");
        assertThat(graph.node(graph.node(rewrite).nexts().target(second)).name()).isEqualTo("counter");
        pools.allocator(0).free(bis, 0, 2);
    }

    @Test
    void shouldSendOnlyTheStraightPacketsOfInterfacesWithFeaturesIntoTheArc() {
        Graph graph = graph(feature("acl", List.of(), List.of()));
        graph.featureArcs().enable("in", "acl", 2);
        int input = graph.node("input").index();
        FeatureArcEntry entry = FeatureArcEntry.of(graph, "in", input);
        int straight = graph.addNext(input, "lookup");
        int acl = graph.addNext(input, "acl");
        int other = graph.addNext(input, "nat");
        Buffers buffers = pools.buffers();
        int[] bis = new int[4];
        pools.allocator(0).allocExactly(bis, 0, 4);
        int[] rx = {1, 2, 2, 3};
        for (int i = 0; i < 4; i++) {
            buffers.setRxSwIfIndex(bis[i], rx[i]);
        }
        int[] nexts = {straight, straight, other, straight};

        entry.enter(buffers, bis, nexts, 4, straight);

        assertThat(entry.active()).isTrue();
        assertThat(nexts).containsExactly(straight, acl, other, straight);
        pools.allocator(0).free(bis, 0, 4);
    }

    @Test
    void shouldPassAPacketOnFromAFeatureThroughItsContextAndRefuseANodeThatIsNoFeature() {
        Graph graph = graph(feature("acl", List.of(), List.of()), feature("nat", List.of(), List.of("acl")));
        FeatureArcs arcs = graph.featureArcs();
        assertThat(arcs.arcOfFeature(graph.node("acl").index())).isEqualTo(arcs.arcIndex("in"));
        assertThat(arcs.arcOfFeature(graph.node("input").index())).isEqualTo(-1);
        arcs.enable("in", "acl", 1);
        arcs.enable("in", "nat", 1);
        ThreadRuntime thread = new ThreadRuntime(graph, 0, pools.allocator(0));
        Buffers buffers = pools.buffers();
        int[] bi = new int[1];
        pools.allocator(0).allocExactly(bi, 0, 1);
        buffers.setRxSwIfIndex(bi[0], 1);
        int first = arcs.start(arcs.arcIndex("in"), graph.node("input").index(), buffers, bi[0]);
        assertThat(graph.node("input").nexts().target(first)).isEqualTo(graph.node("acl").index());

        int fromAcl = thread.node("acl").featureNext(bi[0]);
        int fromNat = thread.node("nat").featureNext(bi[0]);

        assertThat(graph.node("acl").nexts().target(fromAcl)).isEqualTo(graph.node("nat").index());
        assertThat(graph.node("nat").nexts().target(fromNat)).isEqualTo(graph.node("lookup").index());
        assertThatThrownBy(() -> thread.node("input").featureNext(bi[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("node 'input' is not a feature of any arc: only a node declared with @Feature(arc = ...)"
                        + " passes packets on with featureNext");
        pools.allocator(0).free(bi[0]);
    }

    @Test
    void shouldSwitchAFeatureByInterfaceNameForPluginsAndNameWhatIsUnknown() {
        Graph graph = graph(feature("acl", List.of(), List.of()));
        GraphInterfaceFeatures features = new GraphInterfaceFeatures(graph);

        features.enableDisable("in", "acl", "local0", true);

        assertThat(graph.featureArcs().enabled("in", 0)).containsExactly("acl");
        features.enableDisable("in", "acl", "local0", false);
        assertThat(graph.featureArcs().enabled("in", 0)).isEmpty();
        assertThatThrownBy(() -> features.enableDisable("in", "acl", "pg7", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown interface 'pg7'");
        assertThatThrownBy(() -> features.enableDisable("out", "acl", "local0", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no feature arc 'out'");
        assertThatThrownBy(() -> features.enableDisable("in", "lookup", "local0", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'lookup' is not a feature of arc 'in'");
    }

    /** The nodes a buffer of interface {@code swIfIndex} visits from the start node on, as dispatch would. */
    private List<String> walk(Graph graph, int swIfIndex) {
        Buffers buffers = pools.buffers();
        int[] bi = new int[1];
        pools.allocator(0).allocExactly(bi, 0, 1);
        try {
            buffers.setRxSwIfIndex(bi[0], swIfIndex);
            FeatureArcs arcs = graph.featureArcs();
            int arc = arcs.arcIndex("in");
            int at = graph.node("input").index();
            int next = arcs.start(arc, at, buffers, bi[0]);
            java.util.ArrayList<String> visited = new java.util.ArrayList<>();
            int lookup = graph.node("lookup").index();
            while (true) {
                at = graph.node(at).nexts().target(next);
                visited.add(graph.node(at).name());
                if (at == lookup) {
                    return visited;
                }
                next = arcs.next(arc, buffers, bi[0]);
            }
        } finally {
            pools.allocator(0).free(bi[0]);
        }
    }
}
