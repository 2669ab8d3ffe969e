package io.vecta.runtime.graph;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature arcs of the graph (VPP's {@code vnet_feature_main_t}): for each arc its features
 * in their declared order, and for each interface the features enabled on it.
 *
 * <h2>Order</h2>
 * The features of an arc are sorted once, when the graph is built, so that every
 * {@code runsBefore}/{@code runsAfter} constraint holds; among unconstrained features the
 * registration order is kept. A constraint naming a feature that is not on the arc (its plugin
 * is not loaded) is ignored, as VPP does; a cycle fails with {@code [VectaFeatureCycle]}.
 *
 * <h2>Per interface</h2>
 * {@link #enable} and {@link #disable} (VPP's {@code vnet_feature_enable_disable}) rebuild the
 * interface's {@link FeatureChain}: the enabled features in arc order, followed by the arc's last
 * node, with the next index from each to the one after it (added to the graph as needed).
 *
 * <pre>
 *  arc "ip4-unicast", sw_if_index 1:
 *     start node --next s--&gt; feature A --next a--&gt; feature C --next c--&gt; last node
 *  buffer's feature config index: the position in the chain of the feature it is in (0 = A)
 * </pre>
 *
 * A start node calls {@link #start} to send a packet into the arc; each feature calls
 * {@link #next} to pass it to whatever follows it on the packet's interface. Both read the
 * buffer's interface and feature config index and cost two array reads. The interface is the rx
 * interface, or for an output arc ({@code txInterface}, such as {@code ip4-output}) the tx
 * interface its start node chose. A start node asks {@link #anyEnabled} once per frame and,
 * while no interface has a feature of the arc, sends its packets straight to the last node as
 * if the arc were not there; {@link FeatureArcEntry} does both for it. A start node whose last
 * node is not where its packets would otherwise go ({@code l2-input}) asks {@link #enabledOn}
 * per packet instead and sends only the packets of interfaces with features into the arc.
 *
 * <p>Enabled and disabled on the main thread; with workers, under their barrier.
 */
public final class FeatureArcs {

    private final Graph graph;
    private final List<Arc> arcs = new ArrayList<>();
    private final Map<String, Arc> byName = new HashMap<>();
    /** By feature node index, the index of the arc the node is a feature of. */
    private final Map<Integer, Integer> featureArcs = new HashMap<>();

    FeatureArcs(Graph graph, List<PluginRegistration> plugins) {
        this.graph = graph;
        for (PluginRegistration plugin : plugins) {
            for (FeatureArcDescriptor descriptor : plugin.featureArcs()) {
                if (byName.containsKey(descriptor.name())) {
                    throw new GraphException("VectaDuplicateArc", "feature arc '" + descriptor.name()
                            + "' of plugin '" + plugin.name() + "' is declared by another plugin too",
                            "arc names are global: declare each arc once and put features on it from any plugin");
                }
                int[] starts = new int[descriptor.startNodes().size()];
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = arcNode(plugin, descriptor, descriptor.startNodes().get(i));
                }
                Arc arc = new Arc(arcs.size(), descriptor.name(), starts, arcNode(plugin, descriptor,
                        descriptor.lastNode()), descriptor.txInterface(), graph);
                arcs.add(arc);
                byName.put(arc.name, arc);
            }
        }
        Map<Arc, List<FeatureDescriptor>> declared = new HashMap<>();
        for (PluginRegistration plugin : plugins) {
            for (FeatureDescriptor feature : plugin.features()) {
                Arc arc = byName.get(feature.arc());
                if (arc == null) {
                    throw new GraphException("VectaUnknownArc", "feature '" + feature.node() + "' of plugin '"
                            + plugin.name() + "' is on arc '" + feature.arc() + "', which no loaded plugin declares",
                            "load the plugin whose @FeatureArc declares '" + feature.arc()
                                    + "', or correct @Feature(arc = ...)");
                }
                featureArcs.put(graph.node(feature.node()).index(), arc.index);
                declared.computeIfAbsent(arc, a -> new ArrayList<>()).add(feature);
            }
        }
        for (Arc arc : arcs) {
            arc.features = sort(arc, declared.getOrDefault(arc, List.of()));
        }
    }

    private int arcNode(PluginRegistration plugin, FeatureArcDescriptor arc, String node) {
        if (!graph.hasNode(node)) {
            throw new GraphException("VectaUnknownNode", "feature arc '" + arc.name() + "' of plugin '" + plugin.name()
                    + "' starts or ends at node '" + node + "', which no loaded plugin registers",
                    "load the plugin that registers '" + node + "', or correct @FeatureArc");
        }
        return graph.node(node).index();
    }

    /** Kahn's topological sort, taking the earliest registered feature among those ready. */
    private int[] sort(Arc arc, List<FeatureDescriptor> features) {
        int n = features.size();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < n; i++) {
            position.put(features.get(i).node(), i);
        }
        boolean[][] before = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (String later : features.get(i).runsBefore()) {
                Integer j = position.get(later);
                if (j != null) {
                    before[i][j] = true;
                }
            }
            for (String earlier : features.get(i).runsAfter()) {
                Integer j = position.get(earlier);
                if (j != null) {
                    before[j][i] = true;
                }
            }
        }
        int[] incoming = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (before[i][j]) {
                    incoming[j]++;
                }
            }
        }
        boolean[] placed = new boolean[n];
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            int ready = -1;
            for (int i = 0; i < n && ready < 0; i++) {
                if (!placed[i] && incoming[i] == 0) {
                    ready = i;
                }
            }
            if (ready < 0) {
                List<String> stuck = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (!placed[i]) {
                        stuck.add(features.get(i).node());
                    }
                }
                throw new GraphException("VectaFeatureCycle", "the order constraints of arc '" + arc.name
                        + "' form a cycle among features " + stuck,
                        "remove one runsBefore/runsAfter of these features so that an order exists");
            }
            placed[ready] = true;
            order[k] = graph.node(features.get(ready).node()).index();
            for (int j = 0; j < n; j++) {
                if (before[ready][j]) {
                    incoming[j]--;
                }
            }
        }
        return order;
    }

    /**
     * The index of arc {@code name}, for {@link #start} and {@link #next}.
     *
     * @throws GraphException {@code [VectaUnknownArc]} if no plugin declares it
     */
    public int arcIndex(String name) {
        return arc(name).index;
    }

    /** The names of the arcs, in declaration order. */
    public List<String> arcNames() {
        return arcs.stream().map(arc -> arc.name).toList();
    }

    /**
     * Whether any interface has a feature of arc {@code arcIndex} enabled: a start node's one
     * check per frame, so that an arc nobody uses costs its packets nothing.
     */
    public boolean anyEnabled(int arcIndex) {
        return arcs.get(arcIndex).interfacesWithFeatures > 0;
    }

    /**
     * Whether interface {@code swIfIndex} has a feature of arc {@code arcIndex} enabled: for a
     * start node that keeps the packets of interfaces without features off the arc altogether
     * ({@code l2-input}, whose last node only resumes the path it chose).
     */
    public boolean enabledOn(int arcIndex, int swIfIndex) {
        return swIfIndex >= 0 && arcs.get(arcIndex).chain(swIfIndex) != null;
    }

    /** The name of the node arc {@code arc} ends in. */
    public String lastNode(String arc) {
        return graph.node(arc(arc).lastNode).name();
    }

    /** The names of the arc's features, in their order. */
    public List<String> features(String arc) {
        return names(arc(arc).features);
    }

    /** The names of the features enabled on interface {@code swIfIndex}, in the order they run. */
    public List<String> enabled(String arc, int swIfIndex) {
        FeatureChain chain = arc(arc).chain(swIfIndex);
        return chain == null ? List.of() : names(Arrays.copyOf(chain.nodes(), chain.nodes().length - 1));
    }

    /** Turns feature {@code feature} on for interface {@code swIfIndex}; nothing if it is on. */
    public void enable(String arc, String feature, int swIfIndex) {
        enableDisable(arc, feature, swIfIndex, true);
    }

    /** Turns feature {@code feature} off for interface {@code swIfIndex}; nothing if it is off. */
    public void disable(String arc, String feature, int swIfIndex) {
        enableDisable(arc, feature, swIfIndex, false);
    }

    /**
     * Sets whether feature {@code feature} runs for interface {@code swIfIndex}.
     *
     * @throws GraphException if the arc is unknown or the node is not one of its features
     */
    public void enableDisable(String arcName, String feature, int swIfIndex, boolean enable) {
        if (swIfIndex < 0) {
            throw new IllegalArgumentException("sw_if_index must not be negative: " + swIfIndex);
        }
        Arc arc = arc(arcName);
        int node = graph.hasNode(feature) ? graph.node(feature).index() : -1;
        int position = -1;
        for (int i = 0; i < arc.features.length; i++) {
            if (arc.features[i] == node) {
                position = i;
            }
        }
        if (position < 0) {
            throw new GraphException("VectaUnknownFeature", "'" + feature + "' is not a feature of arc '" + arcName
                    + "' (its features: " + names(arc.features) + ")",
                    "enable one of the arc's features, or put @Feature(arc = \"" + arcName + "\") on the node");
        }
        boolean[] on = arc.enabledFlags(swIfIndex);
        on[position] = enable;
        arc.rebuild(swIfIndex, on, graph);
    }

    /**
     * Sends buffer {@code bi}, now at start node {@code startNode} of arc {@code arcIndex}, into
     * the arc: sets its feature config index and returns the start node's next index to the
     * first feature enabled on the buffer's interface (rx, or tx for an output arc), or to the
     * arc's last node.
     */
    public int start(int arcIndex, int startNode, Buffers buffers, int bi) {
        Arc arc = arcs.get(arcIndex);
        FeatureChain chain = arc.chain(arc.swIfIndex(buffers, bi));
        buffers.setFeatureConfigIndex(bi, 0);
        int start = arc.startPosition(startNode);
        return chain == null ? arc.lastNextFromStart[start] : chain.nextFromStart()[start];
    }

    /** The index of the arc node {@code nodeIndex} is a feature of, or -1 if it is none's. */
    public int arcOfFeature(int nodeIndex) {
        return featureArcs.getOrDefault(nodeIndex, -1);
    }

    /**
     * The next index from the feature buffer {@code bi} is in to whatever follows it on its
     * interface (VPP's {@code vnet_feature_next}), advancing the buffer's feature config index.
     */
    public int next(int arcIndex, Buffers buffers, int bi) {
        Arc arc = arcs.get(arcIndex);
        int swIfIndex = arc.swIfIndex(buffers, bi);
        FeatureChain chain = arc.chain(swIfIndex);
        int position = buffers.featureConfigIndex(bi);
        if (chain == null || position < 0 || position >= chain.nextAfter().length) {
            throw new IllegalStateException("buffer 0x" + Integer.toHexString(bi) + " is at feature " + position
                    + " of arc '" + arc.name + "' on sw_if_index " + swIfIndex + ", which has "
                    + (chain == null ? 0 : chain.nextAfter().length) + " features enabled: it did not enter the arc"
                    + " through start(), or the features changed without stopping the dispatch threads");
        }
        buffers.setFeatureConfigIndex(bi, position + 1);
        return chain.nextAfter()[position];
    }

    private Arc arc(String name) {
        Arc arc = byName.get(name);
        if (arc == null) {
            throw new GraphException("VectaUnknownArc", "no feature arc '" + name + "' (arcs: "
                    + byName.keySet().stream().sorted().toList() + ")", "arcs are declared with @FeatureArc");
        }
        return arc;
    }

    private List<String> names(int[] nodes) {
        return Arrays.stream(nodes).mapToObj(i -> graph.node(i).name()).toList();
    }

    /** One arc: its nodes, its sorted features and the chain of each interface. */
    private static final class Arc {
        final int index;
        final String name;
        final int[] startNodes;
        final int lastNode;
        final boolean txInterface;
        /** By start node position: the next index from that start node straight to the last node. */
        final int[] lastNextFromStart;
        int[] features = new int[0];
        FeatureChain[] chains = new FeatureChain[0];
        boolean[][] enabled = new boolean[0][];
        int interfacesWithFeatures;

        Arc(int index, String name, int[] startNodes, int lastNode, boolean txInterface, Graph graph) {
            this.index = index;
            this.name = name;
            this.startNodes = startNodes;
            this.lastNode = lastNode;
            this.txInterface = txInterface;
            this.lastNextFromStart = new int[startNodes.length];
            for (int i = 0; i < startNodes.length; i++) {
                lastNextFromStart[i] = graph.addNext(startNodes[i], lastNode);
            }
        }

        int swIfIndex(Buffers buffers, int bi) {
            return txInterface ? buffers.txSwIfIndex(bi) : buffers.rxSwIfIndex(bi);
        }

        FeatureChain chain(int swIfIndex) {
            FeatureChain[] current = chains;
            return swIfIndex < current.length ? current[swIfIndex] : null;
        }

        boolean[] enabledFlags(int swIfIndex) {
            if (swIfIndex >= enabled.length) {
                enabled = Arrays.copyOf(enabled, Math.max(swIfIndex + 1, enabled.length * 2));
            }
            if (enabled[swIfIndex] == null) {
                enabled[swIfIndex] = new boolean[features.length];
            }
            return enabled[swIfIndex];
        }

        int startPosition(int startNode) {
            for (int i = 0; i < startNodes.length; i++) {
                if (startNodes[i] == startNode) {
                    return i;
                }
            }
            throw new IllegalArgumentException("node " + startNode + " is not a start node of feature arc '" + name + "'");
        }


        void rebuild(int swIfIndex, boolean[] on, Graph graph) {
            int count = 0;
            for (boolean b : on) {
                count += b ? 1 : 0;
            }
            FeatureChain chain = null;
            if (count > 0) {
                int[] nodes = new int[count + 1];
                int k = 0;
                for (int i = 0; i < features.length; i++) {
                    if (on[i]) {
                        nodes[k++] = features[i];
                    }
                }
                nodes[count] = lastNode;
                int[] nextAfter = new int[count];
                for (int i = 0; i < count; i++) {
                    nextAfter[i] = graph.addNext(nodes[i], nodes[i + 1]);
                }
                int[] fromStart = new int[startNodes.length];
                for (int s = 0; s < startNodes.length; s++) {
                    fromStart[s] = graph.addNext(startNodes[s], nodes[0]);
                }
                chain = new FeatureChain(nodes, nextAfter, fromStart);
            }
            FeatureChain[] next = swIfIndex < chains.length ? chains.clone()
                    : Arrays.copyOf(chains, Math.max(swIfIndex + 1, chains.length * 2));
            boolean had = next[swIfIndex] != null;
            next[swIfIndex] = chain;
            chains = next;
            interfacesWithFeatures += (chain != null ? 1 : 0) - (had ? 1 : 0);
        }
    }
}
