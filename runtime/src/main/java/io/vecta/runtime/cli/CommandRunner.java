package io.vecta.runtime.cli;

/**
 * Runs one line of CLI input and returns what it printed. Every way in to the CLI goes
 * through one: a socket session, the runtime's own terminal, {@code exec FILE} and
 * {@code unix { startup-config FILE }}. {@link CliShell} implements it over the command tree;
 * the runtime wraps it so that commands run on the main thread, which owns the state they read
 * and change.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code line}. A blank line or a comment runs nothing and succeeds.
     * Never throws for bad input: the error is the outcome's text.
     */
    CommandOutcome run(String line);
}
