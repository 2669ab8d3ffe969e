package io.vecta.runtime;

import io.vecta.runtime.api.ApiMainThread;
import io.vecta.runtime.api.ApiModule;
import io.vecta.runtime.api.ApiRegistry;
import io.vecta.runtime.api.ApiServer;
import io.vecta.runtime.api.ApiServerOptions;
import io.vecta.runtime.api.CoreApi;
import io.vecta.runtime.api.InterfaceApi;
import io.vecta.runtime.api.IpApi;
import io.vecta.runtime.api.IpNeighborApi;
import io.vecta.runtime.api.L2Api;
import io.vecta.runtime.api.PluginApiModules;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.cli.CliServices;
import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.cli.CommandTree;
import io.vecta.runtime.cli.GraphCliNames;
import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.CliListenException;
import io.vecta.runtime.cli.server.CliServer;
import io.vecta.runtime.cli.server.CliServerOptions;
import io.vecta.runtime.config.ConfigWarning;
import io.vecta.runtime.config.LoggingConfig;
import io.vecta.runtime.config.PluginsConfig;
import io.vecta.runtime.config.SocksvrConfig;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.config.UnixConfig;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.interfaces.GraphInterfaceFeatures;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.l2.L2FibAgeScanner;
import io.vecta.runtime.log.LogRouter;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.runtime.ip4.Ip4Forwarding;
import io.vecta.runtime.l2.BridgeDomains;
import io.vecta.runtime.neighbor.Ip4NeighborAger;
import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.RuntimeClock;
import io.vecta.runtime.socket.SocketFileException;
import io.vecta.runtime.socket.UnixSocketFiles;
import io.vecta.runtime.threads.Barrier;
import io.vecta.runtime.threads.BarrierTimeoutException;
import io.vecta.runtime.threads.CorePlacement;
import io.vecta.runtime.threads.HandoffQueues;
import io.vecta.runtime.threads.Workers;
import io.vecta.sdk.cli.CliNames;
import io.vecta.sdk.node.InterfaceFeatures;
import io.vecta.sdk.node.PluginRegistration;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 *                 ─▶ Workers (cpu { workers | corelist-workers }), each its own ThreadRuntime
 *                 ─▶ CommandTree of every plugin's commands ─▶ CliServer (unix { cli-listen })
 *                 ─▶ ApiRegistry (memclnt, vlib, vpe, plugins' modules) ─▶ ApiServer (socksvr { socket-name })
 *   run():  unix { startup-config } lines, then
 *           loop { graph turn; main-thread tasks (CLI lines, API messages) } until stop()
 * </pre>
 *
 * {@link #start} builds everything and returns; {@link #run} turns the main loop on the calling
 * thread, which becomes the main thread, until {@link #stop} is called from anywhere. CLI
 * sessions run on their own threads but each line runs on the main thread, between two turns of
 * the graph, so commands see and change state without racing the dispatch of packets.
 */
public final class VectaRuntime implements AutoCloseable {

    /** The runtime's own plugin: its nodes are the graph's core and cannot be disabled. */
    public static final String BUILTIN_PLUGIN = "builtin";

    private static final System.Logger LOG = System.getLogger(VectaRuntime.class.getName());

    /** Sections the parser knows, for later parts of the runtime (stats, node). */
    private static final List<String> READ_NOT_SERVED = List.of("statseg", "node");

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
    private final CliServices services = new CliServices();
    private final CommandTree commands;
    private CliServer cliServer;
    private ApiServer apiServer;
    /** The worker threads; null when {@code cpu { }} asks for none. */
    private Workers workers;
    private volatile boolean running = true;
    private volatile boolean loopStarted;

    private VectaRuntime(StartupConfig config, PluginLoader loader, List<LoadedPlugin> plugins, List<String> warnings,
                         BufferPools bufferPools, Graph graph, HandoffQueues handoff) {
        this.config = config;
        this.loader = loader;
        this.plugins = plugins;
        this.warnings = warnings;
        this.bufferPools = bufferPools;
        this.graph = graph;
        this.mainThread = new ThreadRuntime(graph, 0, bufferPools.allocator(0), handoff);
        this.threads = List.of(DispatchThread.of(mainThread));
        // the ageing processes change tables workers read, so they stop the workers as a CLI line does
        L2FibAgeScanner.install(graph, mainThread.processes(), this::withWorkersStopped);
        Ip4NeighborAger.install(graph, mainThread.processes(), this::withWorkersStopped);
        this.commands = CommandTree.build(plugins);
        services.register(VectaRuntime.class, this)
                .register(CliNames.class, new GraphCliNames(graph))
                .register(InterfaceFeatures.class, new GraphInterfaceFeatures(graph));
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
        applyLogging(config);
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
            for (String section : READ_NOT_SERVED) {
                if (config.sectionNames().contains(section)) {
                    warnings.add(config.source() + ": section '" + section + "' is read and checked, but this runtime"
                            + " does not act on it yet");
                }
            }
            if (config.apiTrace().on() && !config.sectionNames().contains(SocksvrConfig.SECTION)) {
                warnings.add(config.source() + ": api-trace { on } traces the API socket's messages, which is served"
                        + " only with socksvr { }");
            }
            if (config.cpu().schedulerPolicy().isPresent()) {
                warnings.add(config.source() + ": cpu { scheduler-policy } is read and checked, but this runtime does"
                        + " not set scheduling policies yet");
            }
            Graph graph = Graph.build(enabled);
            // checked before any memory is mapped: more workers than cores is refused here
            CorePlacement placement = CorePlacement.of(config.cpu());
            pools = BufferPools.create(config.buffers(), 1 + placement.workers());
            pools.pageSizeFallback().ifPresent(warnings::add);
            for (String warning : warnings) {
                LOG.log(Level.WARNING, warning);
            }
            HandoffQueues handoff = placement.workers() == 0 ? null
                    : new HandoffQueues(1 + placement.workers(), HandoffQueues.DEFAULT_FRAMES);
            VectaRuntime runtime = new VectaRuntime(config, loader, enabled, List.copyOf(warnings), pools, graph,
                    handoff);
            try {
                runtime.startWorkers(placement, handoff);
                runtime.listenForCli();
                runtime.serveApi();
            } catch (RuntimeException e) {
                runtime.close();
                throw e;
            }
            return runtime;
        } catch (RuntimeException e) {
            if (pools != null) {
                pools.close();
            }
            loader.close();
            throw e;
        }
    }

    /**
     * Sets the process's logging from {@code logging { }} and {@code unix { log, interactive }}
     * before anything of the runtime logs.
     *
     * @throws IllegalArgumentException naming the log file if it cannot be opened
     */
    private static void applyLogging(StartupConfig config) {
        LogRouter log = LogRouter.global();
        LoggingConfig logging = config.logging();
        log.setDefaultLevel(logging.defaultLogLevel());
        log.setRingSize(logging.size());
        logging.classes().values().forEach(c -> c.level().ifPresent(level -> log.setClassLevel(c.name(), level)));
        log.setInteractive(config.unix().interactive());
        config.unix().log().ifPresent(log::setLogFile);
    }

    /**
     * Starts the workers {@code placement} asks for, each with its own {@link ThreadRuntime};
     * the main thread stays the caller's until {@link #run}.
     */
    private void startWorkers(CorePlacement placement, HandoffQueues handoff) {
        if (placement.workers() > 0) {
            workers = Workers.start(graph, bufferPools, placement, handoff, Barrier.DEFAULT_TIMEOUT);
            threads = allThreads(DispatchThread.of(mainThread));
        }
    }

    private List<DispatchThread> allThreads(DispatchThread main) {
        List<DispatchThread> all = new ArrayList<>();
        all.add(main);
        if (workers != null) {
            all.addAll(workers.threads());
        }
        return List.copyOf(all);
    }

    /** Serves the CLI where {@code unix { cli-listen }} says, with its prompt and banner. */
    private void listenForCli() {
        UnixConfig unix = config.unix();
        if (unix.cliListen().isEmpty()) {
            return;
        }
        CliServerOptions options = CliServerOptions.DEFAULTS.withBanner(!unix.cliNoBanner());
        if (unix.cliPrompt().isPresent()) {
            options = options.withPrompt(unix.cliPrompt().get());
        }
        cliServer = new CliServer(onMainThread(newShell(false)), this::stop, options);
        CliEndpoint endpoint = cliServer.listen(unix.cliListen().get());
        if (endpoint instanceof CliEndpoint.UnixSocket socket && unix.gid().isPresent()) {
            giveSocketToGroup(socket, unix.gid().get());
        }
    }

    /**
     * Serves the binary API where {@code socksvr { socket-name }} says ({@code api.sock} in the
     * runtime directory by default) when the section is present, with {@code unix { gid }}
     * owning the socket as it owns the CLI's. VPP serves its default socket even without the
     * section; here the section asks for it, so that runtimes started by tests and tools do not
     * compete for one default socket, as {@code cli-listen} is served only when configured.
     */
    private void serveApi() {
        if (!config.sectionNames().contains(SocksvrConfig.SECTION)) {
            return;
        }
        ApiRegistry registry = ApiRegistry.withMemclnt();
        for (ApiModule module : CoreApi.modules(this)) {
            registry.register(module);
        }
        registry.register(InterfaceApi.module(InterfaceTable.of(graph()), Ip4InterfaceAddresses.of(graph())));
        registry.register(IpApi.module(InterfaceTable.of(graph()), Ip4InterfaceAddresses.of(graph()),
                Ip4Forwarding.of(graph()).fib()));
        registry.register(IpNeighborApi.module(InterfaceTable.of(graph()), Ip4NeighborTable.of(graph())));
        registry.register(L2Api.module(InterfaceTable.of(graph()), BridgeDomains.of(graph())));
        PluginApiModules.register(registry, plugins);
        apiServer = new ApiServer(registry.table(), ApiMainThread.of(this), ApiServerOptions.DEFAULTS);
        if (config.apiTrace().on()) {
            apiServer.trace().start(config.apiTrace().nitems());
        }
        apiServer.listen(config.socksvr().socketName(), config.unix().gid());
    }

    /**
     * {@code unix { gid G }}: the CLI socket belongs to group {@code G} (a name or a number) and
     * its members may connect, as with VPP's {@code gid vpp}.
     *
     * @throws CliListenException naming the socket, the group and the reason if that fails:
     *         a configuration the runtime cannot serve, like a socket in use
     */
    private static void giveSocketToGroup(CliEndpoint.UnixSocket endpoint, String gid) {
        try {
            UnixSocketFiles.giveToGroup(endpoint.path(), gid);
        } catch (SocketFileException e) {
            throw new CliListenException(endpoint, e.getMessage(), e.getCause());
        }
    }

    /**
     * A new CLI session over every plugin's commands: {@code interactive} when a person types
     * at a terminal. Its lines run on whatever thread calls it; wrap it with
     * {@link #onMainThread} unless that is the main thread.
     */
    public CliShell newShell(boolean interactive) {
        return new CliShell(commands, services, interactive);
    }

    /**
     * {@code shell}'s lines, each run on the main thread and waited for, with the workers
     * stopped at the barrier while it runs, as VPP runs CLI commands: a command reads and
     * changes any thread's counters, traces and event rings without racing it. A line the
     * runtime cannot run any more (it is stopping) fails with that reason, as does one whose
     * workers do not stop in time.
     */
    public CommandRunner onMainThread(CliShell shell) {
        return line -> {
            try {
                return tasks.call(() -> runWithWorkersStopped(() -> shell.run(line)));
            } catch (IllegalStateException e) {
                return CommandOutcome.error(e.getMessage());
            } catch (ExecutionException e) {
                return CommandOutcome.error("internal error running '" + line + "': " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CommandOutcome.error("interrupted while '" + line + "' waited for the main thread");
            }
        };
    }

    /** {@code work} under the barrier; a worker that does not stop in time fails it, by name. */
    private CommandOutcome runWithWorkersStopped(Supplier<CommandOutcome> work) {
        CommandOutcome[] outcome = new CommandOutcome[1];
        try {
            withWorkersStopped(() -> outcome[0] = work.get());
        } catch (BarrierTimeoutException e) {
            return CommandOutcome.error(e.getMessage());
        }
        return outcome[0];
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
        loopStarted = true;
        tasks.bindToCurrentThread(mainThread::wakeUp);
        int mainCore = workers == null ? CorePlacement.of(config.cpu()).mainCore() : workers.placement().mainCore();
        // the calling thread becomes the main thread, so it is pinned here rather than at start
        Workers.pin(mainCore);
        threads = allThreads(DispatchThread.current(mainThread, mainCore));
        IdleStrategy idle = mainThread.idleStrategy(() -> !running || tasks.hasQueued());
        try {
            config.unix().startupConfig().ifPresent(this::runStartupConfig);
            while (running) {
                idle.idle(mainThread.runOnce() + tasks.runQueued());
            }
        } finally {
            tasks.close();
            mainThread.close();
            loopEnded.countDown();
        }
    }

    /**
     * Runs the lines of {@code unix { startup-config FILE }} as VPP does: a failing line is
     * logged with its file and line and ends the script, but not the runtime.
     */
    private void runStartupConfig(Path file) {
        CliShell shell = newShell(false);
        CommandOutcome outcome = runWithWorkersStopped(() -> shell.runScript(file));
        if (outcome.failed()) {
            LOG.log(Level.ERROR, "startup-config " + outcome.output().strip());
        } else if (!outcome.output().isEmpty()) {
            LOG.log(Level.INFO, "startup-config " + file + ":\n" + outcome.output().stripTrailing());
        }
        if (outcome.action() == CommandOutcome.Action.STOP_RUNTIME) {
            stop();
        }
    }

    /** Asks the main loop to end after its current turn; any thread. */
    public void stop() {
        running = false;
        mainThread.wakeUp();
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

    /** The worker threads, if {@code cpu { }} asks for any. */
    public Optional<Workers> workers() {
        return Optional.ofNullable(workers);
    }

    /**
     * Runs {@code change} with every worker stopped at the top of its loop (the barrier), so that
     * it may change state the workers read; on the main thread. Without workers it just runs.
     *
     * @throws io.vecta.runtime.threads.BarrierTimeoutException naming a worker that did not stop
     *         within the barrier's time limit; {@code change} has not run then
     */
    public void withWorkersStopped(Runnable change) {
        if (workers == null) {
            change.run();
            return;
        }
        workers.barrier().sync();
        try {
            change.run();
        } finally {
            workers.barrier().release();
        }
    }

    /** The CLI server, if {@code unix { cli-listen }} asked for one. */
    public Optional<CliServer> cliServer() {
        return Optional.ofNullable(cliServer);
    }

    /** The binary-API server, if {@code socksvr { }} asked for one. */
    public Optional<ApiServer> apiServer() {
        return Optional.ofNullable(apiServer);
    }

    /** Every plugin's CLI commands. */
    public CommandTree commands() {
        return commands;
    }

    /** What CLI commands reach through their context; plugins' services are added here too. */
    public CliServices services() {
        return services;
    }

    /**
     * Stops serving the CLI and the binary API, frees buffer memory and closes the plugin jars; after
     * {@link #run()} has returned.
     */
    @Override
    public void close() {
        stop();
        if (cliServer != null) {
            cliServer.close();
        }
        if (apiServer != null) {
            apiServer.close();
        }
        tasks.close();
        if (workers != null) {
            // before the buffer memory they use goes away
            workers.close();
        }
        // devices (af-packet rings) go before the buffer memory their nodes copy into
        graph.closeServices();
        if (!loopStarted) {
            // a loop that ran closes its thread's files as it ends
            mainThread.close();
        }
        bufferPools.close();
        loader.close();
    }
}
