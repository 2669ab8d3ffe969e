/**
 * The CLI: the command tree that runtime and plugins fill with {@code @CliCommand} methods,
 * and the shell that runs lines against it. Every way in (a socket session, the runtime's
 * terminal, {@code exec FILE}, the startup configuration) hands a line to a
 * {@link io.vecta.runtime.cli.CommandRunner} and prints its
 * {@link io.vecta.runtime.cli.CommandOutcome}.
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.cli.CommandTree}: every command of every loaded plugin by
 *       path, matched by unique prefixes of words; {@link io.vecta.runtime.cli.CommandNode}
 *       is one word of it;</li>
 *   <li>{@link io.vecta.runtime.cli.CliShell}: the {@code CommandRunner} of one session;
 *       handles comments, {@code ?} listings, errors and failing commands;</li>
 *   <li>{@link io.vecta.runtime.cli.CliServices}: what commands reach through
 *       {@link io.vecta.sdk.cli.CliContext#service};</li>
 *   <li>{@link io.vecta.runtime.cli.GraphCliNames}: the {@link io.vecta.sdk.cli.CliNames}
 *       of a running graph;</li>
 *   <li>{@link io.vecta.runtime.cli.BuiltinCommands}: {@code help}, {@code show cli},
 *       {@code comment}, {@code exec}, {@code quit}, {@code halt}; the show and clear
 *       commands are in {@link io.vecta.runtime.cli.commands}.</li>
 * </ul>
 *
 * <p>Putting it together, once the plugins are loaded:
 * <pre>{@code
 * List<LoadedPlugin> plugins = PluginLoader.current().load(classLoader, pluginDirectory);
 * CommandTree commands = CommandTree.build(plugins);      // refuses a path of two plugins
 * CliServices services = new CliServices()
 *         .register(CliNames.class, new GraphCliNames(runtime.graph()))  // checks node names
 *         .register(VectaRuntime.class, runtime);         // what the show commands report on
 * CommandRunner terminal = new CliShell(commands, services, true);   // one shell per session
 * CommandOutcome outcome = terminal.run("sh int");
 * }</pre>
 * A shell is not thread-safe: the runtime runs every line on its main thread, which owns the
 * state commands read and change. {@link io.vecta.runtime.cli.CliShell#runScript(java.nio.file.Path)} runs a file
 * as {@code exec} does, for the startup configuration.
 */
package io.vecta.runtime.cli;
