package io.vecta.sdk.cli;

import java.util.Optional;

/**
 * What a command may reach beyond its input and output: the runtime's services and the kind of
 * session it runs in. The runtime registers its services (interfaces, the graph, counters, ...)
 * by type; a plugin asks for one by the type it knows from the SDK and handles its absence,
 * since a smaller runtime (a test, a tool) may not offer it.
 *
 * <pre>{@code
 * @CliCommand(path = "show acme", shortHelp = "show acme")
 * public static void show(CliContext ctx, CliInput in, CliOutput out) {
 *     AcmeTable table = ctx.service(AcmeTable.class)
 *             .orElseThrow(() -> new CliException("the acme table is not running"));
 *     out.println(table.summary());
 * }
 * }</pre>
 */
public interface CliContext {

    /** The service registered under {@code type}, if the runtime offers one. */
    <T> Optional<T> service(Class<T> type);

    /**
     * Whether a person is typing at the other end (an interactive {@code vectactl} or the
     * runtime's terminal), rather than a one-shot command, a script or the startup
     * configuration: a command may then ask for confirmation or print for a wide terminal.
     */
    boolean interactive();
}
