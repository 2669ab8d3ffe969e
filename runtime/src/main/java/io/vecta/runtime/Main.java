package io.vecta.runtime;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The {@code vecta} launcher's entry point. Exit codes: 0 on success, 1 when the run failed, 2
 * on a bad command line, 3 on a bad configuration ({@link Launcher}).
 */
public final class Main {

    static final String USAGE = """
            usage: vecta               run with the built-in configuration (no root, no hugepages;
                                          CLI socket in $XDG_RUNTIME_DIR/vecta or /tmp/vecta-$USER)
                   vecta -c FILE       run with startup.conf FILE
                   vecta demo          buffers, bihash and timer wheel checked; then a pg stream traced through
                                          the graph, with show trace, show runtime and the graph picture
                   vecta version       print the version
                   vecta help          print this text
            exit codes: 0 stopped cleanly (quit, halt, SIGINT, SIGTERM), 1 failed, 2 bad command line,
                        3 bad configuration""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return Launcher.serve(null, out, err);
        }
        String command = args[0];
        if (command.equals("-c")) {
            if (args.length != 2) {
                err.println(args.length == 1 ? "vecta: -c needs a startup.conf file"
                        : "vecta: unexpected argument '" + args[2] + "' after '-c " + args[1] + "'");
                err.println(USAGE);
                return Launcher.EXIT_USAGE;
            }
            return Launcher.serve(Path.of(args[1]), out, err);
        }
        if (args.length > 1) {
            err.println("vecta: unexpected argument '" + args[1] + "' after '" + command + "'");
            err.println(USAGE);
            return 2;
        }
        switch (command) {
            case "demo" -> {
                try {
                    new SmokeRun(out).run();
                    new GraphDemo(out).run();
                    return 0;
                } catch (RuntimeException e) {
                    err.println("vecta: demo failed: " + e.getMessage());
                    return 1;
                }
            }
            case "version", "--version" -> {
                out.println("vecta " + Version.VERSION);
                return 0;
            }
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                return 0;
            }
            default -> {
                err.println("vecta: unknown command '" + command + "'");
                err.println(USAGE);
                return 2;
            }
        }
    }
}
