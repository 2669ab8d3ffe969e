package io.vecta.sdk.node;

import java.util.List;
import java.util.Objects;

/**
 * A feature as its plugin declares it: a node on an arc with its order constraints, VPP's
 * {@code vnet_feature_registration_t}.
 *
 * @param node       the node that implements the feature (its name is the feature's)
 * @param arc        the arc's name
 * @param runsBefore features of the arc that must come after this one
 * @param runsAfter  features of the arc that must come before this one
 */
public record FeatureDescriptor(String node, String arc, List<String> runsBefore, List<String> runsAfter) {

    /** Checks the fields and copies the lists. */
    public FeatureDescriptor {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(arc, "arc");
        runsBefore = List.copyOf(runsBefore);
        runsAfter = List.copyOf(runsAfter);
    }
}
