package io.vecta.runtime.interfaces;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphException;
import io.vecta.sdk.node.InterfaceFeatures;

/**
 * The runtime's {@link InterfaceFeatures}: the interface found by name in the graph's
 * interface table, the feature turned on or off in the graph's feature arcs. Called on the main
 * thread with the workers stopped, as every CLI line and API message is.
 */
public final class GraphInterfaceFeatures implements InterfaceFeatures {

    private final Graph graph;

    /** The service over {@code graph}'s interfaces and feature arcs. */
    public GraphInterfaceFeatures(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void enableDisable(String arc, String feature, String interfaceName, boolean enable) {
        SwInterface iface = InterfaceTable.of(graph).find(interfaceName)
                .orElseThrow(() -> new IllegalArgumentException("unknown interface '" + interfaceName + "'"));
        try {
            graph.featureArcs().enableDisable(arc, feature, iface.swIfIndex(), enable);
        } catch (GraphException e) {
            throw new IllegalArgumentException(e.problem(), e);
        }
    }
}
