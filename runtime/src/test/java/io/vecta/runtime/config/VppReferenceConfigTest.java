package io.vecta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.SharedReference;
import io.vecta.runtime.cli.server.CliEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * VPP's own shipped startup.conf loads unchanged: the sections Vecta implements are read, and
 * the one it does not ({@code api-segment}) is a warning.
 */
class VppReferenceConfigTest {

    @Test
    void shouldLoadVppsShippedStartupConf() throws Exception {
        Path reference = SharedReference.file("vpp-startup.conf");
        Path runtimeDir = Path.of("/run/user/1000/vecta");

        StartupConfig config = new StartupConfigParser(new RuntimeDirectory(runtimeDir)).parse(reference);

        assertThat(config.sectionNames()).containsExactly("unix", "api-trace", "api-segment", "socksvr", "cpu");
        UnixConfig unix = config.unix();
        assertThat(unix.nodaemon()).isTrue();
        assertThat(unix.log()).contains(Path.of("/var/log/vpp/vpp.log"));
        assertThat(unix.fullCoredump()).isTrue();
        assertThat(unix.cliListen()).contains(new CliEndpoint.UnixSocket(Path.of("/run/vpp/cli.sock")));
        assertThat(unix.gid()).isEqualTo(Optional.of("vpp"));
        assertThat(unix.interactive()).isFalse();
        assertThat(config.apiTrace().on()).isTrue();
        assertThat(config.socksvr().socketName()).isEqualTo(runtimeDir.resolve("api.sock"));
        assertThat(config.cpu().workers()).isZero();
        assertThat(config.cpu().mainCore()).isEmpty();

        List<String> lines = Files.readAllLines(reference);
        int apiSegmentLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("api-segment")).findFirst()
                .orElseThrow()) + 1;
        assertThat(config.configurePlugins(List.of())).extracting(ConfigWarning::toString).containsExactly(
                reference + ":" + apiSegmentLine + ":1: section 'api-segment' is not implemented by this runtime or"
                        + " any loaded plugin; ignored");
    }
}
