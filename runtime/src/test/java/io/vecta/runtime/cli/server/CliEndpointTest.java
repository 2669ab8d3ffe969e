package io.vecta.runtime.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliEndpointTest {

    @Test
    void shouldReadHostAndPortAsTcp() {
        assertThat(CliEndpoint.parse("localhost:5002")).isEqualTo(new CliEndpoint.Tcp("localhost", 5002));
        assertThat(CliEndpoint.parse("127.0.0.1:0")).isEqualTo(new CliEndpoint.Tcp("127.0.0.1", 0));
        assertThat(CliEndpoint.parse("[::1]:5002")).isEqualTo(new CliEndpoint.Tcp("::1", 5002));
        assertThat(CliEndpoint.parse("[::1]:5002")).hasToString("[::1]:5002");
    }

    @Test
    void shouldReadEverythingElseAsASocketPath() {
        assertThat(CliEndpoint.parse("/run/vecta/cli.sock")).isEqualTo(new CliEndpoint.UnixSocket(Path.of("/run/vecta/cli.sock")));
        assertThat(CliEndpoint.parse("cli.sock")).isEqualTo(new CliEndpoint.UnixSocket(Path.of("cli.sock")));
        assertThat(CliEndpoint.parse("/tmp/a:5")).isEqualTo(new CliEndpoint.UnixSocket(Path.of("/tmp/a:5")));
        assertThat(CliEndpoint.parse("host:http")).isEqualTo(new CliEndpoint.UnixSocket(Path.of("host:http")));
    }

    @Test
    void shouldRefuseAPortOutOfRangeAndAnEmptyEndpoint() {
        assertThatThrownBy(() -> CliEndpoint.parse("localhost:70000"))
                .hasMessage("CLI endpoint localhost:70000: port out of range 0..65535");
        assertThatThrownBy(() -> CliEndpoint.parse(" "))
                .hasMessage("CLI endpoint: empty; give a socket path or host:port");
    }
}
