package io.vecta.runtime.cli.commands;

import io.vecta.runtime.api.ApiServer;
import io.vecta.runtime.api.ApiTrace;
import io.vecta.runtime.config.ApiTraceConfig;
import io.vecta.runtime.api.ShowApi;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The binary-API server's commands, with VPP's names: {@code show api clients},
 * {@code show api message-table} and {@code api trace}.
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

    /** {@code api trace on [nitems N] | off | status | dump [max N] | save FILE}. */
    @CliCommand(path = "api trace",
            shortHelp = "api trace on [nitems <n>] | off | status | dump [max <n>] | save <file>",
            longHelp = "on keeps the last n messages the API server handles (default " + DEFAULT_NITEMS + "), as they"
                    + " arrived; off stops; dump lists them (time, client, name_crc, length, first bytes); save writes"
                    + " them to a file, each named by its name_crc.")
    public static void apiTrace(CliContext ctx, CliInput in, CliOutput out) {
        ApiTrace trace = server(ctx).trace();
        switch (in.oneOf("what to do", "on", "off", "status", "dump", "save")) {
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
            default -> {
                String file = in.string("file");
                in.expectEnd();
                try {
                    out.println("api trace: " + trace.save(Path.of(file)) + " messages written to " + file);
                } catch (IOException | InvalidPathException e) {
                    throw new CliException("api trace save " + file + ": " + e.getMessage());
                }
            }
        }
    }

    private static ApiServer server(CliContext ctx) {
        return RunningRuntime.of(ctx).apiServer().orElseThrow(() -> new CliException(
                "the binary API is not served: add socksvr { } to the startup configuration"));
    }
}
