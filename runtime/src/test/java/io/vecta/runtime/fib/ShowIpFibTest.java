package io.vecta.runtime.fib;

import static io.vecta.runtime.fib.Ip4Prefix.parse;
import static io.vecta.runtime.fib.Ip4Prefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShowIpFibTest {

    /**
     * VPP's forwarding benchmark: pg0 10.0.0.1/24, pg1 10.0.1.1/24, 48.0.0.0/8 via a static
     * neighbour, whose /32 the neighbour adds as the runtime does; VPP's next indices.
     */
    private static Ip4Fib benchSetup() {
        Ip4Fib fib = new Ip4Fib(new TestInterfaces());
        fib.adjacencies().setNexts(3, 2);
        fib.addInterfaceAddress(1, parseAddress("10.0.0.1"), 24);
        fib.addInterfaceAddress(2, parseAddress("10.0.1.1"), 24);
        fib.setNeighbour(2, parseAddress("10.0.1.2"), 0x0200_0000_0102L);
        fib.addRoute(0, parse("10.0.1.2/32"), FibSource.ADJACENCY, List.of(FibPath.via(parseAddress("10.0.1.2"), 2)));
        fib.addRoute(0, parse("48.0.0.0/8"), FibSource.CLI, List.of(FibPath.via(parseAddress("10.0.1.2"), 2)));
        return fib;
    }

    @Test
    void shouldShowOnePrefixInDetailAsVppDoes() {
        Ip4Fib fib = benchSetup();
        int lb = fib.table(0).loadBalanceOf(parse("48.0.0.0/8"));
        String text = ShowIpFib.format(fib, 0, parse("48.0.0.1/32"));
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("ipv4-VRF:0, fib_index:0, flow hash:[src dst sport dport proto flowlabel ] "
                + "epoch:0 flags:none locks:[adjacency:1, default-route:1, ]");
        assertThat(lines[1]).startsWith("48.0.0.0/8 fib:0 index:").endsWith(" locks:1");
        assertThat(lines[2]).isEqualTo("  CLI refs:1 src-flags:added,contributing,active,");
        assertThat(lines[3]).matches("    path-list:\\[\\d+] locks:1 flags: uPRF-list:\\d+ len:1 itfs:\\[2, ]");
        assertThat(lines[4]).matches("      path:\\[\\d+] pl-index:\\d+ ip4 weight=1 pref=0 attached-nexthop:  "
                + "oper-flags:resolved,");
        assertThat(lines[5]).isEqualTo("        10.0.1.2 pg1");
        assertThat(lines[6]).isEqualTo(
                "      [@0]: ipv4 via 10.0.1.2 pg1: mtu:9000 next:3 flags:[] 0200000001020200000000020800");
        assertThat(lines[7]).isEmpty();
        assertThat(lines[8]).isEqualTo(" forwarding:   unicast-ip4-chain");
        assertThat(lines[9]).matches("  \\[@0]: dpo-load-balance: \\[proto:ip4 index:" + lb
                + " buckets:1 uRPF:\\d+ to:\\[0:0]]");
        assertThat(lines[10]).isEqualTo(
                "    [0] [@5]: ipv4 via 10.0.1.2 pg1: mtu:9000 next:3 flags:[] 0200000001020200000000020800");
        assertThat(lines).hasSize(11);
    }

    @Test
    void shouldListEveryPrefixInAddressOrderWithItsChain() {
        Ip4Fib fib = benchSetup();
        String text = ShowIpFib.format(fib);
        List<String> prefixes = text.lines().filter(line -> Character.isDigit(line.charAt(0))).toList();
        assertThat(prefixes).containsExactly("0.0.0.0/0", "0.0.0.0/32", "10.0.0.0/24", "10.0.0.0/32", "10.0.0.1/32",
                "10.0.0.255/32", "10.0.1.0/24", "10.0.1.0/32", "10.0.1.1/32", "10.0.1.2/32", "10.0.1.255/32", "48.0.0.0/8",
                "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32");
        assertThat(text).contains("10.0.0.1/32\n  unicast-ip4-chain\n  [@0]: dpo-load-balance: [proto:ip4 index:")
                .contains("    [0] [@2]: dpo-receive: 10.0.0.1 on pg0\n")
                .contains("    [0] [@4]: ipv4-glean: [src:10.0.1.0/24] pg1: mtu:9000 next:2 flags:[] "
                        + "ffffffffffff0200000000020806\n")
                .contains("0.0.0.0/0\n  unicast-ip4-chain\n  [@0]: dpo-load-balance: [proto:ip4 index:0 buckets:1 "
                        + "uRPF:0 to:[0:0]]\n    [0] [@0]: dpo-drop ip4\n");
    }

    @Test
    void shouldLockTheTableForNeighboursOnlyWhileItHoldsANeighboursHostRoute() {
        Ip4Fib fib = new Ip4Fib(new TestInterfaces());
        fib.addInterfaceAddress(2, parseAddress("10.0.1.1"), 24);
        assertThat(ShowIpFib.format(fib, 0)).startsWith("ipv4-VRF:0, fib_index:0, flow hash:[src dst sport dport proto"
                + " flowlabel ] epoch:0 flags:none locks:[default-route:1, ]\n");

        fib.setNeighbour(2, parseAddress("10.0.1.2"), 0x0200_0000_0102L);
        fib.addRoute(0, parse("10.0.1.2/32"), FibSource.ADJACENCY, List.of(FibPath.via(parseAddress("10.0.1.2"), 2)));
        assertThat(ShowIpFib.format(fib, 0)).contains("locks:[adjacency:1, default-route:1, ]\n");

        fib.delRoute(0, parse("10.0.1.2/32"), FibSource.ADJACENCY);
        assertThat(ShowIpFib.format(fib, 0)).contains("locks:[default-route:1, ]\n");
    }

    @Test
    void shouldShowEveryBucketOfAnEcmpRoute() {
        Ip4Fib fib = new Ip4Fib(new TestInterfaces());
        fib.addRoute(0, parse("48.0.0.0/8"), List.of(FibPath.via(parseAddress("10.0.1.2"), 1),
                FibPath.via(parseAddress("10.0.2.2"), 2), FibPath.via(parseAddress("10.0.3.2"), 3)));
        String text = ShowIpFib.format(fib, 0, parse("48.0.0.0/8"));
        assertThat(text).contains("buckets:16 ").contains("    [0] [@3]: arp-ipv4: via 10.0.1.2 pg0\n")
                .contains("    [15] [@3]: arp-ipv4: via 10.0.3.2 pg2\n").contains("len:3 itfs:[1, 2, 3, ]");
    }
}
