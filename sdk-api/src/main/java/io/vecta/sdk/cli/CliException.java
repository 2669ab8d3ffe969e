package io.vecta.sdk.cli;

/**
 * A CLI command could not do what the user asked: bad input, or an action that failed. The
 * message is for the user; the runtime prints it after the command's path, as VPP prints a
 * command's {@code clib_error_t}, and the command's line counts as failed. The session and
 * the runtime carry on.
 *
 * <p>Unchecked, so that helpers that read arguments compose without {@code throws} clauses;
 * {@link CliInput}'s reading methods throw it with messages that say what was expected.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public CliException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
