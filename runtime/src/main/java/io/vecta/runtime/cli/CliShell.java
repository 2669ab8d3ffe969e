package io.vecta.runtime.cli;

import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliNames;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.cli.Suggestions;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs CLI lines against a {@link CommandTree}: VPP's {@code vlib_cli_input} for one session.
 * Each way into the CLI (a socket session, the runtime's terminal, {@code exec}, the startup
 * configuration) holds a shell of its own, which says whether a person is typing.
 *
 * <p>A line is, in order of precedence:
 * <ul>
 *   <li>blank, or a comment starting with {@code #}: nothing runs;</li>
 *   <li>ending in {@code ?}: a listing. After white space ({@code show ?}) it lists every
 *       command from the point the words before it reach, by full path with short help; right
 *       after a word ({@code sh?}) it lists the next words that start with it. A partial word
 *       that no command starts with is not a listing, and the line runs as typed;</li>
 *   <li>a command and its arguments: the words that {@link CommandTree#match} matches, and the
 *       rest as the command's {@link CliInput}.</li>
 * </ul>
 *
 * <p>Errors never escape {@link #run}: a {@link CliException} from the command becomes the
 * failed outcome's text after the command's path ({@code show acme: unknown input 'x'}), as VPP
 * prefixes a command's error; any other exception is reported the same way, naming the
 * exception and where it was thrown, and logged with its stack trace, and the shell goes on
 * working. What the command printed before it failed is kept in front of the error.
 *
 * <p>A shell runs one line at a time, on the runtime's main thread.
 */
public final class CliShell implements CommandRunner {

    /** How deep scripts may run scripts; deeper is a script that runs itself. */
    public static final int MAX_SCRIPT_DEPTH = 8;

    private static final System.Logger LOG = System.getLogger("io.vecta.runtime.cli");

    private final CommandTree tree;
    private final CliServices services;
    private final boolean interactive;
    private final ShellContext context;
    private CommandOutcome.Action action = CommandOutcome.Action.CONTINUE;
    private int scriptDepth;

    /**
     * A shell over {@code tree} whose commands reach {@code services}.
     *
     * @param interactive whether a person types the lines (an interactive session or the
     *                    runtime's terminal), as commands see in their context
     */
    public CliShell(CommandTree tree, CliServices services, boolean interactive) {
        this.tree = tree;
        this.services = services;
        this.interactive = interactive;
        this.context = new ShellContext(this, services);
    }

    /** The commands this shell runs. */
    public CommandTree tree() {
        return tree;
    }

    /** Whether a person types the lines. */
    public boolean interactive() {
        return interactive;
    }

    @Override
    public CommandOutcome run(String line) {
        action = CommandOutcome.Action.CONTINUE;
        CliOutput out = new CliOutput();
        try {
            runLine(line, out);
        } catch (CliException e) {
            return CommandOutcome.error(out.text() + e.getMessage());
        }
        return new CommandOutcome(out.text(), false, action);
    }

    /**
     * Runs every line of {@code file} as {@code exec FILE} does, stopping at the first that
     * fails with {@code FILE:LINE: error}, or at one that ends the session or the runtime. The
     * runtime runs its startup configuration this way.
     */
    public CommandOutcome runScript(Path file) {
        action = CommandOutcome.Action.CONTINUE;
        CliOutput out = new CliOutput();
        try {
            runScript(file, out);
        } catch (CliException e) {
            return CommandOutcome.error(out.text() + e.getMessage());
        }
        return new CommandOutcome(out.text(), false, action);
    }

    /**
     * Makes the session end ({@link CommandOutcome.Action#CLOSE_SESSION}) or the runtime stop
     * ({@link CommandOutcome.Action#STOP_RUNTIME}) once the current line is done; for
     * {@code quit} and {@code halt}.
     */
    public void requestAction(CommandOutcome.Action next) {
        action = next;
    }

    /** Runs the lines of {@code file} into {@code out}; errors carry {@code FILE:LINE:}. */
    void runScript(Path file, CliOutput out) {
        if (scriptDepth >= MAX_SCRIPT_DEPTH) {
            throw new CliException("scripts nested " + MAX_SCRIPT_DEPTH + " deep at " + file
                    + " (does a script run itself?)");
        }
        List<String> lines = readLines(file);
        scriptDepth++;
        try {
            int i = 0;
            while (i < lines.size()) {
                int first = i;
                StringBuilder command = new StringBuilder();
                int open = 0;
                boolean continued = true;
                // A line ending in a backslash goes on on the next (VPP's exec does the same);
                // braces left open carry a command on to the lines that close them, as VPP did
                // when it read a script as one stream: packet-generator new { ... } over many lines.
                while (continued && i < lines.size()) {
                    String line = lines.get(i++);
                    boolean escapedEnd = endsInEscape(line);
                    String text = escapedEnd ? line.substring(0, line.length() - 1) : line;
                    command.append(command.isEmpty() ? text : " " + text.strip());
                    open += openBraces(text);
                    continued = escapedEnd || open > 0;
                }
                try {
                    if (open > 0) {
                        throw new CliException("'{' left open: the file ends before " + open + " '}'"
                                + (open == 1 ? " closes it" : " close them"));
                    }
                    if (continued) {
                        throw new CliException("the file ends after a '\\' that carries the line on");
                    }
                    runLine(command.toString(), out);
                } catch (CliException e) {
                    throw new CliException(file + ":" + (first + 1) + ": " + e.getMessage(), e);
                }
                if (action != CommandOutcome.Action.CONTINUE) {
                    return;
                }
            }
        } finally {
            scriptDepth--;
        }
    }

    /** Whether the line ends in a backslash that is not itself escaped by one before it. */
    private static boolean endsInEscape(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /**
     * How many more {@code '{'} than {@code '}'} the text has, neither escaped by a backslash;
     * 0 for a remark line, whose braces mean nothing.
     */
    private static int openBraces(CharSequence text) {
        if (text.toString().strip().startsWith("#")) {
            return 0;
        }
        int open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                open++;
            } else if (c == '}') {
                open--;
            }
        }
        return open;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + file + ": no such file");
        } catch (MalformedInputException e) {
            throw new CliException("cannot read " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e, e);
        }
    }

    private void runLine(String line, CliOutput out) {
        String body = line.strip();
        if (body.isEmpty() || body.startsWith("#")) {
            return;
        }
        if (body.endsWith("?") && listed(body.substring(0, body.length() - 1), out)) {
            return;
        }
        CommandTree.Match match = tree.match(body);
        if (!match.node().runnable()) {
            throw notACommand(match);
        }
        runCommand(match.node(), match.rest(), out);
    }

    /** Prints the listing a line ending in {@code ?} asks for; false if it asks for none. */
    private boolean listed(String before, CliOutput out) {
        if (before.isEmpty() || CommandTree.isSpace(before.charAt(before.length() - 1))) {
            CommandTree.Match match = tree.match(before);
            if (match.node() == tree.root() && !match.complete()) {
                return false;
            }
            CommandHelp.listCommands(match.node(), out);
            return true;
        }
        int space = before.length() - 1;
        while (space >= 0 && !CommandTree.isSpace(before.charAt(space))) {
            space--;
        }
        CommandTree.Match match = tree.match(before.substring(0, space + 1));
        List<CommandNode> words = match.complete()
                ? match.node().childrenStartingWith(before.substring(space + 1)) : List.of();
        if (words.isEmpty()) {
            return false;
        }
        CommandHelp.listWords(words, out);
        return true;
    }

    private void runCommand(CommandNode node, String arguments, CliOutput out) {
        CliInput input = CliInput.of(arguments, services.find(CliNames.class).orElse(null));
        try {
            node.command().handler().run(context, input, out);
        } catch (CliException e) {
            throw new CliException(node.path() + ": " + e.getMessage(), e);
        } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
            LOG.log(System.Logger.Level.WARNING, "command '" + node.path() + "' of plugin '" + node.plugin()
                    + "' failed", e);
            StackTraceElement[] trace = e.getStackTrace();
            throw new CliException(node.path() + ": failed with " + e
                    + (trace.length > 0 ? "\n  at " + trace[0] : ""), e);
        }
    }

    /**
     * The error for words that reach no command: VPP's {@code unknown input}, after the path
     * matched so far, with the next word it is a typo of; or, when the words stop short of a
     * command, how to list the ones there are.
     */
    static CliException notACommand(CommandTree.Match match) {
        CommandNode node = match.node();
        if (match.complete()) {
            return new CliException("incomplete command '" + node.path() + "'; type '" + node.path()
                    + " ?' to list its commands");
        }
        String message = (node.path().isEmpty() ? "" : node.path() + ": ")
                + CliInput.of(match.rest()).unknownInput().getMessage();
        String word = match.rest().strip().split("[ \t\r\n]", 2)[0];
        return new CliException(Suggestions.closest(word, node.children().stream().map(CommandNode::word).toList())
                .map(s -> message + "; did you mean '" + s + "'?").orElse(message));
    }
}
