package io.vecta.testkit.ip4;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.testkit.VectaExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ip route}, {@code show ip fib} and {@code ping}, in VPP's words and layouts. */
class Ip4CliTest {

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    @BeforeEach
    void addressedPorts() {
        vecta.pg(0);
        vecta.pg(1);
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24");
    }

    @Test
    void shouldShowARouteItsPathsAndItsConnectedPrefixes() {
        vecta.cli("set ip neighbor pg1 10.0.1.2 02:00:00:00:01:02");
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2 pg1");

        assertThat(vecta.cli("show ip fib 48.0.0.0/8")).contains("48.0.0.0/8 fib:0")
                .contains("  CLI refs:1 src-flags:added,contributing,active,")
                .contains("[0] [@5]: ipv4 via 10.0.1.2 pg1: mtu:9000 next:0 flags:[] 020000000102");
        String all = vecta.cli("show ip fib");
        assertThat(all).contains("\n10.0.0.0/24\n").contains("\n10.0.0.1/32\n").contains("\n10.0.1.0/24\n")
                .contains("\n48.0.0.0/8\n").contains("ipv4-glean: [src:10.0.0.0/24] pg0: mtu:9000 next:1 flags:[] ")
                .startsWith("ipv4-VRF:0, fib_index:0, flow hash:[src dst sport dport proto flowlabel ] epoch:0"
                        + " flags:none locks:[adjacency:1, default-route:1, ]\n");
        assertThat(vecta.cli("show ip fib 48.1.2.3")).startsWith("ipv4-VRF:0").contains("48.0.0.0/8 fib:0");
        assertThat(vecta.cli("show ip fib index 0")).isEqualTo(vecta.cli("show ip fib table 0"));
    }

    @Test
    void shouldDeleteARouteSoItsPrefixFallsBackToTheDefaultDrop() {
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2");
        assertThat(vecta.cli("show ip fib")).contains("\n48.0.0.0/8\n").contains("arp-ipv4: via 10.0.1.2 pg1");

        vecta.cli("ip route del 48.0.0.0/8");

        assertThat(vecta.cli("show ip fib")).doesNotContain("48.0.0.0/8").doesNotContain("via 10.0.1.2");
        assertThat(vecta.cli("show ip fib 48.0.0.1")).contains("0.0.0.0/0 fib:0");
    }

    @Test
    void shouldAddADropRouteAndEcmpWithWeights() {
        vecta.cli("ip route add 50.0.0.0/8 via drop");
        vecta.cli("ip route add 51.0.0.0/8 via 10.0.1.2 pg1 weight 3 via 10.0.0.2 pg0");

        assertThat(vecta.cli("show ip fib 50.0.0.0/8")).contains("[@0]: dpo-drop");
        assertThat(vecta.cli("show ip fib 51.0.0.0/8")).contains("buckets:4").contains("via 10.0.1.2 pg1")
                .contains("via 10.0.0.2 pg0");
    }

    @Test
    void shouldRefuseBadRoutesWithTheReason() {
        assertThat(vecta.cliError("ip route add 48.0.0.0/33 via 10.0.1.2 pg1")).contains("prefix");
        assertThat(vecta.cliError("ip route add 48.0.0.0/8 via 10.0.1.2 pg9")).contains("pg9");
        assertThat(vecta.cliError("ip route add 48.0.0.0/8 via 10.9.9.9"))
                .contains("next hop 10.9.9.9 is in no connected subnet");
        assertThat(vecta.cliError("ip route add 48.0.0.0/8")).contains("a route needs a path");
        assertThat(vecta.cliError("ip route add 48.0.0.0/8 table 7 via 10.0.1.2 pg1")).contains("no table 7");
        assertThat(vecta.cliError("ip route del 48.0.0.0/8")).contains("no route to 48.0.0.0/8 in table 0");
        assertThat(vecta.cliError("ip route add 48.0.0.0/8 via 10.0.1.2 pg1 weight 0")).contains("weight");
        assertThat(vecta.cliError("show ip fib index 4")).contains("no fib index 4");
    }

    @Test
    void shouldPingOurOwnAddressAndPrintVppsLines() {
        String out = vecta.cli("ping 10.0.0.1 repeat 3 interval 0.001");

        assertThat(out.lines().filter(line -> !line.isEmpty()).toList()).hasSize(4);
        assertThat(out).containsPattern("116 bytes from 10\\.0\\.0\\.1: icmp_seq=1 ttl=64 time=\\d*\\.\\d{4} ms\n")
                .containsPattern("icmp_seq=2 ttl=64").containsPattern("icmp_seq=3 ttl=64")
                .endsWith("\nStatistics: 3 sent, 3 received, 0% packet loss\n");
        assertThat(vecta.errors("ip4-icmp-input", "echo replies sent")).isEqualTo(3);
        assertThat(vecta.errors("ip4-icmp-input", "echo replies received")).isEqualTo(3);
    }

    @Test
    void shouldReportLossWhenNothingAnswers() {
        vecta.cli("ip route add 60.0.0.0/8 via drop");

        assertThat(vecta.cliError("ping 60.0.0.1 repeat 2 interval 0.001")).contains("no route with a source address");
        assertThat(vecta.cli("ping 60.0.0.1 source pg0 repeat 2 interval 0.001"))
                .isEqualTo("\nStatistics: 2 sent, 0 received, 100% packet loss\n");
        assertThat(vecta.errors("ip4-lookup", "ip4 destination lookup miss")).isEqualTo(2);
    }
}
