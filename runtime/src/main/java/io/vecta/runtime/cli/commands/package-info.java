/**
 * The runtime's show and clear commands, with VPP's names and syntax: the CLI side of the
 * reports that {@link io.vecta.runtime.show} formats. Each command reads its words, takes what
 * it reports on from the running {@link io.vecta.runtime.VectaRuntime}, and prints the
 * formatter's text; it keeps no state.
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.cli.commands.GraphCommands}: {@code show runtime},
 *       {@code clear runtime}, {@code show errors} ({@code show node counters}),
 *       {@code clear errors} ({@code clear node counters}), {@code show node},
 *       {@code show vlib graph}, {@code show vlib graphviz};</li>
 *   <li>{@link io.vecta.runtime.cli.commands.SystemCommands}: {@code show version},
 *       {@code show plugins}, {@code show threads}, {@code show buffers}, {@code show memory},
 *       {@code show clock}, {@code show logging}, {@code clear logging};</li>
 *   <li>{@link io.vecta.runtime.cli.commands.TraceCommands}: {@code trace add}, {@code show trace},
 *       {@code clear trace}, {@code trace filter}.</li>
 *   <li>{@link io.vecta.runtime.cli.commands.EventLogCommands}: {@code show event-logger},
 *       {@code event-logger clear}, {@code event-logger resize}, {@code event-logger save},
 *       {@code elog trace}.</li>
 *   <li>{@link io.vecta.runtime.cli.commands.PcapCommands}: {@code pcap dispatch trace}
 *       {@code on | off | status}.</li>
 *   <li>{@link io.vecta.runtime.cli.commands.ApiCommands}: {@code show api clients},
 *       {@code show api message-table}.</li>
 * </ul>
 *
 * <p>Like every {@code @CliCommand} of the runtime, they belong to the {@code builtin} plugin.
 * They find the runtime as a CLI service, which the runtime registers with the names that
 * check node names in arguments:
 * <pre>{@code
 * CliServices services = new CliServices()
 *         .register(VectaRuntime.class, runtime)
 *         .register(CliNames.class, new GraphCliNames(runtime.graph()));
 * }</pre>
 * Without the runtime service a command that needs it fails with a message that says so; the
 * version and logging commands need none.
 *
 * <p>Prefixes follow the command tree's rule (see {@link io.vecta.runtime.cli.CommandTree}):
 * {@code sh run}, {@code sh err}, {@code sh node c} (which is {@code show node counters}: a word
 * after {@code show node} that starts {@code counters} picks that command, as in VPP, and any
 * other word is a node name). {@code sh vl gr} is ambiguous between {@code graph} and
 * {@code graphviz}, and says so; {@code sh vl graph} picks the exact word.
 */
package io.vecta.runtime.cli.commands;
