package io.vecta.sdk.node;

import java.util.List;
import java.util.Objects;

/**
 * A feature arc as its plugin declares it: VPP's {@code vnet_feature_arc_registration_t}.
 *
 * @param name       unique arc name
 * @param startNodes nodes from which packets enter the arc, at least one
 * @param lastNode   the node the arc ends in
 */
public record FeatureArcDescriptor(String name, List<String> startNodes, String lastNode) {

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
