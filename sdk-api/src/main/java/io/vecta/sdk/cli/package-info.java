/**
 * What a CLI command programs against: VPP's {@code unformat} input, {@code vlib_cli_output}
 * and the command registration, in Java.
 *
 * <ul>
 *   <li>{@link io.vecta.sdk.cli.CliInput} reads the words after the command's path: keywords,
 *       numbers, ranges, addresses, prefixes, names and strings, with errors that say what was
 *       expected and suggest the keyword a typo was meant to be;</li>
 *   <li>{@link io.vecta.sdk.cli.CliOutput} collects what the command prints, and
 *       {@link io.vecta.sdk.cli.CliTable} lays out tables a person can scan;</li>
 *   <li>{@link io.vecta.sdk.cli.CliContext} reaches the runtime's services and tells whether
 *       a person is typing;</li>
 *   <li>{@link io.vecta.sdk.cli.CliException} reports bad input or a failed action;</li>
 *   <li>{@link io.vecta.sdk.cli.CommandDescriptor} and {@link io.vecta.sdk.cli.CommandHandler}
 *       are what a plugin's registration lists for the runtime's command tree.</li>
 * </ul>
 *
 * <p>An author writes a public method with {@code @CliCommand} and never builds descriptors by
 * hand: the processor writes them into the plugin's registration.
 * <pre>{@code
 * @CliCommand(path = "set acme limit", shortHelp = "set acme limit <n> [interface <name>]")
 * public void setLimit(CliInput in, CliOutput out) {
 *     int limit = in.number("limit", 1, 1_000_000);
 *     String ifName = in.keyword("interface") ? in.interfaceName("interface") : null;
 *     in.expectEnd();
 *     limits.put(ifName, limit);
 *     out.println("limit " + limit);
 * }
 * }</pre>
 *
 * <p>Commands run on the runtime's main thread, one at a time, so command state needs no
 * locks; state shared with worker threads follows the rules of the structure that holds it.
 */
package io.vecta.sdk.cli;
