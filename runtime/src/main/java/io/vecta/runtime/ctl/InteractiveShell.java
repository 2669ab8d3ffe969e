package io.vecta.runtime.ctl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * vectactl on a terminal: the runtime's prompt, line editing, history kept across runs, TAB
 * completion and {@code ?} help from the runtime's command tree. Ctrl-C drops the line being
 * typed; Ctrl-D, or a command that ends the session ({@code quit}), leaves.
 */
final class InteractiveShell {

    /** The history file's name in the user's home directory. */
    static final String HISTORY_FILE_NAME = ".vectactl_history";

    private static final String HELP_WIDGET = "vecta-help";

    private final CtlConnection connection;
    private final Path historyFile;
    private final PrintStream err;

    InteractiveShell(CtlConnection connection, Path historyFile, PrintStream err) {
        this.connection = connection;
        this.historyFile = historyFile;
        this.err = err;
    }

    /** {@code ~/.vectactl_history}, home being {@code $HOME} as for any shell tool, else the account's. */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), HISTORY_FILE_NAME);
    }

    /** Runs the session on the process's terminal; returns vectactl's exit code. */
    int run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return run(terminal);
        } catch (IOException e) {
            err.println("vectactl: cannot open the terminal: " + e.getMessage());
            return VectaCtl.EXIT_USAGE;
        }
    }

    /** Runs the session on {@code terminal}; returns vectactl's exit code. */
    int run(Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("vectactl")
                .completer(new ServerCompleter(connection))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
        reader.getWidgets().put(HELP_WIDGET, () -> showHelp(reader));
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(HELP_WIDGET), "?");
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(connection.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return VectaCtl.EXIT_OK;
                }
                CtlReply reply = connection.run(line);
                terminal.writer().print(reply.text());
                terminal.writer().flush();
                if (reply.sessionEnded()) {
                    return VectaCtl.EXIT_OK;
                }
            }
        } catch (CtlConnectException e) {
            terminal.writer().println("vectactl: " + e.getMessage());
            terminal.writer().flush();
            return VectaCtl.EXIT_UNREACHABLE;
        } finally {
            saveHistory(reader);
        }
    }

    /** Lists, above the line being typed, what may follow it, as VPP's CLI does on {@code ?}. */
    private boolean showHelp(LineReader reader) {
        String typed = reader.getBuffer().toString().stripTrailing();
        try {
            CtlReply reply = connection.run(typed.isEmpty() ? "?" : typed + " ?");
            reader.printAbove(reply.text().stripTrailing());
        } catch (CtlConnectException e) {
            reader.printAbove("vectactl: " + e.getMessage());
        }
        return true;
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            err.println("vectactl: cannot save history to " + historyFile + ": " + e.getMessage());
        }
    }
}
