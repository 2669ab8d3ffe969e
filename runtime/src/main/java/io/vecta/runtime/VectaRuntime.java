package io.vecta.runtime;

import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.config.ConfigWarning;
import io.vecta.runtime.config.PluginsConfig;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.RuntimeClock;
import io.vecta.sdk.node.PluginRegistration;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.IdleStrategy;

/**
 * One running Vecta: a startup configuration turned into buffer memory, plugins, the graph
 * and the main thread's loop.
 *
 * <pre>
 *   StartupConfig ─▶ BufferPools (buffers { })
 *                 ─▶ PluginLoader (class path + plugins { path }) ─▶ enabled plugins
 *                 ─▶ their config sections handed over, the rest warned about
 *                 ─▶ Graph ─▶ ThreadRuntime of the main thread
 *   run():  loop { graph turn; main-thread tasks (CLI, API) } until stop()
 * </pre>
 *
 * {@link #start} builds everything and returns; {@link #run} turns the main loop on the calling
 * thread, which becomes the main thread, until {@link #stop} is called from anywhere.
 */
public final class VectaRuntime implements AutoCloseable {

    /** The runtime's own plugin: its nodes are the graph's core and cannot be disabled. */
    public static final String BUILTIN_PLUGIN = "builtin";

    private static final System.Logger LOG = System.getLogger(VectaRuntime.class.getName());

    private final StartupConfig config;
    private final PluginLoader loader;
    private final List<LoadedPlugin> plugins;
    private final List<String> warnings;
    private final BufferPools bufferPools;
    private final Graph graph;
    private final ThreadRuntime mainThread;
    private final MainThreadTasks tasks = new MainThreadTasks();
    private final RuntimeClock clock = RuntimeClock.start();
    private volatile List<DispatchThread> threads;
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private volatile boolean running = true;

    private VectaRuntime(StartupConfig config, PluginLoader loader, List<LoadedPlugin> plugins, List<String> warnings,
                         BufferPools bufferPools, Graph graph) {
        this.config = config;
        this.loader = loader;
        this.plugins = plugins;
        this.warnings = warnings;
        this.bufferPools = bufferPools;
        this.graph = graph;
        this.mainThread = new ThreadRuntime(graph, 0, bufferPools.allocator(0));
        this.threads = List.of(DispatchThread.of(mainThread));
    }

    /**
     * Builds a runtime from {@code config}: plugins found and chosen, their sections configured,
     * buffer memory mapped, the graph built. Warnings (ignored sections, plugins configured but
     * not found) are logged and kept for {@link #warnings()}.
     *
     * @throws io.vecta.sdk.config.ConfigException if a plugin's section is wrong
     * @throws io.vecta.runtime.graph.GraphException if the plugins' graph does not hold together
     */
    public static VectaRuntime start(StartupConfig config) {
        PluginLoader loader = PluginLoader.current();
        BufferPools pools = null;
        try {
            List<String> warnings = new ArrayList<>();
            List<LoadedPlugin> enabled = choosePlugins(config.plugins(),
                    loader.load(VectaRuntime.class.getClassLoader(), config.plugins().path()), warnings);
            List<PluginRegistration> registrations = enabled.stream().map(LoadedPlugin::registration).toList();
            for (ConfigWarning warning : config.configurePlugins(registrations)) {
                warnings.add(warning.toString());
            }
            Graph graph = Graph.build(enabled);
            pools = BufferPools.create(config.buffers(), 1);
            pools.pageSizeFallback().ifPresent(warnings::add);
            for (String warning : warnings) {
                LOG.log(Level.WARNING, warning);
            }
            return new VectaRuntime(config, loader, enabled, List.copyOf(warnings), pools, graph);
        } catch (RuntimeException e) {
            if (pools != null) {
                pools.close();
            }
            loader.close();
            throw e;
        }
    }

    /** The plugins {@code plugins { }} leaves enabled; the runtime's own always. */
    private static List<LoadedPlugin> choosePlugins(PluginsConfig settings, List<LoadedPlugin> found,
                                                    List<String> warnings) {
        List<LoadedPlugin> enabled = new ArrayList<>();
        for (LoadedPlugin plugin : found) {
            boolean wanted = settings.isEnabled(plugin.name(), plugin.registration().enabledByDefault());
            if (plugin.name().equals(BUILTIN_PLUGIN)) {
                if (!wanted) {
                    warnings.add("plugin '" + BUILTIN_PLUGIN + "' holds the graph's core nodes and stays enabled");
                }
                enabled.add(plugin);
            } else if (wanted) {
                enabled.add(plugin);
            }
        }
        for (Map.Entry<String, Boolean> setting : settings.settings().entrySet()) {
            if (found.stream().noneMatch(p -> p.name().equals(setting.getKey()))) {
                warnings.add("plugins: plugin '" + setting.getKey() + "' is configured ("
                        + (setting.getValue() ? "enable" : "disable") + ") but no such plugin was found on the class path"
                        + (settings.path().isEmpty() ? "" : " or in " + settings.path()));
            }
        }
        return List.copyOf(enabled);
    }

    /**
     * Turns the main loop on the calling thread until {@link #stop()}: the graph's turn (input,
     * pending frames, due processes), then the tasks other threads queued for the main thread,
     * idling adaptively when a turn found nothing to do.
     */
    public void run() {
        tasks.bindToCurrentThread();
        threads = List.of(DispatchThread.current(mainThread, DispatchThread.UNKNOWN));
        IdleStrategy idle = ThreadRuntime.defaultIdleStrategy();
        try {
            while (running) {
                idle.idle(mainThread.runOnce() + tasks.runQueued());
            }
        } finally {
            tasks.close();
            loopEnded.countDown();
        }
    }

    /** Asks the main loop to end after its current turn; any thread. */
    public void stop() {
        running = false;
    }

    /** Whether {@link #stop()} has not been called. */
    public boolean isRunning() {
        return running;
    }

    /** Waits up to {@code timeout} for the main loop to end; true if it did. */
    public boolean awaitLoopEnd(Duration timeout) throws InterruptedException {
        return loopEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The configuration the runtime started from. */
    public StartupConfig config() {
        return config;
    }

    /** The enabled plugins, the runtime's own first. */
    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    /** What startup warned about, in order. */
    public List<String> warnings() {
        return warnings;
    }

    /** Buffer memory. */
    public BufferPools bufferPools() {
        return bufferPools;
    }

    /** The graph. */
    public Graph graph() {
        return graph;
    }

    /** The main thread's node runtimes, statistics and processes. */
    public ThreadRuntime mainThread() {
        return mainThread;
    }

    /** The queue of work for the main thread. */
    public MainThreadTasks tasks() {
        return tasks;
    }

    /** Every dispatch thread, main first, as the show commands list them. */
    public List<DispatchThread> threads() {
        return threads;
    }

    /** When the runtime started, for {@code show clock}. */
    public RuntimeClock clock() {
        return clock;
    }

    /** Frees buffer memory and closes the plugin jars; after {@link #run()} has returned. */
    @Override
    public void close() {
        stop();
        tasks.close();
        bufferPools.close();
        loader.close();
    }
}
