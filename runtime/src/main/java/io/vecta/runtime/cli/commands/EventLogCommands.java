package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.elog.ChromeTrace;
import io.vecta.runtime.elog.EventLog;
import io.vecta.runtime.elog.EventLogText;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.elog.EventCatalog;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The event log's commands, with VPP's names and syntax: {@code show event-logger},
 * {@code event-logger clear}, {@code event-logger resize}, {@code event-logger save} and
 * {@code elog trace}. Commands run on the main thread between turns, which is the barrier the
 * rings need to be read and changed.
 */
public final class EventLogCommands {

    /** Events {@code show event-logger} prints when not told how many, as VPP does. */
    static final int DEFAULT_SHOWN = 250;

    private EventLogCommands() {
    }

    /** {@code show event-logger [all | <n>]}. */
    @CliCommand(path = "show event-logger", shortHelp = "show event-logger [all | <n>]",
            longHelp = "The last events of every thread's ring, oldest first, one per line with its time in seconds"
                    + " since the runtime started: the last " + DEFAULT_SHOWN + ", the last n, or all of them."
                    + " The first line counts the events shown, held and overwritten.")
    public static void show(CliContext ctx, CliInput in, CliOutput out) {
        int limit = DEFAULT_SHOWN;
        if (in.keyword("all")) {
            limit = Integer.MAX_VALUE;
        } else if (!in.atEnd()) {
            limit = in.number("n", 1, Integer.MAX_VALUE);
        }
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        out.print(EventLogText.show(logs(runtime), EventCatalog.global(), runtime.clock().startNanos(), limit));
    }

    /** {@code event-logger clear}. */
    @CliCommand(path = "event-logger clear", shortHelp = "event-logger clear",
            longHelp = "Forgets every event of every thread's ring, and the count of those overwritten.")
    public static void clear(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        logs(RunningRuntime.of(ctx)).forEach(EventLog::clear);
    }

    /** {@code event-logger resize <n>}. */
    @CliCommand(path = "event-logger resize", shortHelp = "event-logger resize <n>",
            longHelp = "Gives every thread a new, empty ring of n events, rounded up to a power of two (at most "
                    + EventLog.MAX_CAPACITY + "). The events logged so far are forgotten.")
    public static void resize(CliContext ctx, CliInput in, CliOutput out) {
        int requested = in.number("n", 1, EventLog.MAX_CAPACITY);
        in.expectEnd();
        List<EventLog> logs = logs(RunningRuntime.of(ctx));
        for (EventLog log : logs) {
            log.resize(requested);
        }
        out.println("event ring of each thread resized to " + logs.getFirst().capacity() + " events");
    }

    /** {@code event-logger save <file>}. */
    @CliCommand(path = "event-logger save", shortHelp = "event-logger save <file>",
            longHelp = "Writes every event held as a Chrome trace (JSON), which ui.perfetto.dev and"
                    + " chrome://tracing open: a track per thread, node calls as spans. Replaces the file; a"
                    + " relative name is taken from the runtime's working directory.")
    public static void save(CliContext ctx, CliInput in, CliOutput out) {
        String file = in.string("file");
        in.expectEnd();
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new CliException("file: '" + file + "' is not a file name: " + e.getReason());
        }
        VectaRuntime runtime = RunningRuntime.of(ctx);
        List<EventLog> logs = logs(runtime);
        GraphCommands.write(path, ChromeTrace.export(logs, EventCatalog.global(), runtime.clock().startNanos()));
        out.println("saved " + logs.stream().mapToInt(EventLog::size).sum() + " events to " + path);
    }

    /** {@code elog trace [dispatch] [disable]}. */
    @CliCommand(path = "elog trace", shortHelp = "elog trace [dispatch] [disable]",
            longHelp = "dispatch logs every node call on every thread: an event when it starts, with the vectors"
                    + " handed to the node, and one when it returns, with the vectors it reports. disable stops"
                    + " logging them. Without a word, says whether dispatch events are on.")
    public static void trace(CliContext ctx, CliInput in, CliOutput out) {
        List<DispatchThread> threads = RunningRuntime.of(ctx).threads();
        if (in.atEnd()) {
            out.println("dispatch events " + (threads.getFirst().runtime().dispatchEvents() ? "on" : "off"));
            return;
        }
        boolean on = in.oneOf("what to trace", "dispatch", "disable").equals("dispatch");
        in.expectEnd();
        for (DispatchThread thread : threads) {
            thread.runtime().setDispatchEvents(on);
        }
    }

    private static List<EventLog> logs(VectaRuntime runtime) {
        return runtime.threads().stream().map(thread -> thread.runtime().eventLog()).toList();
    }
}
