package io.vecta.runtime;

import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.config.StartupConfigParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The second half of {@code vecta demo}: the road's first two projects on a real runtime.
 * It starts the runtime in-process from the built-in configuration (without a CLI socket, so
 * it runs beside a {@code vecta} already serving), creates a packet-generator stream, traces
 * a few packets, turns the main loop until the stream is done, then prints what a user would
 * type and see: {@code show trace}, {@code show runtime}, {@code show errors}, and where the
 * picture of the graph was written. Every command must succeed, or the demo fails.
 */
final class GraphDemo {

    private static final int PACKETS = 1000;

    private final PrintStream out;

    GraphDemo(PrintStream out) {
        this.out = out;
    }

    void run() {
        RuntimeDirectory directory = RuntimeDirectory.fromEnvironment();
        StartupConfig config = new StartupConfigParser(directory).parse("demo.conf",
                "unix { nodaemon }\nbuffers { page-size 4k buffers-per-numa 16384 }\n");
        try (VectaRuntime runtime = VectaRuntime.start(config)) {
            CliShell cli = runtime.newShell(false);
            out.println();
            out.println("graph: " + runtime.graph().nodeCount() + " nodes from " + runtime.plugins().size()
                    + " plugin(s); a stream of " + PACKETS + " packets into error-drop, 3 of them traced");
            run(cli, "packet-generator new { name demo limit " + PACKETS + " size 64-64 node error-drop"
                    + " data { IP4: 2.3.4 -> 6.7.8 UDP: 192.0.2.1 -> 198.51.100.7 UDP: 1234 -> 4321"
                    + " incrementing 18 } }", false);
            run(cli, "trace add pg-input 3", false);
            run(cli, "packet-generator enable-stream demo", false);
            for (int turn = 0; turn < 1000 && runtime.mainThread().node("error-drop").vectors() < PACKETS; turn++) {
                runtime.mainThread().runOnce();
            }
            long dropped = runtime.mainThread().node("error-drop").vectors();
            if (dropped != PACKETS) {
                throw new IllegalStateException("demo: error-drop received " + dropped + " packets, not " + PACKETS);
            }
            run(cli, "show trace max 2", true);
            run(cli, "show runtime", true);
            run(cli, "show errors", true);
            Path picture = directory.path().resolve("demo-graph.dot");
            createDirectories(directory.path());
            run(cli, "show vlib graphviz " + picture, false);
            out.println("the graph with its counts: " + picture + "  (dot -Tsvg " + picture + " > graph.svg)");
        }
    }

    private void run(CliShell cli, String line, boolean print) {
        CommandOutcome outcome = cli.run(line);
        if (outcome.failed()) {
            throw new IllegalStateException("demo: '" + line + "' failed: " + outcome.output().strip());
        }
        if (print) {
            out.println();
            out.println("vecta# " + line);
            out.print(outcome.output());
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: cannot create " + directory, e);
        }
    }
}
