package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VPP's own Python client, unmodified, against the server: connect, control_ping,
 * get_first_msg_id, api_versions, disconnect. Skipped where {@code python3} cannot import
 * {@code vpp_papi} (it is not packaged for Debian; install it from VPP's source tree or PyPI, or
 * put {@code src/vpp-api/python} of a VPP checkout on {@code PYTHONPATH}).
 */
class VppPapiClientTest {

    @TempDir
    Path dir;

    private static boolean vppPapiImports() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import vpp_papi").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void shouldServeAVppPapiSession() throws Exception {
        assumeTrue(vppPapiImports(), "python3 cannot import vpp_papi");
        Path script = dir.resolve("papi_session.py");
        try (InputStream in = VppPapiClientTest.class.getResourceAsStream("papi_session.py")) {
            Files.copy(in, script);
        }
        try (ApiFixture api = new ApiFixture(dir, ApiServerOptions.DEFAULTS)) {
            Process papi = new ProcessBuilder("python3", script.toString(), api.socket.toString())
                    .redirectErrorStream(true).start();
            String output = new String(papi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(papi.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(papi.exitValue()).as(output).isZero();
            assertThat(output).contains(
                    "connected 0x80000001\n",
                    "control_ping retval 0 pid " + ProcessHandle.current().pid() + "\n",
                    "get_first_msg_id retval -7 first 65535\n",
                    "api_versions retval 0 count 0\n",
                    "disconnected\n");
            assertThat(ApiFixture.eventually(() -> api.server.clients().isEmpty())).isTrue();
            assertThat(api.server.counters().messagesHandled()).isEqualTo(6);
        }
    }
}
