package io.vecta.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.node.SdkVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    private static final String COUNTER_NODE = """
            package com.acme.counter;

            import io.vecta.sdk.annotation.*;
            import io.vecta.sdk.node.*;

            @GraphNode(name = "acme-counter", errors = Counter.Error.class)
            public final class Counter {
                @Next("error-drop") static final int NEXT_DROP = 0;

                enum Error { @ErrorCounter(description = "counted packets") COUNTED }

                @PerPacket
                int process(NodeContext ctx, int bi) {
                    return Outcome.withError(NEXT_DROP, Error.COUNTED);
                }
            }
            """;

    private static final String COUNTER_PLUGIN = """
            @io.vecta.sdk.annotation.Plugin(name = "acme-counter", version = "3.1.4", description = "counts")
            package com.acme.counter;
            """;

    @TempDir
    Path temp;

    @Test
    void shouldFindTheBuiltinPluginOnTheClassPath() {
        List<LoadedPlugin> plugins = PluginLoader.current().fromClassPath(getClass().getClassLoader());

        assertThat(plugins).extracting(LoadedPlugin::name).contains("builtin");
        LoadedPlugin builtin = plugins.stream().filter(p -> p.name().equals("builtin")).findFirst().orElseThrow();
        assertThat(builtin.origin()).isEqualTo("class path");
        assertThat(builtin.registration().nodes()).extracting(n -> n.name())
                .containsExactlyInAnyOrder("error-drop", "error-punt", "null-node", "pg-input", "pg-tx",
                        "interface-output", "ethernet-input", "ip4-input", "ip6-input", "arp-input", "loop-tx",
                        "af-packet-input", "af-packet-tx", "ip4-lookup", "ip4-rewrite", "ip4-local", "ip4-arp",
                        "ip4-glean", "ip4-icmp-input", "ip4-icmp-error", "ip4-neighbor-sync", "l2-input", "l2-learn", "l2-fwd", "l2-flood",
                        "l2-output", "l2-input-feat-end", "l2fib-mac-age-scanner-process", "ip4-neighbor-age-process");
    }

    @Test
    void shouldLoadAPluginJarFromThePluginDirectoryAndBuildItsNodesIntoTheGraph() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PluginJars.build(temp, plugins.resolve("acme-counter.jar"), true, Map.of(
                "com/acme/counter/Counter.java", COUNTER_NODE,
                "com/acme/counter/package-info.java", COUNTER_PLUGIN), Map.of());
        Files.writeString(plugins.resolve("README.txt"), "not a jar");

        PluginLoader loader = PluginLoader.current();
        List<LoadedPlugin> loaded = loader.load(getClass().getClassLoader(), plugins);

        LoadedPlugin acme = loaded.stream().filter(p -> p.name().equals("acme-counter")).findFirst().orElseThrow();
        assertThat(acme.origin()).isEqualTo(jar.toString());
        assertThat(acme.registration().version()).isEqualTo("3.1.4");
        Graph graph = Graph.build(loaded);
        GraphNodeEntry counter = graph.node("acme-counter");
        assertThat(counter.plugin()).isEqualTo("acme-counter");
        assertThat(graph.node(counter.nexts().target(0)).name()).isEqualTo("error-drop");
        assertThat(counter.descriptor().newFunction().getClass().getClassLoader())
                .isNotSameAs(getClass().getClassLoader());
        assertThat(loader.openJars()).isEqualTo(1);
        loader.close();
        assertThat(loader.openJars()).isZero();
    }

    @Test
    void shouldCloseAtOnceTheClassLoaderOfAJarWithNoPlugin() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJars.build(temp, plugins.resolve("library.jar"), false, Map.of(
                "com/acme/lib/Util.java", "package com.acme.lib; public final class Util {}"), Map.of());

        try (PluginLoader loader = PluginLoader.current()) {
            assertThat(loader.fromDirectory(plugins, getClass().getClassLoader())).isEmpty();
            assertThat(loader.openJars()).isZero();
        }
    }

    @Test
    void shouldRefuseAPluginBuiltAgainstAnIncompatibleSdkNamingBothVersions() {
        Path plugins = temp.resolve("plugins");
        PluginJars.build(temp, createDirectories(plugins).resolve("future.jar"), false, Map.of(
                "com/acme/future/Future.java", """
                        package com.acme.future;

                        import io.vecta.sdk.node.*;
                        import java.util.List;

                        public final class Future implements PluginRegistration {
                            public String name() { return "future"; }
                            public String version() { return "1.0.0"; }
                            public String description() { return ""; }
                            public boolean enabledByDefault() { return true; }
                            public SdkVersion sdkVersion() { return new SdkVersion(SdkVersion.MAJOR, SdkVersion.MINOR + 1, 0); }
                            public List<NodeDescriptor> nodes() { return List.of(); }
                            public List<FeatureArcDescriptor> featureArcs() { return List.of(); }
                            public List<FeatureDescriptor> features() { return List.of(); }
                        }
                        """), Map.of("META-INF/services/io.vecta.sdk.node.PluginRegistration", "com.acme.future.Future\n"));
        SdkVersion pluginVersion = new SdkVersion(SdkVersion.MAJOR, SdkVersion.MINOR + 1, 0);

        assertThatThrownBy(() -> PluginLoader.current().fromDirectory(plugins, getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("plugin 'future' was built against Vecta SDK " + pluginVersion + " and cannot run on SDK "
                        + SdkVersion.CURRENT + ": the plugin needs a newer minor version (a runtime runs plugins of"
                        + " its major version built against its minor version or older)");
    }

    @Test
    void shouldRefuseTwoPluginsOfOneName() {
        Path plugins = temp.resolve("plugins");
        PluginJars.build(temp, createDirectories(plugins).resolve("a.jar"), true, Map.of(
                "com/acme/counter/Counter.java", COUNTER_NODE,
                "com/acme/counter/package-info.java", COUNTER_PLUGIN.replace("acme-counter", "builtin")), Map.of());

        assertThatThrownBy(() -> PluginLoader.current().load(getClass().getClassLoader(), plugins))
                .isInstanceOf(GraphException.class)
                .hasMessageStartingWith("[VectaDuplicatePlugin] plugin 'builtin' is registered twice: by class path"
                        + " and by " + plugins.resolve("a.jar"));
    }

    @Test
    void shouldRejectAPluginPathThatIsNotADirectory() {
        assertThatThrownBy(() -> PluginLoader.current().fromDirectory(temp.resolve("none"), getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugin path " + temp.resolve("none") + " is not a directory");
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
