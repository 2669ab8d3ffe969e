package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.log.LogRouter;
import io.vecta.runtime.show.BuildInfo;
import io.vecta.runtime.show.ShowBuffers;
import io.vecta.runtime.show.ShowClock;
import io.vecta.runtime.show.ShowLogging;
import io.vecta.runtime.show.ShowMemory;
import io.vecta.runtime.show.ShowPlugins;
import io.vecta.runtime.show.ShowThreads;
import io.vecta.runtime.show.ShowVersion;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;

/**
 * The commands that report on the process around the graph, with VPP's names and syntax:
 * {@code show version}, {@code show plugins}, {@code show threads}, {@code show buffers},
 * {@code show memory}, {@code show clock}, {@code show logging} and {@code clear logging}.
 * {@code show version} and the logging commands need no runtime: the build and the log belong to
 * the process, so they work in any CLI.
 */
public final class SystemCommands {

    private SystemCommands() {
    }

    /** {@code show version [verbose]}. */
    @CliCommand(path = "show version", shortHelp = "show version [verbose]",
            longHelp = "The runtime's version, and who built it, where and when, as the launcher's manifest"
                    + " records it.\n"
                    + "verbose adds the source location, the compiler, the process id and the Java runtime.")
    public static void showVersion(CliInput in, CliOutput out) {
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        out.print(ShowVersion.format(BuildInfo.runtime(), verbose));
    }

    /** {@code show plugins}. */
    @CliCommand(path = "show plugins", shortHelp = "show plugins",
            longHelp = "The plugin path, then the loaded plugins in load order, each with its version, its"
                    + " description and where it came from: the class path or its jar.")
    public static void showPlugins(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        out.print(ShowPlugins.format(runtime.plugins(), runtime.config().plugins().path()));
    }

    /** {@code show threads}. */
    @CliCommand(path = "show threads", shortHelp = "show threads",
            longHelp = "The dispatch threads, main first: index, name, Linux thread id, the core it is pinned to,"
                    + " its scheduling policy and the turns of its loop since it started.")
    public static void showThreads(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        out.print(ShowThreads.format(RunningRuntime.of(ctx).threads()));
    }

    /** {@code show buffers [detail]}. */
    @CliCommand(path = "show buffers", shortHelp = "show buffers [detail]",
            longHelp = "Each buffer pool: its NUMA node, buffer and data sizes, and how many buffers it has, how"
                    + " many are free, held in the threads' caches, and in use.\n"
                    + "detail adds a line per thread with what its cache holds.")
    public static void showBuffers(CliContext ctx, CliInput in, CliOutput out) {
        boolean detail = in.keyword("detail");
        in.expectEnd();
        out.print(ShowBuffers.format(RunningRuntime.of(ctx).bufferPools(), detail));
    }

    /** {@code show memory}. */
    @CliCommand(path = "show memory", shortHelp = "show memory",
            longHelp = "The JVM's heap and non-heap use, the JDK's direct and mapped buffers, the buffer memory"
                    + " the runtime maps (address, size, file descriptor, page size, pages), and the heap each"
                    + " dispatch thread has allocated since it started.")
    public static void showMemory(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        out.print(ShowMemory.format(runtime.threads(), runtime.bufferPools()));
    }

    /** {@code show clock [verbose]}. */
    @CliCommand(path = "show clock", shortHelp = "show clock [verbose]",
            longHelp = "Seconds since the runtime started by the monotonic clock, and the date in GMT, then the"
                    + " same for each thread.\n"
                    + "verbose adds the raw clock in nanoseconds and how far the wall clock has drifted from it.")
    public static void showClock(CliContext ctx, CliInput in, CliOutput out) {
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        out.print(ShowClock.format(runtime.clock(), runtime.threads(), verbose));
    }

    /** {@code show logging}. */
    @CliCommand(path = "show logging", shortHelp = "show logging",
            longHelp = "The log records the runtime keeps in memory, oldest first: time, level, class and"
                    + " message. How many it keeps is 'logging { size N }'.")
    public static void showLogging(CliInput in, CliOutput out) {
        in.expectEnd();
        out.print(ShowLogging.format(LogRouter.global()));
    }

    /** {@code clear logging}. */
    @CliCommand(path = "clear logging", shortHelp = "clear logging",
            longHelp = "Empties the log records kept in memory that 'show logging' prints; the log file, if any,"
                    + " keeps its lines.")
    public static void clearLogging(CliInput in, CliOutput out) {
        in.expectEnd();
        LogRouter.global().clear();
    }
}
