package io.vecta.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.testkit.VectaExtension;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Vecta as a switch between two Linux hosts on one subnet: both host interfaces in bridge
 * domain 1, so the hosts' own ARP and ping cross it and their MACs are learnt. Needs root and
 * {@code ip netns}; skipped otherwise.
 */
class LinuxHostsBridgedTest {

    private static LinuxHosts hosts;

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    @BeforeAll
    static void hosts() throws Exception {
        hosts = LinuxHosts.up("vbr", true);
    }

    @AfterAll
    static void removeHosts() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @BeforeEach
    void bridge() throws Exception {
        hosts.forgetNeighbours();
        vecta.cli("create bridge-domain 1 learn 1 forward 1 flood 1 uu-flood 1");
        for (LinuxHosts.Host host : new LinuxHosts.Host[] {hosts.a, hosts.b}) {
            String name = "host-" + host.hostEnd();
            vecta.cli("create host-interface name " + host.hostEnd());
            vecta.cli("set interface l2 bridge " + name + " 1");
            vecta.cli("set interface state " + name + " up");
        }
    }

    @Test
    void shouldCarryTheHostsArpAndPingAcrossTheBridgeAndLearnBothMacs() throws Exception {
        String ping = hosts.a.run("ping", "-c", "3", "-i", "0.2", "-W", "2", hosts.b.address());

        assertThat(ping).as(ping).contains("3 packets transmitted, 3 received");
        assertThat(hosts.a.neighbourMac(hosts.b.address())).isEqualTo("02:fe:00:00:02:02");
        String fib = vecta.cli("show l2fib verbose").toLowerCase(Locale.ROOT);
        assertThat(fib).contains("02:fe:00:00:01:02", "02:fe:00:00:02:02", "host-" + hosts.a.hostEnd(),
                "host-" + hosts.b.hostEnd());
        assertThat(vecta.errors("l2-fwd", "L2 forward hits")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldCarryAnIperf3TcpRunAcrossTheBridge() throws Exception {
        Assumptions.assumeTrue(LinuxHosts.has("iperf3"), "iperf3 is not installed");
        Assumptions.assumeTrue(LinuxHosts.canTurnOffOffloads(), "ethtool is not installed: TCP would carry partial checksums");

        Iperf3.Result result = Iperf3.run(hosts.b, hosts.a, hosts.b.address(), 2);

        assertThat(result.bytesReceived()).as(result.text()).isPositive();
        assertThat(result.retransmits()).as(result.text()).isLessThan(result.segmentsSentOrOne());
        System.out.printf("iperf3 across the Vecta bridge: %.2f Gbit/s%n", result.bitsPerSecond() / 1e9);
    }
}
