package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as a CLI command: VPP's {@code VLIB_CLI_COMMAND}. The processor lists it
 * in the plugin's registration; the runtime puts it in the command tree under {@link #path()},
 * where a user reaches it with any unique prefix of each word ({@code sh acme fl} for
 * {@code show acme flows}).
 *
 * <p>The method has one of two shapes, static or not:
 * <pre>{@code
 * public void name(CliInput in, CliOutput out)
 * public void name(CliContext ctx, CliInput in, CliOutput out)
 * }</pre>
 * {@code in} reads the words the user typed after the path, {@code out} collects what the
 * command prints, and {@code ctx} reaches the runtime's services. The method reports bad input
 * or a failed action by throwing {@code io.vecta.sdk.cli.CliException}, whose message the user
 * sees after the command's path; it may declare other exceptions, which the runtime reports
 * as a failure of the command without stopping.
 *
 * <p>The method and its class must be public (the generated registration, in the package of
 * {@link Plugin}, calls the method directly, so a stack trace leads to it). For an instance
 * method the class needs a public constructor without parameters: the registration creates one
 * instance of each such class per plugin, when the runtime first asks the plugin for its
 * commands, and every command of that class runs on it, so its fields hold the commands'
 * shared state. Commands run on the main thread, one at a time.
 *
 * <pre>{@code
 * public final class FlowCommands {
 *     @CliCommand(path = "show acme flows", shortHelp = "show acme flows [verbose] [limit <n>]")
 *     public static void showFlows(CliInput in, CliOutput out) {
 *         boolean verbose = false;
 *         int limit = 100;
 *         while (!in.atEnd()) {
 *             if (in.keyword("verbose")) {
 *                 verbose = true;
 *             } else if (in.keyword("limit")) {
 *                 limit = in.number("limit");
 *             } else {
 *                 throw in.unknownInput();
 *             }
 *         }
 *         out.println("flows: 0");
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CliCommand {

    /**
     * The words that name the command, separated by single spaces, e.g.
     * {@code "show interface"}. Each word is lower-case letters, digits, {@code -} and
     * {@code _}; unique in the runtime.
     */
    String path();

    /** One line that shows how to use it, as {@code ?} and {@code help} list it; not empty. */
    String shortHelp();

    /** Longer text for {@code help <path>}; empty to show the short help there too. */
    String longHelp() default "";
}
