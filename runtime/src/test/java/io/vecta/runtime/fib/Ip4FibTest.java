package io.vecta.runtime.fib;

import static io.vecta.runtime.fib.Ip4Prefix.parse;
import static io.vecta.runtime.fib.Ip4Prefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ip4FibTest {

    private static final int PG0 = 1;
    private static final int PG1 = 2;
    private static final int PG2 = 3;
    private static final int PG3 = 4;

    private final Ip4Fib fib = new Ip4Fib(new TestInterfaces());

    private DpoKind kindAt(String address) {
        int lb = fib.lookup(0, parseAddress(address));
        return DpoKind.of(fib.loadBalances().bucketAt(lb, 0));
    }

    private int adjacencyAt(String address) {
        int lb = fib.lookup(0, parseAddress(address));
        return DpoKind.index(fib.loadBalances().bucketAt(lb, 0));
    }

    @Test
    void shouldDropEverythingInANewTableAndHoldVppsSpecialPrefixes() {
        Ip4FibTable table = fib.table(0);
        assertThat(table.size()).isEqualTo(5);
        for (String prefix : new String[] {"0.0.0.0/0", "0.0.0.0/32", "224.0.0.0/4", "240.0.0.0/4",
            "255.255.255.255/32"}) {
            assertThat(table.contains(parse(prefix))).as(prefix).isTrue();
        }
        assertThat(kindAt("8.8.8.8")).isEqualTo(DpoKind.DROP);
        assertThat(fib.lookup(0, parseAddress("8.8.8.8"))).isEqualTo(table.loadBalanceOf(Ip4Prefix.DEFAULT));
        assertThat(fib.lookup(0, parseAddress("239.1.1.1"))).isEqualTo(table.loadBalanceOf(parse("224.0.0.0/4")));
    }

    @Test
    void shouldGleanOnTheSubnetReceiveOnTheAddressAndDropNetworkAndBroadcast() {
        fib.addInterfaceAddress(PG0, parseAddress("10.0.0.1"), 24);
        assertThat(kindAt("10.0.0.7")).isEqualTo(DpoKind.GLEAN);
        assertThat(kindAt("10.0.0.1")).isEqualTo(DpoKind.RECEIVE);
        assertThat(DpoKind.index(fib.loadBalances().bucketAt(fib.lookup(0, parseAddress("10.0.0.1")), 0)))
                .isEqualTo(PG0);
        assertThat(kindAt("10.0.0.0")).isEqualTo(DpoKind.DROP);
        assertThat(kindAt("10.0.0.255")).isEqualTo(DpoKind.DROP);
        assertThat(fib.lookup(0, parseAddress("10.0.0.255")))
                .isNotEqualTo(fib.table(0).loadBalanceOf(Ip4Prefix.DEFAULT));
        int glean = adjacencyAt("10.0.0.7");
        assertThat(fib.adjacencies().swIfIndex(glean)).isEqualTo(PG0);
        assertThat(fib.adjacencies().format(glean))
                .isEqualTo("ipv4-glean: [src:10.0.0.0/24] pg0: mtu:9000 flags:[] ffffffffffff0200000000010806");

        fib.delInterfaceAddress(PG0, parseAddress("10.0.0.1"), 24);
        assertThat(fib.table(0).size()).isEqualTo(5);
        assertThat(kindAt("10.0.0.7")).isEqualTo(DpoKind.DROP);
        assertThat(fib.lookup(0, parseAddress("10.0.0.1"))).isEqualTo(fib.table(0).loadBalanceOf(Ip4Prefix.DEFAULT));
        assertThat(fib.adjacencies().size()).isZero();
        assertThat(fib.loadBalances().size()).isEqualTo(5);
    }

    @Test
    void shouldArpForAnUnknownNeighbourAndRewriteOnceItsMacIsKnown() {
        fib.addInterfaceAddress(PG1, parseAddress("10.0.1.1"), 24);
        fib.addRoute(0, parse("48.0.0.0/8"), FibSource.CLI, List.of(FibPath.via(parseAddress("10.0.1.2"), PG1)));
        assertThat(kindAt("48.0.0.1")).isEqualTo(DpoKind.INCOMPLETE);
        int adj = adjacencyAt("48.0.0.1");
        assertThat(fib.adjacencies().format(adj)).isEqualTo("arp-ipv4: via 10.0.1.2 pg1");

        fib.setNeighbour(PG1, parseAddress("10.0.1.2"), 0x0200_0000_0102L);
        fib.adjacencies().setNext(adj, 3);
        assertThat(kindAt("48.0.0.1")).isEqualTo(DpoKind.REWRITE);
        assertThat(adjacencyAt("48.0.0.1")).isEqualTo(adj);
        assertThat(fib.adjacencies().format(adj))
                .isEqualTo("ipv4 via 10.0.1.2 pg1: mtu:9000 next:3 flags:[] 0200000001020200000000020800");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment packet = arena.allocate(32);
            packet.fill((byte) 0x55);
            fib.adjacencies().writeRewrite(adj, packet, 2);
            byte[] bytes = packet.toArray(ValueLayout.JAVA_BYTE);
            assertThat(HexFormat.of().formatHex(bytes, 0, 18)).isEqualTo("555502000000010202000000000208005555");
        }

        fib.delNeighbour(PG1, parseAddress("10.0.1.2"));
        assertThat(kindAt("48.0.0.1")).isEqualTo(DpoKind.INCOMPLETE);
    }

    @Test
    void shouldWriteAnEighteenByteTaggedRewriteForANeighbourOnASubInterface() {
        int sub = TestInterfaces.PG1_100;
        fib.addInterfaceAddress(sub, parseAddress("10.0.100.1"), 24);
        fib.addRoute(0, parse("50.0.0.0/8"), FibSource.CLI, List.of(FibPath.via(parseAddress("10.0.100.2"), sub)));
        int adj = adjacencyAt("50.0.0.1");
        assertThat(fib.adjacencies().anyTagged()).isTrue();
        assertThat(fib.adjacencies().rewriteBytes(adj)).isEqualTo(Adjacencies.TAGGED_REWRITE_BYTES);

        fib.setNeighbour(sub, parseAddress("10.0.100.2"), 0x0200_0000_6402L);

        assertThat(fib.adjacencies().format(adj))
                .isEqualTo("ipv4 via 10.0.100.2 pg1.100: mtu:9000 flags:[] 020000006402020000000002810000640800");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment packet = arena.allocate(32);
            packet.fill((byte) 0x55);
            fib.adjacencies().writeRewrite(adj, packet, 2);
            byte[] bytes = packet.toArray(ValueLayout.JAVA_BYTE);
            assertThat(HexFormat.of().formatHex(bytes, 0, 22)).isEqualTo("55550200000064020200000000028100006408005555");
        }
        fib.delRoute(0, parse("50.0.0.0/8"), FibSource.CLI);
        fib.delInterfaceAddress(sub, parseAddress("10.0.100.1"), 24);
        assertThat(fib.adjacencies().anyTagged()).isFalse();
    }

    @Test
    void shouldShareOneAdjacencyPerNeighbourAndFreeItWithTheLastRoute() {
        int nextHop = parseAddress("10.0.1.2");
        fib.setNeighbour(PG1, nextHop, 0x0200_0000_0102L);
        fib.addRoute(0, parse("48.0.0.0/8"), List.of(FibPath.via(nextHop, PG1)));
        fib.addRoute(0, parse("49.0.0.0/8"), List.of(FibPath.via(nextHop, PG1)));
        int adj = adjacencyAt("48.1.1.1");
        assertThat(adjacencyAt("49.1.1.1")).isEqualTo(adj);
        assertThat(kindAt("49.1.1.1")).as("a neighbour known before the route").isEqualTo(DpoKind.REWRITE);
        assertThat(fib.adjacencies().locks(adj)).isEqualTo(2);
        assertThat(fib.delRoute(0, parse("48.0.0.0/8"))).isTrue();
        assertThat(fib.adjacencies().locks(adj)).isEqualTo(1);
        assertThat(fib.delRoute(0, parse("49.0.0.0/8"))).isTrue();
        assertThat(fib.adjacencies().isLive(adj)).isFalse();
        assertThat(fib.delRoute(0, parse("49.0.0.0/8"))).as("already gone").isFalse();
    }

    @Test
    void shouldRestoreTheCoveringRouteOnDelete() {
        fib.addRoute(0, parse("10.0.0.0/8"), List.of(FibPath.via(parseAddress("192.168.0.1"), PG0)));
        fib.addRoute(0, parse("10.1.0.0/16"), List.of(FibPath.via(parseAddress("192.168.0.2"), PG0)));
        fib.addRoute(0, parse("10.1.2.0/25"), List.of(FibPath.via(parseAddress("192.168.0.3"), PG0)));
        int lb8 = fib.table(0).loadBalanceOf(parse("10.0.0.0/8"));
        int lb16 = fib.table(0).loadBalanceOf(parse("10.1.0.0/16"));
        assertThat(fib.lookup(0, parseAddress("10.1.2.3"))).isEqualTo(fib.table(0).loadBalanceOf(parse("10.1.2.0/25")));
        fib.delRoute(0, parse("10.1.2.0/25"));
        assertThat(fib.lookup(0, parseAddress("10.1.2.3"))).isEqualTo(lb16);
        fib.delRoute(0, parse("10.1.0.0/16"));
        assertThat(fib.lookup(0, parseAddress("10.1.2.3"))).isEqualTo(lb8);
        fib.delRoute(0, parse("10.0.0.0/8"));
        assertThat(kindAt("10.1.2.3")).isEqualTo(DpoKind.DROP);
    }

    @Test
    void shouldForwardByTheBestSourceAndFallBackWhenItGoes() {
        fib.addRoute(0, parse("10.0.0.0/24"), FibSource.CLI, List.of(FibPath.via(parseAddress("192.168.0.1"), PG1)));
        int lb = fib.table(0).loadBalanceOf(parse("10.0.0.0/24"));
        assertThat(kindAt("10.0.0.9")).isEqualTo(DpoKind.INCOMPLETE);
        fib.addInterfaceAddress(PG0, parseAddress("10.0.0.1"), 24);
        assertThat(kindAt("10.0.0.9")).as("the interface beats the CLI").isEqualTo(DpoKind.GLEAN);
        assertThat(fib.table(0).sourcesOf(parse("10.0.0.0/24"))).containsExactly(FibSource.INTERFACE, FibSource.CLI);
        assertThat(fib.table(0).loadBalanceOf(parse("10.0.0.0/24"))).as("stable while the entry lives").isEqualTo(lb);
        fib.delInterfaceAddress(PG0, parseAddress("10.0.0.1"), 24);
        assertThat(kindAt("10.0.0.9")).isEqualTo(DpoKind.INCOMPLETE);
        fib.addRoute(0, Ip4Prefix.DEFAULT, FibSource.CLI, List.of(FibPath.via(parseAddress("192.168.0.9"), PG1)));
        assertThat(kindAt("8.8.8.8")).isEqualTo(DpoKind.INCOMPLETE);
        fib.delRoute(0, Ip4Prefix.DEFAULT, FibSource.CLI);
        assertThat(kindAt("8.8.8.8")).as("the default route drops again").isEqualTo(DpoKind.DROP);
    }

    @Test
    void shouldSpreadFlowsOverEqualPathsAndKeepAFlowOnOnePath() {
        List<FibPath> paths = List.of(FibPath.via(parseAddress("10.0.1.2"), PG0), FibPath.via(parseAddress("10.0.2.2"),
                PG1), FibPath.via(parseAddress("10.0.3.2"), PG2), FibPath.via(parseAddress("10.0.4.2"), PG3));
        fib.addRoute(0, parse("48.0.0.0/8"), paths);
        int lb = fib.lookup(0, parseAddress("48.1.2.3"));
        LoadBalances loadBalances = fib.loadBalances();
        assertThat(loadBalances.bucketCount(lb)).isEqualTo(4);
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Integer> perInterface = new HashMap<>();
        int flows = 20_000;
        for (int i = 0; i < flows; i++) {
            int src = random.nextInt();
            int dst = parseAddress("48.0.0.0") | (random.nextInt() >>> 8);
            int sport = random.nextInt(65536);
            int dport = random.nextInt(65536);
            int hash = Ip4FlowHash.hash(loadBalances.hashConfig(lb), src, dst, 17, sport, dport);
            int bucket = loadBalances.bucket(lb, hash);
            int again = loadBalances.bucket(lb, Ip4FlowHash.hash(loadBalances.hashConfig(lb), src, dst, 17, sport,
                    dport));
            assertThat(again).as("seed %d: one flow, one path", seed).isEqualTo(bucket);
            perInterface.merge(fib.adjacencies().swIfIndex(DpoKind.index(bucket)), 1, Integer::sum);
        }
        assertThat(perInterface).as("seed %d", seed).containsOnlyKeys(PG0, PG1, PG2, PG3);
        for (int count : perInterface.values()) {
            assertThat(count).as("seed %d: %s", seed, perInterface).isBetween(flows / 4 - flows / 20,
                    flows / 4 + flows / 20);
        }
    }

    @Test
    void shouldGiveUnequalPathsBucketsInProportionToTheirWeights() {
        assertThat(LoadBalances.bucketShares(new int[] {1, 1, 1})).containsExactly(6, 5, 5);
        assertThat(LoadBalances.bucketShares(new int[] {1})).containsExactly(1);
        assertThat(LoadBalances.bucketShares(new int[] {1, 1})).containsExactly(1, 1);
        assertThat(LoadBalances.bucketShares(new int[] {1, 3})).containsExactly(1, 3);
        fib.addRoute(0, parse("48.0.0.0/8"), List.of(FibPath.via(parseAddress("10.0.1.2"), PG0, 1),
                FibPath.via(parseAddress("10.0.2.2"), PG1, 3)));
        int lb = fib.lookup(0, parseAddress("48.0.0.1"));
        int[] perPath = new int[2];
        for (int i = 0; i < fib.loadBalances().bucketCount(lb); i++) {
            perPath[fib.adjacencies().swIfIndex(DpoKind.index(fib.loadBalances().bucketAt(lb, i))) - PG0]++;
        }
        assertThat(perPath).containsExactly(1, 3);
        fib.addRoute(0, parse("48.0.0.0/8"), List.of(FibPath.via(parseAddress("10.0.1.2"), PG0)));
        assertThat(fib.loadBalances().bucketCount(lb)).as("same load-balance, one bucket now").isEqualTo(1);
    }

    @Test
    void shouldHashBothDirectionsAlikeOnlyWhenSymmetric() {
        int a = parseAddress("10.0.0.1");
        int b = parseAddress("10.9.9.9");
        int symmetric = Ip4FlowHash.DEFAULT | Ip4FlowHash.SYMMETRIC;
        assertThat(Ip4FlowHash.hash(symmetric, a, b, 6, 1000, 80)).isEqualTo(Ip4FlowHash.hash(symmetric, b, a, 6, 80,
                1000));
        assertThat(Ip4FlowHash.hash(Ip4FlowHash.DEFAULT, a, b, 6, 1000, 80))
                .isNotEqualTo(Ip4FlowHash.hash(Ip4FlowHash.DEFAULT, b, a, 6, 80, 1000));
        assertThat(Ip4FlowHash.hash(Ip4FlowHash.SRC | Ip4FlowHash.DST, a, b, 6, 1000, 80))
                .as("ports not hashed").isEqualTo(Ip4FlowHash.hash(Ip4FlowHash.SRC | Ip4FlowHash.DST, a, b, 6, 1, 2));
        assertThat(Ip4FlowHash.format(Ip4FlowHash.DEFAULT)).isEqualTo("src dst sport dport proto flowlabel ");
    }

    @Test
    void shouldKeepTablesApartAndLookUpInTheInterfacesTable() {
        int fibIndex = fib.createTable(7);
        assertThat(fib.createTable(7)).isEqualTo(fibIndex);
        fib.bindInterface(PG2, 7);
        assertThat(fib.fibIndexOf(PG2)).isEqualTo(fibIndex);
        assertThat(fib.fibIndexOf(PG0)).isZero();
        fib.addInterfaceAddress(PG2, parseAddress("10.0.0.1"), 24);
        fib.addRoute(7, parse("48.0.0.0/8"), List.of(FibPath.via(parseAddress("10.0.0.2"), PG2)));
        assertThat(DpoKind.of(fib.loadBalances().bucketAt(fib.lookup(fibIndex, parseAddress("48.0.0.1")), 0)))
                .isEqualTo(DpoKind.INCOMPLETE);
        assertThat(kindAt("48.0.0.1")).as("table 0 does not see table 7's routes").isEqualTo(DpoKind.DROP);
        assertThat(kindAt("10.0.0.1")).isEqualTo(DpoKind.DROP);
        assertThat(fib.tables()).hasSize(2);
    }

    @Test
    void shouldRejectBadRoutes() {
        assertThatThrownBy(() -> fib.addRoute(3, parse("48.0.0.0/8"), List.of(FibPath.drop())))
                .hasMessageContaining("no table 3");
        assertThatThrownBy(() -> fib.addRoute(0, parse("48.0.0.0/8"), List.of()))
                .hasMessageContaining("48.0.0.0/8: a route needs a path");
        assertThatThrownBy(() -> fib.delRoute(0, Ip4Prefix.DEFAULT, FibSource.DEFAULT_ROUTE))
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> FibPath.via(1, PG0, 0)).hasMessageContaining("weight 0 (1 to 255)");
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0.256/8")).hasMessageContaining("'256' is not 0 to 255");
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0.0/33")).hasMessageContaining("length 33 (0 to 32)");
        fib.addInterfaceAddress(PG0, parseAddress("10.0.0.1"), 24);
        assertThatThrownBy(() -> fib.addInterfaceAddress(PG0, parseAddress("10.0.0.1"), 16))
                .hasMessageContaining("pg0 already has 10.0.0.1/24");
        assertThatThrownBy(() -> fib.delInterfaceAddress(PG0, parseAddress("10.0.0.2"), 24))
                .hasMessageContaining("pg0 has no address 10.0.0.2/24");
    }

    @Test
    void shouldMatchAMapModelUnderRandomRoutes() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Map<Ip4Prefix, Integer> model = new HashMap<>();
        List<Ip4Prefix> present = new ArrayList<>();
        Set<Ip4Prefix> specials = new HashSet<>(List.of(parse("0.0.0.0/32"), parse("224.0.0.0/4"),
                parse("240.0.0.0/4"), parse("255.255.255.255/32"), Ip4Prefix.DEFAULT));
        int base = parseAddress("10.0.0.0");
        for (int step = 0; step < 1_500; step++) {
            if (!present.isEmpty() && random.nextInt(100) < 40) {
                Ip4Prefix prefix = present.remove(random.nextInt(present.size()));
                model.remove(prefix);
                assertThat(fib.delRoute(0, prefix)).as("seed %d", seed).isTrue();
            } else {
                Ip4Prefix prefix = new Ip4Prefix(base | (random.nextInt() >>> 12), 8 + random.nextInt(25));
                if (specials.contains(prefix) || model.containsKey(prefix)) {
                    continue;
                }
                fib.addRoute(0, prefix, List.of(FibPath.via(random.nextInt(), 1 + random.nextInt(4))));
                model.put(prefix, 1);
                present.add(prefix);
            }
            for (int probe = 0; probe < 10; probe++) {
                int address = base | (random.nextInt() >>> 12);
                Ip4Prefix expected = Ip4Prefix.DEFAULT;
                for (int length = 32; length > 0; length--) {
                    if (model.containsKey(new Ip4Prefix(address, length))) {
                        expected = new Ip4Prefix(address, length);
                        break;
                    }
                }
                assertThat(fib.lookup(0, address)).as("seed %d, %s", seed, Ip4Prefix.formatAddress(address))
                        .isEqualTo(fib.table(0).loadBalanceOf(expected));
            }
        }
    }
}
