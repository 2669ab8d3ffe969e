package io.vecta.runtime;

import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.CliListenException;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import sun.misc.Signal;

/**
 * {@code vecta [-c FILE]}: the runtime in the foreground, from a startup.conf or the built-in
 * one, until {@code quit} on its terminal, {@code halt} from any CLI session, SIGINT or SIGTERM.
 * Each of those ends the main loop between two turns, then the CLI socket is removed and the
 * memory freed, so the exit is clean and its code is 0.
 *
 * <p>Exit codes scripts can rely on: {@link #EXIT_OK}, {@link #EXIT_FAILED},
 * {@link #EXIT_USAGE} (the command line), {@link #EXIT_CONFIG} (the configuration: the file, its
 * syntax or values, a CLI socket in use or not writable).
 */
final class Launcher {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONFIG = 3;

    private Launcher() {
    }

    /** Runs the runtime from {@code configFile}, or the built-in configuration if null. */
    static int serve(Path configFile, PrintStream out, PrintStream err) {
        StartupConfig config;
        try {
            StartupConfigParser parser = new StartupConfigParser(RuntimeDirectory.fromEnvironment());
            config = configFile == null ? parser.parseDefault() : parser.parse(configFile);
        } catch (ConfigException e) {
            err.println("vecta: " + e.getMessage());
            return EXIT_CONFIG;
        }
        VectaRuntime runtime;
        try {
            runtime = VectaRuntime.start(config);
        } catch (ConfigException | CliListenException e) {
            err.println("vecta: " + e.getMessage());
            return EXIT_CONFIG;
        } catch (RuntimeException e) {
            err.println("vecta: cannot start: " + e.getMessage());
            return EXIT_FAILED;
        }
        try (runtime) {
            Signal.handle(new Signal("INT"), signal -> runtime.stop());
            Signal.handle(new Signal("TERM"), signal -> runtime.stop());
            String cli = runtime.cliServer().map(s -> s.endpoints().stream().map(CliEndpoint::toString)
                    .collect(Collectors.joining(", "))).orElse("");
            if (config.unix().interactive()) {
                startTerminal(runtime, config.unix().cliPrompt().orElse("vecta# "));
            } else {
                out.println("vecta " + Version.VERSION + ": " + runtime.plugins().size() + " plugins, "
                        + runtime.graph().nodeCount() + " nodes" + (cli.isEmpty() ? ", no CLI socket"
                        : "; CLI on " + cli + " (vectactl -s " + cli + ")") + "; SIGINT or 'halt' stops it");
            }
            runtime.run();
            return EXIT_OK;
        } catch (RuntimeException e) {
            err.println("vecta: failed: " + e);
            return EXIT_FAILED;
        }
    }

    /**
     * The CLI on the runtime's own terminal ({@code unix { interactive }}): lines typed there run
     * like a socket session's, and {@code quit}, Ctrl-C or Ctrl-D stop the runtime.
     */
    private static void startTerminal(VectaRuntime runtime, String prompt) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal for 'unix { interactive }'", e);
        }
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        CommandRunner shell = runtime.onMainThread(runtime.newShell(true));
        Thread.ofPlatform().daemon().name("vecta-terminal").start(() -> {
            try (terminal) {
                while (runtime.isRunning()) {
                    String line;
                    try {
                        line = reader.readLine(prompt);
                    } catch (UserInterruptException | EndOfFileException e) {
                        break;
                    }
                    CommandOutcome outcome = shell.run(line);
                    terminal.writer().print(outcome.output());
                    terminal.flush();
                    if (outcome.action() != CommandOutcome.Action.CONTINUE) {
                        break;
                    }
                }
            } catch (IOException e) {
                System.getLogger(Launcher.class.getName()).log(System.Logger.Level.WARNING,
                        "terminal closed: " + e.getMessage());
            } finally {
                runtime.stop();
            }
        });
    }
}
