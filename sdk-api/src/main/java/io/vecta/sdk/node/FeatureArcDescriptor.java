package io.vecta.sdk.node;

import java.util.List;
import java.util.Objects;

/**
 * A feature arc as its plugin declares it: VPP's {@code vnet_feature_arc_registration_t}.
 *
 * @param name       unique arc name
 * @param startNodes nodes from which packets enter the arc, at least one
 * @param lastNode   the node the arc ends in
 * @param txInterface whether packets run the features of their tx interface (an output arc)
 *                    rather than those of their rx interface
 */
public record FeatureArcDescriptor(String name, List<String> startNodes, String lastNode, boolean txInterface) {

    /** An arc whose packets run the features of their rx interface. */
    public FeatureArcDescriptor(String name, List<String> startNodes, String lastNode) {
        this(name, startNodes, lastNode, false);
    }

    /** Checks the fields and copies the list. */
    public FeatureArcDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastNode, "lastNode");
        startNodes = List.copyOf(startNodes);
        if (startNodes.isEmpty()) {
            throw new IllegalArgumentException("feature arc '" + name + "' has no start node");
        }
    }
}
