package io.vecta.runtime.cli;

import io.vecta.sdk.cli.CommandDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One word of the command tree: VPP's {@code vlib_cli_command_t}. A node is runnable when a
 * plugin registered a command at its path; a node that only leads to longer paths
 * ({@code show}) exists because they do, and has no command of its own.
 */
public final class CommandNode {

    private final String word;
    private final String path;
    private final NavigableMap<String, CommandNode> children = new TreeMap<>();
    private CommandDescriptor command;
    private String plugin;

    CommandNode(String word, String path) {
        this.word = word;
        this.path = path;
    }

    /** The node's last word; empty for the root. */
    public String word() {
        return word;
    }

    /** The node's words, single-space separated; empty for the root. */
    public String path() {
        return path;
    }

    /** Whether a command runs at this path. */
    public boolean runnable() {
        return command != null;
    }

    /** The command at this path, or null if the node only leads to longer paths. */
    public CommandDescriptor command() {
        return command;
    }

    /** The plugin that registered the command, or null if there is none. */
    public String plugin() {
        return plugin;
    }

    /** The command's short help, or VPP's {@code <path> commands} for a node without one. */
    public String shortHelp() {
        return command != null ? command.shortHelp() : path + " commands";
    }

    /** The next words, in alphabetical order. */
    public Collection<CommandNode> children() {
        return Collections.unmodifiableCollection(children.values());
    }

    /** The child of exactly {@code word}, or null. */
    public CommandNode child(String word) {
        return children.get(word);
    }

    /** The children whose word starts with {@code prefix}, in alphabetical order. */
    public List<CommandNode> childrenStartingWith(String prefix) {
        List<CommandNode> found = new ArrayList<>();
        for (CommandNode child : children.tailMap(prefix, true).values()) {
            if (!child.word.startsWith(prefix)) {
                break;
            }
            found.add(child);
        }
        return found;
    }

    /** This node, if runnable, and every runnable node below it, in path order. */
    public List<CommandNode> runnableBelow() {
        List<CommandNode> found = new ArrayList<>();
        collect(found);
        found.sort((a, b) -> a.path.compareTo(b.path));
        return found;
    }

    private void collect(List<CommandNode> found) {
        if (runnable()) {
            found.add(this);
        }
        for (CommandNode child : children.values()) {
            child.collect(found);
        }
    }

    CommandNode childOrNew(String childWord) {
        return children.computeIfAbsent(childWord,
                w -> new CommandNode(w, path.isEmpty() ? w : path + " " + w));
    }

    void register(CommandDescriptor descriptor, String pluginName) {
        this.command = descriptor;
        this.plugin = pluginName;
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "<root>" : path;
    }
}
