package io.vecta.runtime.cli;

import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The commands every runtime has, registered by the {@code builtin} plugin like any plugin's:
 * {@code help}, {@code show cli}, {@code comment}, {@code exec}, {@code quit} and
 * {@code halt}. Those that list or run commands reach the {@link CliShell} through their
 * context.
 */
public final class BuiltinCommands {

    private BuiltinCommands() {
    }

    /** {@code help [<command>]}. */
    @CliCommand(path = "help", shortHelp = "help [<command>]",
            longHelp = "Without a command, lists the first words of every command. With one, shows its help and"
                    + " the words that may follow it. Any unique prefix of each word will do: help sh int.")
    public static void help(CliContext ctx, CliInput in, CliOutput out) {
        CommandTree tree = shell(ctx).tree();
        String path = in.restOfLine();
        if (path.isEmpty()) {
            CommandHelp.listWords(List.copyOf(tree.root().children()), out);
            return;
        }
        CommandTree.Match match = tree.match(path);
        if (match.node() == tree.root() || !match.node().runnable() && !match.complete()) {
            throw CliShell.notACommand(match);
        }
        CommandHelp.describe(match.node(), out);
    }

    /** {@code show cli [verbose]}. */
    @CliCommand(path = "show cli", shortHelp = "show cli [verbose]",
            longHelp = "Lists every command with its short help; verbose adds the plugin that registered it.")
    public static void showCli(CliContext ctx, CliInput in, CliOutput out) {
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        CommandHelp.listAll(shell(ctx).tree(), verbose, out);
    }

    /** {@code comment <text>}: nothing, for scripts. */
    @CliCommand(path = "comment", shortHelp = "comment <text>",
            longHelp = "Does nothing: a remark in a script or the startup configuration. Lines starting with #"
                    + " are remarks too.")
    public static void comment(CliInput in, CliOutput out) {
        in.restOfLine();
    }

    /** {@code exec <file>}. */
    @CliCommand(path = "exec", shortHelp = "exec <file>",
            longHelp = "Runs each line of the file as a command, and stops at the first that fails, naming the"
                    + " file and the line. A line ending in \\ goes on on the next, and one that leaves a '{' open"
                    + " goes on up to the line that closes it."
                    + " Blank lines and lines starting with # are skipped.")
    public static void exec(CliContext ctx, CliInput in, CliOutput out) {
        String file = in.string("file");
        in.expectEnd();
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new CliException("file: '" + file + "' is not a file name: " + e.getReason());
        }
        shell(ctx).runScript(path, out);
    }

    /** {@code quit}. */
    @CliCommand(path = "quit", shortHelp = "quit", longHelp = "Ends this CLI session; the runtime keeps running.")
    public static void quit(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        shell(ctx).requestAction(CommandOutcome.Action.CLOSE_SESSION);
    }

    /** {@code halt}. */
    @CliCommand(path = "halt", shortHelp = "halt", longHelp = "Stops the runtime.")
    public static void halt(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        shell(ctx).requestAction(CommandOutcome.Action.STOP_RUNTIME);
    }

    private static CliShell shell(CliContext ctx) {
        return ctx.service(CliShell.class)
                .orElseThrow(() -> new CliException("this command needs the runtime's CLI shell"));
    }
}
