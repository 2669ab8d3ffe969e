/**
 * The CLI: the command tree that runtime and plugins fill with {@code @CliCommand} methods,
 * and the ways lines reach it (socket sessions, the runtime's terminal, scripts). Every way in
 * hands a line to a {@link io.vecta.runtime.cli.CommandRunner} and prints its
 * {@link io.vecta.runtime.cli.CommandOutcome}.
 */
package io.vecta.runtime.cli;
