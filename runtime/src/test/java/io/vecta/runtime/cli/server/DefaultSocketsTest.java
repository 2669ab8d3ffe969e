package io.vecta.runtime.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultSocketsTest {

    @Test
    void shouldUseTheSessionRuntimeDirectoryWhenThereIsOne() {
        assertThat(DefaultSockets.cliSocket(Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "USER", "ann"), "ann"))
                .isEqualTo(Path.of("/run/user/1000/vecta/cli.sock"));
    }

    @Test
    void shouldUseAPerUserDirectoryInTmpOtherwise() {
        assertThat(DefaultSockets.cliSocket(Map.of("USER", "ann"), "ignored")).isEqualTo(Path.of("/tmp/vecta-ann/cli.sock"));
        assertThat(DefaultSockets.cliSocket(Map.of("XDG_RUNTIME_DIR", ""), "bob")).isEqualTo(Path.of("/tmp/vecta-bob/cli.sock"));
    }
}
