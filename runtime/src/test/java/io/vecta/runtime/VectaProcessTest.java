package io.vecta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.show.ParsedDot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as users run it: {@code Main -c startup.conf} in a process of its own, its CLI
 * driven over the unix socket by {@code vectactl} processes, stopped by a signal or by
 * {@code halt}. Checks exit codes, the socket's life and the log file.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VectaProcessTest {

    private static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process java(String mainClass, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(dir.toFile()).start();
        started.add(process);
        return process;
    }

    private Path config(String unixExtra) throws IOException {
        Path conf = dir.resolve("startup.conf");
        Files.writeString(conf, """
                unix {
                  nodaemon
                  cli-listen %s
                  log %s
                  %s
                }
                buffers { page-size 4k buffers-per-numa 4096 }
                logging { default-log-level debug }
                dpdk { dev 0000:02:00.0 }
                """.formatted(dir.resolve("cli.sock"), dir.resolve("vecta.log"), unixExtra));
        return conf;
    }

    private Process startRuntime(Path conf) throws Exception {
        Process vecta = java("io.vecta.runtime.Main", dir.resolve("vecta.out"), "-c", conf.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(dir.resolve("cli.sock"))) {
            assertThat(vecta.isAlive()).as("vecta exited early: %s", output("vecta.out")).isTrue();
            assertThat(System.nanoTime()).as("no CLI socket after 60 s: %s", output("vecta.out")).isLessThan(deadline);
            Thread.sleep(50);
        }
        return vecta;
    }

    private record Ctl(int exit, String output) {
    }

    private Ctl vectactl(String... words) throws Exception {
        String name = "ctl-" + System.nanoTime() + ".out";
        List<String> args = new ArrayList<>(List.of("-s", dir.resolve("cli.sock").toString()));
        args.addAll(List.of(words));
        Process ctl = java("io.vecta.runtime.ctl.VectaCtl", dir.resolve(name), args.toArray(String[]::new));
        assertThat(ctl.waitFor(60, TimeUnit.SECONDS)).as("vectactl %s did not end", List.of(words)).isTrue();
        return new Ctl(ctl.exitValue(), output(name));
    }

    private String output(String file) throws IOException {
        Path path = dir.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    @Test
    void shouldServeTheCliUntilSigtermThenRemoveItsSocketAndExitZero() throws Exception {
        Path script = dir.resolve("setup.cli");
        Files.writeString(script, "comment set up by the startup config\nshow cli\n");
        Process vecta = startRuntime(config("startup-config " + script));

        Ctl cli = vectactl("sh", "cli");
        Ctl unknown = vectactl("show", "nonsense");
        Ctl help = vectactl("help", "sh", "cli");
        Ctl runtime = vectactl("sh", "run", "verbose");
        Ctl graphviz = vectactl("show", "vlib", "graphviz");
        Ctl version = vectactl("show", "version");

        assertThat(cli.exit()).as(cli.output()).isZero();
        assertThat(cli.output()).contains("show cli").contains("halt").contains("exec");
        assertThat(unknown.exit()).as(unknown.output()).isEqualTo(1);
        assertThat(unknown.output()).contains("nonsense");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("show cli [verbose]");
        assertThat(runtime.exit()).as(runtime.output()).isZero();
        assertThat(runtime.output()).contains("Name").contains("Vectors/Call").contains("error-drop");
        assertThat(graphviz.exit()).as(graphviz.output()).isZero();
        ParsedDot dot = ParsedDot.of(graphviz.output());
        assertThat(dot.labels().keySet()).contains("error-drop", "error-punt", "null-node");
        assertThat(dot.arcs()).as("the built-in nodes with next nodes: interface-output and the ethernet path")
                .extracting(ParsedDot.Arc::from)
                .containsOnly("interface-output", "ethernet-input", "arp-input", "ip4-input", "ip6-input", "loop-tx",
                        "ip4-lookup", "ip4-rewrite", "ip4-local", "ip4-arp", "ip4-glean", "ip4-icmp-input",
                        "ip4-icmp-error", "l2-input", "l2-input-feat-end", "l2-learn", "l2-fwd", "l2-flood",
                        "l2-output");
        assertThat(version.output()).contains(Version.VERSION);

        vecta.destroy();
        assertThat(vecta.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(vecta.exitValue()).as(output("vecta.out")).isZero();
        assertThat(dir.resolve("cli.sock")).doesNotExist();
        assertThat(output("vecta.out")).contains("CLI on " + dir.resolve("cli.sock"));
        assertThat(output("vecta.log")).contains("section 'dpdk' is not implemented");
    }

    @Test
    void shouldAnswerManyClientsAtOnceAndStopOnHalt() throws Exception {
        Process vecta = startRuntime(config(""));
        AtomicInteger failures = new AtomicInteger();
        List<Thread> clients = IntStream.range(0, 6).mapToObj(i -> Thread.ofPlatform().start(() -> {
            try {
                Ctl ctl = vectactl("show", "cli");
                if (ctl.exit() != 0 || !ctl.output().contains("show cli")) {
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        })).toList();
        for (Thread client : clients) {
            client.join();
        }

        Ctl halt = vectactl("halt");

        assertThat(failures.get()).isZero();
        assertThat(halt.exit()).as(halt.output()).isZero();
        assertThat(vecta.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(vecta.exitValue()).as(output("vecta.out")).isZero();
        assertThat(dir.resolve("cli.sock")).doesNotExist();
    }

    @Test
    void shouldRefuseASocketALiveRuntimeHoldsWithExitThree() throws Exception {
        Process first = startRuntime(config(""));

        Process second = java("io.vecta.runtime.Main", dir.resolve("second.out"), "-c",
                dir.resolve("startup.conf").toString());

        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(output("second.out")).isEqualTo(Launcher.EXIT_CONFIG);
        assertThat(output("second.out")).contains("cli-listen " + dir.resolve("cli.sock")).contains("in use");
        assertThat(first.isAlive()).isTrue();
        assertThat(vectactl("show", "cli").exit()).isZero();
    }

    @Test
    void shouldNameFileLineAndColumnOfABadConfigWithExitThree() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "unix {\n  nodaemon\n  cli-listen\n");

        Process vecta = java("io.vecta.runtime.Main", dir.resolve("bad.out"), "-c", conf.toString());

        assertThat(vecta.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(vecta.exitValue()).isEqualTo(Launcher.EXIT_CONFIG);
        assertThat(output("bad.out")).startsWith("vecta: " + conf + ":");
    }

    @Test
    void shouldExitThreeWhenVectactlFindsNoRuntime() throws Exception {
        Ctl ctl = vectactl("show", "cli");

        assertThat(ctl.exit()).isEqualTo(3);
        assertThat(ctl.output()).contains(dir.resolve("cli.sock").toString());
    }

    @Test
    void shouldRunCommandsTypedOnItsOwnTerminalAndStopOnQuit() throws Exception {
        Process vecta = java("io.vecta.runtime.Main", dir.resolve("vecta.out"), "-c",
                config("interactive").toString());
        try (var terminal = vecta.outputWriter(StandardCharsets.UTF_8)) {
            terminal.write("show cli\n");
            terminal.write("quit\n");
        }

        assertThat(vecta.waitFor(60, TimeUnit.SECONDS)).as(output("vecta.out")).isTrue();
        assertThat(vecta.exitValue()).as(output("vecta.out")).isZero();
        assertThat(output("vecta.out")).contains("show cli [verbose]");
    }
}
