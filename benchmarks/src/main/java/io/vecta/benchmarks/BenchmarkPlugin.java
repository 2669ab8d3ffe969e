package io.vecta.benchmarks;

import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.util.List;

/**
 * A plugin that holds a benchmark's own nodes, for graphs built without the plugin loader.
 *
 * @param name        the plugin's name
 * @param nodes       its nodes
 * @param featureArcs the feature arcs it declares, as the runtime's own plugin declares the arcs
 *                    its nodes start (so that a benchmark measures their per-frame check)
 */
public record BenchmarkPlugin(String name, List<NodeDescriptor> nodes, List<FeatureArcDescriptor> featureArcs)
        implements PluginRegistration {

    /** A plugin of {@code nodes} alone, declaring no arcs. */
    public BenchmarkPlugin(String name, List<NodeDescriptor> nodes) {
        this(name, nodes, List.of());
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String description() {
        return "nodes of the " + name;
    }

    @Override
    public boolean enabledByDefault() {
        return true;
    }

    @Override
    public SdkVersion sdkVersion() {
        return SdkVersion.CURRENT;
    }

    @Override
    public List<FeatureDescriptor> features() {
        return List.of();
    }
}
