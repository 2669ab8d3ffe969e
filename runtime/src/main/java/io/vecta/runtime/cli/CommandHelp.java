package io.vecta.runtime.cli;

import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.cli.CliTable;
import java.util.List;

/**
 * The listings of the command tree a user asks for: {@code ?} (every command from a point
 * down, by full path, as VPP's {@code ?}), a partial word with {@code ?} and {@code help}
 * (the next words with their short help, as VPP's {@code help}), {@code help <path>} (the
 * command's help and its next words), and {@code show cli}.
 */
final class CommandHelp {

    private static final int INDENT = 2;

    private CommandHelp() {
    }

    /** Every command at or below {@code node}: full path and short help. */
    static void listCommands(CommandNode node, CliOutput out) {
        CliTable table = new CliTable().left("").left("").indent(INDENT);
        for (CommandNode command : node.runnableBelow()) {
            table.row(command.path(), command.shortHelp());
        }
        out.table(table);
    }

    /** The next words in {@code nodes}: word and short help. */
    static void listWords(List<CommandNode> nodes, CliOutput out) {
        CliTable table = new CliTable().left("").left("").indent(INDENT);
        for (CommandNode node : nodes) {
            table.row(node.word(), node.shortHelp());
        }
        out.table(table);
    }

    /** {@code help <path>}: the command's short and long help, then its next words. */
    static void describe(CommandNode node, CliOutput out) {
        if (node.runnable()) {
            out.println(node.command().shortHelp());
            if (!node.command().longHelp().isBlank()) {
                out.println(node.command().longHelp().stripTrailing());
            }
        }
        if (!node.children().isEmpty()) {
            if (node.runnable()) {
                out.println();
            }
            listWords(List.copyOf(node.children()), out);
        }
    }

    /** {@code show cli}: every command with its short help, and with {@code verbose} its plugin. */
    static void listAll(CommandTree tree, boolean verbose, CliOutput out) {
        CliTable table = new CliTable().left("Command").left("Help");
        if (verbose) {
            table.left("Plugin");
        }
        for (CommandNode command : tree.commands()) {
            if (verbose) {
                table.row(command.path(), command.shortHelp(), command.plugin());
            } else {
                table.row(command.path(), command.shortHelp());
            }
        }
        out.table(table);
    }
}
