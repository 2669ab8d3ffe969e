package io.vecta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecta.runtime.cli.server.CliListenException;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.graph.LoadedPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectaRuntimeTest {

    @TempDir
    Path runtimeDir;

    private StartupConfig config(String text) {
        return new StartupConfigParser(new RuntimeDirectory(runtimeDir)).parse("test.conf", text);
    }

    @Test
    void shouldRunWorkOfOtherThreadsOnTheMainLoopUntilStopped() throws Exception {
        try (VectaRuntime runtime = VectaRuntime.start(config("buffers { page-size 4k buffers-per-numa 2048 }"))) {
            Thread main = Thread.ofPlatform().name("vecta-main").start(runtime::run);

            String ranOn = runtime.tasks().call(() -> Thread.currentThread().getName());
            long loops = runtime.tasks().call(() -> runtime.mainThread().loops());
            runtime.stop();

            assertThat(runtime.awaitLoopEnd(Duration.ofSeconds(10))).isTrue();
            main.join();
            assertThat(ranOn).isEqualTo("vecta-main");
            assertThat(loops).isPositive();
            assertThat(runtime.graph().hasNode("error-drop")).isTrue();
            assertThatThrownBy(() -> runtime.tasks().call(() -> 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stopping");
        }
    }

    @Test
    void shouldLeaveOutADisabledPluginButKeepTheBuiltinOne() {
        String text = """
                buffers { page-size 4k buffers-per-numa 2048 }
                plugins {
                  plugin default { disable }
                  plugin sample_plugin.so { enable }
                  plugin nowhere { enable }
                }
                """;
        try (VectaRuntime runtime = VectaRuntime.start(config(text))) {
            assertThat(runtime.plugins()).extracting(LoadedPlugin::name).contains(VectaRuntime.BUILTIN_PLUGIN);
            assertThat(runtime.warnings()).anyMatch(w -> w.contains("plugin 'builtin' holds the graph's core nodes"))
                    .anyMatch(w -> w.contains("plugin 'nowhere' is configured (enable) but no such plugin was found"));
        }
    }

    @Test
    void shouldPassAMainThreadTaskFailureToItsCaller() throws Exception {
        try (VectaRuntime runtime = VectaRuntime.start(config("buffers { page-size 4k buffers-per-numa 2048 }"))) {
            Thread main = Thread.ofPlatform().start(runtime::run);

            assertThatThrownBy(() -> runtime.tasks().call(() -> {
                throw new IllegalArgumentException("bad command argument");
            })).isInstanceOf(ExecutionException.class).hasRootCauseMessage("bad command argument");
            assertThat(runtime.tasks().call(() -> "still serving")).isEqualTo("still serving");

            runtime.stop();
            main.join();
        }
    }

    @Test
    void shouldGiveTheCliSocketToTheConfiguredGroup() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root may give a file to any group");
        Path socket = runtimeDir.resolve("cli.sock");
        String text = "unix { cli-listen " + socket + " gid 1 }\nbuffers { page-size 4k buffers-per-numa 2048 }";

        try (VectaRuntime runtime = VectaRuntime.start(config(text))) {
            assertThat(runtime.cliServer()).isPresent();
            assertThat(Files.getAttribute(socket, "unix:gid")).isEqualTo(1);
            assertThat(Files.getPosixFilePermissions(socket)).contains(PosixFilePermission.GROUP_WRITE);
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void shouldWarnAboutSectionsItReadsButDoesNotActOnYet() {
        String text = "buffers { page-size 4k buffers-per-numa 2048 }\nnode { default { variant avx2 } }\n"
                + "api-trace { on }";

        try (VectaRuntime runtime = VectaRuntime.start(config(text))) {
            assertThat(runtime.warnings()).contains(
                    "test.conf: section 'node' is read and checked, but this runtime does not act on it yet",
                    "test.conf: api-trace { on } traces the API socket's messages, which is served only with"
                            + " socksvr { }");
        }
    }

    @Test
    void shouldRunCliLinesWithTheWorkersStoppedAtTheBarrier() throws Exception {
        String text = "cpu { workers 1 }\nbuffers { page-size 4k buffers-per-numa 4096 }";
        try (VectaRuntime runtime = VectaRuntime.start(config(text))) {
            Thread main = Thread.ofPlatform().start(runtime::run);
            var cli = runtime.onMainThread(runtime.newShell(false));

            var threads = cli.run("show threads");
            var clear = cli.run("clear runtime");

            runtime.stop();
            main.join();
            assertThat(threads.failed()).as(threads.output()).isFalse();
            assertThat(threads.output()).contains("vecta_main", "vecta_wk_0");
            assertThat(clear.failed()).as(clear.output()).isFalse();
        }
    }

    @Test
    void shouldRefuseAGroupThatDoesNotExistNamingSocketAndGroup() {
        Path socket = runtimeDir.resolve("cli.sock");
        String text = "unix { cli-listen " + socket + " gid no-such-group-here }\n"
                + "buffers { page-size 4k buffers-per-numa 2048 }";

        assertThatThrownBy(() -> VectaRuntime.start(config(text)))
                .isInstanceOf(CliListenException.class)
                .hasMessageStartingWith("cli-listen " + socket + ": unix { gid no-such-group-here }: cannot give the"
                        + " socket to that group");
        assertThat(socket).doesNotExist();
    }
}
