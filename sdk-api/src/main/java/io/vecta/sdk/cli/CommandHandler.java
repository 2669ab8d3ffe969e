package io.vecta.sdk.cli;

/**
 * Runs one command: the code behind a {@link CommandDescriptor}. The generated registration
 * implements it with a lambda that calls the author's {@code @CliCommand} method directly.
 *
 * <p>{@link CliException} reports bad input or a failed action with a message for the user;
 * any other exception is a fault of the command, which the runtime reports, naming the command
 * and the exception, and survives.
 */
@FunctionalInterface
public interface CommandHandler {

    /** Runs the command over {@code in}, the words after its path, printing to {@code out}. */
    void run(CliContext ctx, CliInput in, CliOutput out) throws Exception;
}
