package io.vecta.runtime.cli.commands;

import io.vecta.runtime.api.ApiServer;
import io.vecta.runtime.api.ShowApi;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;

/**
 * The binary-API server's commands, with VPP's names: {@code show api clients} and
 * {@code show api message-table}.
 */
public final class ApiCommands {

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

    private static ApiServer server(CliContext ctx) {
        return RunningRuntime.of(ctx).apiServer().orElseThrow(() -> new CliException(
                "the binary API is not served: add socksvr { } to the startup configuration"));
    }
}
