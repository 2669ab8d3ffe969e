package io.vecta.runtime.ctl;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.DefaultSockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vectactl}: the runtime's CLI from a shell, as VPP's {@code vppctl}.
 *
 * <pre>
 *   vectactl [-s SOCKET|HOST:PORT] COMMAND ...   run one command, print its output
 *   vectactl [-s SOCKET|HOST:PORT]               on a terminal: an interactive session with
 *                                                history (~/.vectactl_history) and completion
 *                                                (TAB; '?' lists what may come next);
 *                                                with stdin piped: one command per input line
 * </pre>
 * The socket defaults to {@link DefaultSockets#cliSocket()}. Output goes to stdout, and the
 * output of a failed command to stderr.
 *
 * <p>Exit codes: {@value #EXIT_OK} when every command succeeded, {@value #EXIT_FAILED} when
 * one failed, {@value #EXIT_USAGE} on a bad command line, {@value #EXIT_UNREACHABLE} when the
 * runtime cannot be reached (the message names the socket and says whether the runtime
 * seems to run) or went away.
 */
public final class VectaCtl {

    /** Every command succeeded. */
    public static final int EXIT_OK = 0;
    /** A command failed. */
    public static final int EXIT_FAILED = 1;
    /** The command line was wrong. */
    public static final int EXIT_USAGE = 2;
    /** The runtime could not be reached, or went away. */
    public static final int EXIT_UNREACHABLE = 3;

    static final String USAGE = """
            usage: vectactl [-s SOCKET|HOST:PORT] [COMMAND ...]
              with a COMMAND: run it, print its output; exit 0, or 1 when it failed
              without: an interactive session on a terminal, else one command per line of stdin
              -s SOCKET|HOST:PORT  the runtime's CLI (default %s)
              exit codes: 0 ok, 1 a command failed, 2 usage, 3 cannot reach the runtime""";

    private VectaCtl() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, DefaultSockets.cliSocket(), isTerminal()));
    }

    /**
     * Runs {@code vectactl args} and returns its exit code.
     *
     * @param defaultSocket the socket used without {@code -s}
     * @param terminal      whether stdin and stdout are a terminal (interactive without a command)
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path defaultSocket,
                   boolean terminal) {
        CliEndpoint endpoint = new CliEndpoint.UnixSocket(defaultSocket);
        List<String> words = new ArrayList<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.println(USAGE.formatted(defaultSocket));
                    return EXIT_OK;
                }
                case "-s", "--socket" -> {
                    if (i + 1 == args.length) {
                        return usageError(err, args[i] + " needs a socket path or HOST:PORT", defaultSocket);
                    }
                    try {
                        endpoint = CliEndpoint.parse(args[++i]);
                    } catch (IllegalArgumentException e) {
                        return usageError(err, e.getMessage(), defaultSocket);
                    }
                }
                case "--" -> {
                    i++;
                    words.addAll(List.of(args).subList(i, args.length));
                    i = args.length;
                }
                default -> {
                    return usageError(err, "unknown option '" + args[i] + "'", defaultSocket);
                }
            }
        }
        words.addAll(List.of(args).subList(Math.min(i, args.length), args.length));
        String command = String.join(" ", words);
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            return usageError(err, "a command is one line; this one holds a line break", defaultSocket);
        }

        try (CtlConnection connection = CtlConnection.open(endpoint)) {
            if (!words.isEmpty()) {
                return print(connection.run(command), out, err);
            }
            if (terminal) {
                return new InteractiveShell(connection, InteractiveShell.historyFile(), err).run();
            }
            return runLines(connection, in, out, err);
        } catch (CtlConnectException e) {
            err.println("vectactl: " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
    }

    /** Runs each line of {@code in}; stops early when the runtime ends the session. */
    private static int runLines(CtlConnection connection, InputStream in, PrintStream out, PrintStream err)
            throws CtlConnectException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int exit = EXIT_OK;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                CtlReply reply = connection.run(line);
                if (print(reply, out, err) != EXIT_OK) {
                    exit = EXIT_FAILED;
                }
                if (reply.sessionEnded()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("vectactl: cannot read stdin", e);
        }
        return exit;
    }

    private static int print(CtlReply reply, PrintStream out, PrintStream err) {
        PrintStream target = reply.failed() ? err : out;
        target.write(reply.output(), 0, reply.output().length);
        target.flush();
        return reply.failed() ? EXIT_FAILED : EXIT_OK;
    }

    private static int usageError(PrintStream err, String message, Path defaultSocket) {
        err.println("vectactl: " + message);
        err.println(USAGE.formatted(defaultSocket));
        return EXIT_USAGE;
    }

    private static boolean isTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
