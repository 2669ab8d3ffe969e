package io.vecta.runtime.cli.commands;

import io.vecta.runtime.api.ApiServer;
import io.vecta.runtime.api.ApiTrace;
import io.vecta.runtime.api.ApiTraceFile;
import io.vecta.runtime.api.ApiTraceFileException;
import io.vecta.runtime.api.ApiTraceReplay;
import io.vecta.runtime.api.ApiTraceText;
import io.vecta.runtime.config.ApiTraceConfig;
import io.vecta.runtime.api.ShowApi;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The binary-API server's commands, with VPP's names: {@code show api clients},
 * {@code show api message-table} and {@code api trace} (record, save, replay, print a saved file).
 */
public final class ApiCommands {

    /** Messages {@code api trace on} keeps unless told otherwise, as VPP's api-trace { } default. */
    static final int DEFAULT_NITEMS = ApiTraceConfig.DEFAULT_NITEMS;

    private ApiCommands() {
    }

    /** {@code show api clients}. */
    @CliCommand(path = "show api clients", shortHelp = "show api clients",
            longHelp = "The clients connected to the API socket (socksvr): name, handle, messages received and"
                    + " sent, bytes waiting to be written; then the server's counters, bad input included.")
    public static void showApiClients(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        out.print(ShowApi.clients(server(ctx)));
    }

    /** {@code show api message-table}. */
    @CliCommand(path = "show api message-table", shortHelp = "show api message-table",
            longHelp = "Every message id the API socket's clients learn at their handshake, with its name_crc.")
    public static void showApiMessageTable(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        out.print(ShowApi.messageTable(server(ctx).table()));
    }

    /**
     * {@code api trace on [nitems N] | off | status | dump [max N] | save FILE
     * | replay FILE [first N] [last N] [verbose] | dump-file FILE}.
     */
    @CliCommand(path = "api trace",
            shortHelp = "api trace on [nitems <n>] | off | status | dump [max <n>] | save <file>"
                    + " | replay <file> [first <n>] [last <n>] [verbose] | dump-file <file>",
            longHelp = "on keeps the last n messages the API server handles (default " + DEFAULT_NITEMS + "), as they"
                    + " arrived; off stops; dump lists them (time, client, name_crc, length, first bytes); save writes"
                    + " them to a file, each named by its name_crc. replay feeds a saved file's messages (records first"
                    + " to last, from 0) to this runtime's handlers as if a client sent them, found by name_crc;"
                    + " memclnt's are skipped, unknown ones skipped and named, answers counted (shown with verbose)."
                    + " dump-file prints a saved file, as JSON where the message is known here, else hex.")
    public static void apiTrace(CliContext ctx, CliInput in, CliOutput out) {
        ApiServer server = server(ctx);
        ApiTrace trace = server.trace();
        switch (in.oneOf("what to do", "on", "off", "status", "dump", "save", "replay", "dump-file")) {
            case "on" -> {
                int nitems = in.keyword("nitems") ? in.number("nitems", 1, 1 << 24) : DEFAULT_NITEMS;
                in.expectEnd();
                trace.start(nitems);
            }
            case "off" -> {
                in.expectEnd();
                trace.stop();
            }
            case "status" -> {
                in.expectEnd();
                out.println(trace.status());
            }
            case "dump" -> {
                int max = in.keyword("max") ? in.number("max", 1, Integer.MAX_VALUE) : Integer.MAX_VALUE;
                in.expectEnd();
                out.print(trace.dump(max));
            }
            case "save" -> {
                String file = in.string("file");
                in.expectEnd();
                try {
                    out.println("api trace: " + trace.save(Path.of(file)) + " messages written to " + file);
                } catch (IOException | InvalidPathException e) {
                    throw new CliException("api trace save " + file + ": " + e.getMessage());
                }
            }
            case "replay" -> replay(server, in, out);
            default -> {
                String file = in.string("file");
                in.expectEnd();
                try {
                    out.print(ApiTraceText.records(readTrace("dump-file", file), server.table()));
                } catch (ApiTraceFileException e) {
                    out.print(ApiTraceText.records(e.readable(), server.table()));
                    throw new CliException("dump-file " + file + ": " + e.reason());
                }
            }
        }
    }

    private static void replay(ApiServer server, CliInput in, CliOutput out) {
        String file = in.string("file");
        long first = 0;
        long last = Long.MAX_VALUE;
        boolean verbose = false;
        while (!in.atEnd()) {
            switch (in.oneOf("replay option", "first", "last", "verbose")) {
                case "first" -> first = in.number("first", 0, Integer.MAX_VALUE);
                case "last" -> last = in.number("last", 0, Integer.MAX_VALUE);
                default -> verbose = true;
            }
        }
        List<ApiTrace.Entry> entries;
        try {
            entries = readTrace("replay", file);
        } catch (ApiTraceFileException e) {
            throw new CliException("replay " + file + ": " + e.reason() + "; nothing was replayed");
        }
        try {
            out.print(ApiTraceReplay.replay(server, entries, first, last, verbose, file).text());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The records of a saved trace; a file that is not whole is an {@link ApiTraceFileException}. */
    private static List<ApiTrace.Entry> readTrace(String what, String file) throws ApiTraceFileException {
        try {
            return ApiTraceFile.read(Path.of(file));
        } catch (ApiTraceFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new CliException(what + " " + file + ": no such file");
        } catch (IOException | InvalidPathException e) {
            throw new CliException(what + " " + file + ": cannot read it: " + e.getMessage());
        }
    }

    private static ApiServer server(CliContext ctx) {
        return RunningRuntime.of(ctx).apiServer().orElseThrow(() -> new CliException(
                "the binary API is not served: add socksvr { } to the startup configuration"));
    }
}
