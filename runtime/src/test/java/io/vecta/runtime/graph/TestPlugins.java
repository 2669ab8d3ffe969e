package io.vecta.runtime.graph;

import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.config.ConfigSectionDescriptor;
import io.vecta.sdk.node.ErrorDescriptor;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.util.ArrayList;
import java.util.List;

/** Plugins declared in code, for graph tests that need no processor. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** A plugin registration of fixed content. */
    public record Registration(String name, SdkVersion sdkVersion, List<NodeDescriptor> nodes,
                               List<FeatureArcDescriptor> featureArcs, List<FeatureDescriptor> features,
                               List<ConfigSectionDescriptor> configSections)
            implements PluginRegistration {

        /** A registration with no config sections. */
        public Registration(String name, SdkVersion sdkVersion, List<NodeDescriptor> nodes,
                            List<FeatureArcDescriptor> featureArcs, List<FeatureDescriptor> features) {
            this(name, sdkVersion, nodes, featureArcs, features, List.of());
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public String description() {
            return "test plugin " + name;
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }
    }

    /** A plugin of the current SDK version with {@code nodes} and nothing else. */
    public static Registration plugin(String name, NodeDescriptor... nodes) {
        return new Registration(name, SdkVersion.CURRENT, List.of(nodes), List.of(), List.of());
    }

    /** A plugin of the current SDK version with config sections {@code sections} and nothing else. */
    public static Registration withConfigSections(String name, List<ConfigSectionDescriptor> sections) {
        return new Registration(name, SdkVersion.CURRENT, List.of(), List.of(), List.of(), sections);
    }

    /** An internal node with nexts {@code nexts} that passes every buffer to next 0. */
    public static NodeDescriptor node(String name, String... nexts) {
        return node(name, NodeType.INTERNAL, (ctx, frame) -> {
            ctx.enqueueToSingleNext(frame.buffers(), 0, frame.count());
            return frame.count();
        }, nexts);
    }

    /** A node of type {@code type} running {@code function}. */
    public static NodeDescriptor node(String name, NodeType type, NodeFunction function, String... nexts) {
        return new NodeDescriptor(name, type, List.of(nexts), "", List.of(), Void.class, () -> function);
    }

    /** A node with error counters described by {@code descriptions}. */
    public static NodeDescriptor nodeWithErrors(String name, NodeFunction function, List<String> nexts,
                                                String... descriptions) {
        List<ErrorDescriptor> errors = new ArrayList<>();
        for (int i = 0; i < descriptions.length; i++) {
            errors.add(new ErrorDescriptor(i, "E" + i, descriptions[i], Severity.ERROR));
        }
        return new NodeDescriptor(name, NodeType.INTERNAL, nexts, "", errors, Void.class, () -> function);
    }

    /** A node that shares the nexts of {@code siblingOf}. */
    public static NodeDescriptor sibling(String name, String siblingOf) {
        return new NodeDescriptor(name, NodeType.INTERNAL, List.of(), siblingOf, List.of(), Void.class,
                () -> (ctx, frame) -> frame.count());
    }
}
