package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.cli.CliServices;
import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandTree;
import io.vecta.runtime.cli.GraphCliNames;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.PluginJars;
import io.vecta.sdk.cli.CliNames;
import io.vecta.sdk.node.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A runtime started from configuration text, as {@code vecta} starts one, and a shell over the
 * commands of its plugins with the services the runtime registers.
 *
 * <pre>
 *   acme-counter ──0──&gt; error-drop   even flow ids, counted as "counted packets"
 *                ──1──&gt; error-punt   odd flow ids
 * </pre>
 * {@code acme-counter} comes from a plugin jar in the runtime's plugin path ({@link #pluginJar});
 * without one the graph holds only the built-in nodes.
 */
final class RuntimeShell implements AutoCloseable {

    static final String PLUGIN = "acme-counter";
    static final String PLUGIN_VERSION = "3.1.4";
    static final String PLUGIN_DESCRIPTION = "counts even flows and punts odd ones";

    private static final String COUNTER_NODE = """
            package com.acme.counter;

            import io.vecta.sdk.annotation.*;
            import io.vecta.sdk.node.*;

            @GraphNode(name = "acme-counter", errors = Counter.Error.class)
            public final class Counter {
                @Next("error-drop") static final int NEXT_DROP = 0;
                @Next("error-punt") static final int NEXT_PUNT = 1;

                enum Error { @ErrorCounter(description = "counted packets") COUNTED }

                @PerPacket
                int process(NodeContext ctx, int bi) {
                    return ctx.buffers().flowId(bi) % 2 == 0 ? Outcome.withError(NEXT_DROP, Error.COUNTED) : NEXT_PUNT;
                }
            }
            """;

    private static final String COUNTER_PLUGIN = """
            @io.vecta.sdk.annotation.Plugin(name = "acme-counter", version = "3.1.4",
                    description = "counts even flows and punts odd ones")
            package com.acme.counter;
            """;

    final VectaRuntime runtime;
    final CliShell shell;

    private RuntimeShell(VectaRuntime runtime, CliServices services) {
        this.runtime = runtime;
        this.shell = new CliShell(CommandTree.build(runtime.plugins()), services, false);
    }

    /** Compiles the acme-counter plugin into {@code work}/plugins/acme-counter.jar; its directory is a plugin path. */
    static Path pluginJar(Path work) {
        try {
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            return PluginJars.build(work, plugins.resolve("acme-counter.jar"), true, Map.of(
                    "com/acme/counter/Counter.java", COUNTER_NODE,
                    "com/acme/counter/package-info.java", COUNTER_PLUGIN), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A runtime in {@code runtimeDir} loading plugins from {@code pluginPath} (none if null), with
     * the runtime and its names registered as CLI services.
     */
    static RuntimeShell start(Path runtimeDir, Path pluginPath) {
        VectaRuntime runtime = startRuntime(runtimeDir, pluginPath);
        return new RuntimeShell(runtime, new CliServices().register(VectaRuntime.class, runtime)
                .register(CliNames.class, new GraphCliNames(runtime.graph())));
    }

    /** As {@link #start}, but without {@link CliNames}: commands read any word as a node name. */
    static RuntimeShell startWithoutNames(Path runtimeDir, Path pluginPath) {
        VectaRuntime runtime = startRuntime(runtimeDir, pluginPath);
        return new RuntimeShell(runtime, new CliServices().register(VectaRuntime.class, runtime));
    }

    /** As {@link #start}, but the shell has no runtime service, as a CLI without a runtime. */
    static RuntimeShell startWithoutRuntimeService(Path runtimeDir) {
        VectaRuntime runtime = startRuntime(runtimeDir, null);
        return new RuntimeShell(runtime, new CliServices());
    }

    private static VectaRuntime startRuntime(Path runtimeDir, Path pluginPath) {
        String text = "buffers { page-size 4k buffers-per-numa 2048 }\n"
                + (pluginPath == null ? "" : "plugins { path " + pluginPath + " }\n");
        return VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(runtimeDir)).parse("test.conf", text));
    }

    /** Runs {@code line}, which must succeed, and returns what it printed. */
    String ok(String line) {
        CommandOutcome outcome = shell.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isFalse();
        return outcome.output();
    }

    /** Runs {@code line}, which must fail, and returns its error. */
    String error(String line) {
        CommandOutcome outcome = shell.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isTrue();
        return outcome.output();
    }

    /**
     * Sends one packet per flow id of {@code flows} to node {@code node} on the main thread, and
     * dispatches until the graph is quiet, as input from outside the graph enters it.
     */
    void send(String node, int... flows) {
        ThreadRuntime main = runtime.mainThread();
        int[] buffers = new int[flows.length];
        main.allocator().allocExactly(buffers, 0, buffers.length);
        Frame frame = main.takeFrame();
        for (int i = 0; i < flows.length; i++) {
            main.buffers().setFlowId(buffers[i], flows[i]);
            frame.add(buffers[i]);
        }
        main.putPending(runtime.graph().node(node).index(), frame);
        main.drainPending();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
