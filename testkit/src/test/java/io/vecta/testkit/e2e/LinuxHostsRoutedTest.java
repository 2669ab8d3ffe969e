package io.vecta.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.testkit.VectaExtension;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Vecta between two Linux hosts (network namespaces) over AF_PACKET host interfaces, routing:
 * each host's kernel resolves its gateway, Vecta, by ARP. Needs root and {@code ip netns};
 * skipped otherwise.
 */
class LinuxHostsRoutedTest {

    private static LinuxHosts hosts;

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    @BeforeAll
    static void hosts() throws Exception {
        hosts = LinuxHosts.up("vrt", false);
    }

    @AfterAll
    static void removeHosts() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @BeforeEach
    void attach() {
        for (LinuxHosts.Host host : new LinuxHosts.Host[] {hosts.a, hosts.b}) {
            String name = "host-" + host.hostEnd();
            assertThat(vecta.cli("create host-interface name " + host.hostEnd())).isEqualTo(name + "\n");
            vecta.cli("set interface state " + name + " up");
            vecta.cli("set interface ip address " + name + " " + host.gateway() + "/" + host.prefixLength());
        }
    }

    private static String macOf(String hostEnd) throws IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/sys/class/net", hostEnd, "address")).strip();
    }

    @Test
    void shouldAnswerEachHostsArpForItsGatewayAndLearnTheHost() throws Exception {
        // the echo itself needs ip4-local; the ARP exchange before it is what this checks
        hosts.a.run("ping", "-c", "1", "-W", "1", hosts.a.gateway());

        assertThat(hosts.a.neighbourMac(hosts.a.gateway())).isEqualTo(macOf(hosts.a.hostEnd()));
        assertThat(vecta.cli("show ip neighbors").toLowerCase(Locale.ROOT))
                .contains(hosts.a.address())
                .contains("02:fe:00:00:01:02");
        assertThat(vecta.errors("arp-input", "ARP replies sent")).isEqualTo(1);
    }
}
