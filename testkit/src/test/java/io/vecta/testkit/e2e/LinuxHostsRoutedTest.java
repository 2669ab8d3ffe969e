package io.vecta.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.testkit.VectaExtension;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
    void attach() throws Exception {
        hosts.forgetNeighbours();
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

    @Test
    void shouldAnswerAHostsPingOfItsGateway() throws Exception {
        // the first reply may be dropped while Vecta asks the host for its MAC (ip4-glean)
        String out = hosts.a.run("ping", "-c", "3", "-i", "0.2", "-W", "1", hosts.a.gateway());

        assertThat(out).containsPattern("3 packets transmitted, [23] received")
                .contains("from " + hosts.a.gateway() + ": icmp_seq=3 ttl=64");
        assertThat(vecta.errors("ip4-icmp-input", "echo replies sent")).isEqualTo(3);
    }

    @Test
    void shouldRouteOneHostsPingToTheOtherThroughVecta() throws Exception {
        // the first request, and the first reply, may be dropped while Vecta asks each host for
        // its MAC (ip4-glean), as VPP drops them
        String out = hosts.a.run("ping", "-c", "4", "-i", "0.2", "-W", "1", hosts.b.address());

        assertThat(out).containsPattern("4 packets transmitted, [234] received")
                .contains("from " + hosts.b.address() + ": icmp_seq=4 ttl=63");
        assertThat(vecta.vectors("ip4-rewrite")).as("both ways of two round trips at least").isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldRouteOneHostsPingToTheOtherInEachRxMode() throws Exception {
        String a = "host-" + hosts.a.hostEnd();
        String b = "host-" + hosts.b.hostEnd();
        assertThat(vecta.cli("show interface rx-placement")).isEqualTo("Thread 0 (vecta_main):\n node af-packet-input:\n"
                + "    " + a + " queue 0 (interrupt)\n    " + b + " queue 0 (interrupt)\n");
        // resolve both hosts first: the pings below then all come back
        hosts.a.run("ping", "-c", "2", "-i", "0.2", "-W", "1", hosts.b.address());

        for (String mode : new String[] {"polling", "adaptive", "interrupt"}) {
            vecta.cli("set interface rx-mode " + a + " " + mode);
            vecta.cli("set interface rx-mode " + b + " " + mode);
            String out = hosts.a.run("ping", "-c", "3", "-i", "0.2", "-W", "1", hosts.b.address());

            assertThat(out).as(mode).contains("3 packets transmitted, 3 received");
            assertThat(vecta.cli("show interface rx-placement")).as(mode)
                    .contains("    " + a + " queue 0 (" + mode + ")\n    " + b + " queue 0 (" + mode + ")\n");
        }
    }

    @Test
    void shouldPingALinuxHostFromTheCli() throws Exception {
        hosts.b.run("ping", "-c", "1", "-W", "1", hosts.b.gateway());

        String out = vecta.cli("ping " + hosts.b.address() + " repeat 3 interval 0.2");

        assertThat(out).containsPattern("116 bytes from " + hosts.b.address().replace(".", "\\.")
                + ": icmp_seq=3 ttl=64 time=\\d*\\.\\d{4} ms\n")
                .endsWith("Statistics: 3 sent, 3 received, 0% packet loss\n");
    }

    @Test
    void shouldRouteAnIperf3TcpRunBetweenTheHosts() throws Exception {
        Assumptions.assumeTrue(LinuxHosts.has("iperf3"), "iperf3 is not installed");
        Assumptions.assumeTrue(LinuxHosts.canTurnOffOffloads(), "ethtool is not installed: TCP would carry partial checksums");
        // resolve both hosts first, so that no SYN waits in a glean
        hosts.a.run("ping", "-c", "2", "-i", "0.2", "-W", "1", hosts.b.address());

        Iperf3.Result result = Iperf3.run(hosts.b, hosts.a, hosts.b.address(), 2);

        assertThat(result.bytesReceived()).as(result.text()).isPositive();
        assertThat(result.retransmits()).as(result.text()).isLessThan(result.segmentsSentOrOne());
        assertThat(vecta.vectors("ip4-rewrite")).isPositive();
        System.out.printf("iperf3 routed by Vecta: %.2f Gbit/s%n", result.bitsPerSecond() / 1e9);
    }
}
