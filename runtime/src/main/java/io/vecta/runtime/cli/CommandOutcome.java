package io.vecta.runtime.cli;

import java.util.Objects;

/**
 * What one CLI line did.
 *
 * @param output what the command printed, or the error naming what was wrong; ends with a
 *               newline unless empty
 * @param failed whether the line was an error (unknown command, bad argument, a failure),
 *               which makes a one-shot {@code vectactl} exit non-zero
 * @param action what the session does next
 */
public record CommandOutcome(String output, boolean failed, Action action) {

    /** What the session that ran the line does next. */
    public enum Action {
        /** Reads the next line. */
        CONTINUE,
        /** Ends this session only ({@code quit} on a socket session). */
        CLOSE_SESSION,
        /** Stops the whole runtime ({@code halt}, or {@code quit} on the runtime's own terminal). */
        STOP_RUNTIME
    }

    /** Checks the fields. */
    public CommandOutcome {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(action, "action");
    }

    /** A command that printed {@code output} and succeeded. */
    public static CommandOutcome ok(String output) {
        return new CommandOutcome(output, false, Action.CONTINUE);
    }

    /** A line that failed with {@code message}. */
    public static CommandOutcome error(String message) {
        return new CommandOutcome(message.endsWith("\n") ? message : message + "\n", true, Action.CONTINUE);
    }
}
