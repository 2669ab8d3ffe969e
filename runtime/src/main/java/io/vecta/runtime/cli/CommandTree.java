package io.vecta.runtime.cli;

import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CommandDescriptor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every command of every loaded plugin, by path: VPP's CLI command tree, in which a user types
 * any unique prefix of each word ({@code sh int} for {@code show interface}).
 *
 * <pre>
 * (root) ─┬─ comment
 *         ├─ help
 *         ├─ show ─┬─ cli
 *         │        └─ interface ─── address
 *         └─ shutdown
 * </pre>
 *
 * <p>Matching walks the line a word at a time from the root ({@link #match}). At each node a
 * word picks the child of exactly that name if there is one, else the only child it is a prefix
 * of. A word that is a prefix of several children is ambiguous, and the error lists them
 * ({@code ambiguous command 'sh': show, shutdown}), unless the node reached so far is itself a
 * command: then, as in VPP, the walk stops and the remaining words are that command's
 * arguments. So {@code show interface eth0} runs {@code show interface} with {@code eth0}, while
 * {@code show int addr} runs {@code show interface address}.
 *
 * <p>The tree is built once, when the plugins are loaded, and only read afterwards.
 */
public final class CommandTree {

    private final CommandNode root;

    private CommandTree(CommandNode root) {
        this.root = root;
    }

    /**
     * The tree of the commands of {@code plugins}, each plugin's commands asked for once.
     *
     * @throws CommandTreeException if two plugins register one path, or a plugin fails to
     *                              create its commands
     */
    public static CommandTree build(List<LoadedPlugin> plugins) {
        Builder builder = builder();
        for (LoadedPlugin plugin : plugins) {
            List<CommandDescriptor> commands;
            try {
                commands = plugin.registration().commands();
            } catch (RuntimeException | LinkageError e) {
                throw new CommandTreeException("VectaPluginCommands", "plugin '" + plugin.name() + "' ("
                        + plugin.origin() + ") failed to create its commands: " + e,
                        "the constructors of the plugin's command classes run here; fix or disable the plugin", e);
            }
            builder.add(plugin.name(), commands);
        }
        return builder.build();
    }

    /** A builder for a tree of commands from any source, e.g. a test's. */
    public static Builder builder() {
        return new Builder();
    }

    /** The root: the node of the empty path, whose children are the first words. */
    public CommandNode root() {
        return root;
    }

    /** The node of exactly {@code path} (words separated by single spaces), or null. */
    public CommandNode find(String path) {
        CommandNode node = root;
        for (String word : path.isEmpty() ? new String[0] : path.split(" ")) {
            node = node.child(word);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Every command, in path order. */
    public List<CommandNode> commands() {
        return root.runnableBelow();
    }

    /**
     * The deepest node the leading words of {@code line} reach, and the text after them.
     *
     * @throws CliException if a word is a prefix of several children of a node that is not a
     *                      command itself
     */
    public Match match(String line) {
        CommandNode node = root;
        int at = 0;
        while (true) {
            int start = skipSpace(line, at);
            int end = start;
            while (end < line.length() && !isSpace(line.charAt(end))) {
                end++;
            }
            if (start == end) {
                break;
            }
            String word = line.substring(start, end);
            CommandNode next = node.child(word);
            if (next == null) {
                List<CommandNode> candidates = node.childrenStartingWith(word);
                if (candidates.size() > 1 && !node.runnable()) {
                    throw new CliException("ambiguous command '" + (node == root ? word : node.path() + " " + word)
                            + "': " + candidates.stream().map(CommandNode::word).collect(Collectors.joining(", ")));
                }
                next = candidates.size() == 1 ? candidates.get(0) : null;
            }
            if (next == null) {
                break;
            }
            node = next;
            at = end;
        }
        return new Match(node, line.substring(at));
    }

    private static int skipSpace(String line, int at) {
        while (at < line.length() && isSpace(line.charAt(at))) {
            at++;
        }
        return at;
    }

    /** White space as {@link io.vecta.sdk.cli.CliInput} reads it. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /**
     * Where a line's words lead.
     *
     * @param node the deepest node reached; the root if the first word matched nothing
     * @param rest the text after the matched words: the command's arguments, or the words that
     *             matched nothing
     */
    public record Match(CommandNode node, String rest) {

        /** Whether nothing but white space follows the matched words. */
        public boolean complete() {
            return rest.isBlank();
        }
    }

    /** Collects commands, refusing a path registered twice. */
    public static final class Builder {

        private CommandNode root = new CommandNode("", "");

        private Builder() {
        }

        /** Adds the commands of plugin {@code plugin}. */
        public Builder add(String plugin, List<CommandDescriptor> commands) {
            for (CommandDescriptor command : commands) {
                add(plugin, command);
            }
            return this;
        }

        /**
         * Adds one command of plugin {@code plugin}.
         *
         * @throws CommandTreeException if its path already has a command, naming both plugins
         */
        public Builder add(String plugin, CommandDescriptor command) {
            if (root == null) {
                throw new IllegalStateException("command tree already built; '" + command.path() + "' comes too late");
            }
            CommandNode node = root;
            for (String word : command.words()) {
                node = node.childOrNew(word);
            }
            if (node.runnable()) {
                String by = node.plugin().equals(plugin) ? "twice by plugin '" + plugin + "'"
                        : "by both plugin '" + node.plugin() + "' and plugin '" + plugin + "'";
                throw new CommandTreeException("VectaDuplicateCommand", "command '" + command.path()
                        + "' is registered " + by, "command paths are unique in the runtime: rename one of the"
                                + " commands, or disable one of the plugins", null);
            }
            node.register(command, plugin);
            return this;
        }

        /** The tree; the builder takes no more commands. */
        public CommandTree build() {
            CommandTree tree = new CommandTree(root);
            root = null;
            return tree;
        }
    }
}
