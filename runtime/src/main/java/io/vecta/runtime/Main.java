package io.vecta.runtime;

import java.io.PrintStream;

/**
 * The {@code vecta} launcher's entry point. Exit codes: 0 on success, 1 when the run
 * failed, 2 on a bad command line.
 */
public final class Main {

    static final String USAGE = """
            usage: vecta demo       allocate buffers, fill a bihash, run a timer wheel; print what was done
                   vecta version    print the version
                   vecta help       print this text""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "demo" : args[0];
        if (args.length > 1) {
            err.println("vecta: unexpected argument '" + args[1] + "' after '" + command + "'");
            err.println(USAGE);
            return 2;
        }
        switch (command) {
            case "demo" -> {
                try {
                    new SmokeRun(out).run();
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
