package io.vecta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.buffer.BufferPageSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded default configuration and the runtime directory it is written for. */
class DefaultStartupConfigTest {

    @Test
    void shouldParseTheEmbeddedDefaultWithSocketsInTheRuntimeDirectory() {
        Path runtimeDir = Path.of("/run/user/1000/vecta");
        StartupConfig config = new StartupConfigParser(new RuntimeDirectory(runtimeDir)).parseDefault();

        assertThat(config.source()).isEqualTo("default-startup.conf");
        assertThat(config.unix().nodaemon()).isTrue();
        assertThat(config.unix().runtimeDir()).isEqualTo(runtimeDir);
        assertThat(config.unix().cliListen()).contains(new CliEndpoint.UnixSocket(runtimeDir.resolve("cli.sock")));
        assertThat(config.unix().cliPrompt()).contains("vecta# ");
        assertThat(config.buffers().pageSize()).isEqualTo(BufferPageSize.SIZE_4K);
        assertThat(config.buffers().buffersPerNuma()).isEqualTo(16384);
        assertThat(config.socksvr().socketName()).isEqualTo(runtimeDir.resolve("api.sock"));
        assertThat(config.statseg().socketName()).isEqualTo(runtimeDir.resolve("stats.sock"));
        assertThat(config.configurePlugins(List.of())).isEmpty();
    }

    @Test
    void shouldQuoteARuntimeDirectoryWithBlanksAndQuotes() {
        Path odd = Path.of("/tmp/vecta-odd \"user\" #1");
        StartupConfigParser parser = new StartupConfigParser(new RuntimeDirectory(odd));

        assertThat(parser.defaultText()).doesNotContain(StartupConfigParser.RUNTIME_DIR_PLACEHOLDER);
        assertThat(parser.parseDefault().unix().cliListen())
                .contains(new CliEndpoint.UnixSocket(odd.resolve("cli.sock")));
        assertThat(parser.parseDefault().unix().runtimeDir()).isEqualTo(odd);
    }

    @Test
    void shouldPreferXdgRuntimeDirAndFallBackToTmpPerUser() {
        assertThat(RuntimeDirectory.of(Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "USER", "alice"), "bob").path())
                .isEqualTo(Path.of("/run/user/1000/vecta"));
        assertThat(RuntimeDirectory.of(Map.of("USER", "alice"), "bob").path()).isEqualTo(Path.of("/tmp/vecta-alice"));
        assertThat(RuntimeDirectory.of(Map.of("XDG_RUNTIME_DIR", "relative", "USER", "alice"), "bob").path())
                .isEqualTo(Path.of("/tmp/vecta-alice"));
        assertThat(RuntimeDirectory.of(Map.of("XDG_RUNTIME_DIR", ""), "bob").path()).isEqualTo(Path.of("/tmp/vecta-bob"));
        assertThat(RuntimeDirectory.of(Map.of("USER", "../etc"), "bob").path()).isEqualTo(Path.of("/tmp/vecta-.._etc"));
        assertThat(RuntimeDirectory.fromEnvironment().path().isAbsolute()).isTrue();
    }
}
