package io.vecta.benchmarks.fib;

import io.vecta.runtime.fib.Adjacencies;
import io.vecta.runtime.fib.DpoKind;
import io.vecta.runtime.fib.FibInterfaces;
import io.vecta.runtime.fib.FibPath;
import io.vecta.runtime.fib.Ip4Fib;
import io.vecta.runtime.fib.Ip4FibTable;
import io.vecta.runtime.fib.Ip4FlowHash;
import io.vecta.runtime.fib.Ip4Prefix;
import io.vecta.runtime.fib.LoadBalances;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What ip4-lookup does per packet, on the FIB's data: mtrie lookup of the destination, the
 * load-balance's bucket (with the flow hash when it has more than one), the bucket's kind and
 * the adjacency's interface. {@code routes = 1} is VPP's benchmark table (pg0 and pg1 addresses
 * and 48.0.0.0/8 via a resolved neighbour, every packet to 48.0.0.1: the path behind VPP's 5.32
 * ns ip4-lookup); larger tables add Internet-shaped routes through four neighbours, every fourth
 * an ECMP route over two, with random destinations. Figures are per packet. The setup prints the
 * heap the FIB takes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class Ip4FibLookupBenchmark {

    static final int VECTOR = 256;
    private static final int PACKETS = 1 << 16;

    @Param({"1", "10000", "1000000"})
    public int routes;

    Ip4FibTable table;
    LoadBalances loadBalances;
    Adjacencies adjacencies;
    int[] destinations;
    int[] sources;
    final int[] vector = new int[VECTOR];
    final int[] loadBalanceIndices = new int[VECTOR];
    int cursor;

    /** pg0 .. pgN as sw_if_index 1 .. N+1. */
    static final class BenchInterfaces implements FibInterfaces {
        @Override
        public String name(int swIfIndex) {
            return "pg" + (swIfIndex - 1);
        }

        @Override
        public long mac(int swIfIndex) {
            return 0x0200_0000_0000L | swIfIndex;
        }

        @Override
        public int mtu(int swIfIndex) {
            return 9000;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        System.gc();
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        Ip4Fib fib = new Ip4Fib(new BenchInterfaces());
        fib.addInterfaceAddress(1, Ip4Prefix.parseAddress("10.0.0.1"), 24);
        fib.addInterfaceAddress(2, Ip4Prefix.parseAddress("10.0.1.1"), 24);
        int[] neighbours = new int[4];
        for (int i = 0; i < neighbours.length; i++) {
            neighbours[i] = Ip4Prefix.parseAddress("10.0.1." + (2 + i));
            fib.setNeighbour(2, neighbours[i], 0x0200_0000_0102L + i);
        }
        fib.addRoute(0, Ip4Prefix.parse("48.0.0.0/8"), List.of(FibPath.via(neighbours[0], 2)));
        if (routes > 1) {
            Ip4Prefix[] prefixes = RouteTables.prefixes(routes - 1, 1);
            for (int i = 0; i < prefixes.length; i++) {
                if (prefixes[i].covers(Ip4Prefix.parse("10.0.0.0/23"))
                        || Ip4Prefix.parse("10.0.0.0/23").covers(prefixes[i])) {
                    continue;
                }
                List<FibPath> paths = i % 4 == 0
                        ? List.of(FibPath.via(neighbours[i & 3], 2), FibPath.via(neighbours[(i + 1) & 3], 2))
                        : List.of(FibPath.via(neighbours[i & 3], 2));
                fib.addRoute(0, prefixes[i], paths);
            }
            destinations = RouteTables.addresses(PACKETS, 2);
        } else {
            destinations = new int[PACKETS];
            java.util.Arrays.fill(destinations, Ip4Prefix.parseAddress("48.0.0.1"));
        }
        sources = RouteTables.addresses(PACKETS, 3);
        table = fib.tableAt(0);
        loadBalances = fib.loadBalances();
        adjacencies = fib.adjacencies();
        System.gc();
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("%n%d routes: %d prefixes, %d plies; mtrie %.1f MiB; heap of the whole FIB about %.1f MiB%n",
                routes, table.size(), table.mtrie().plies(), table.mtrie().bytesUsed() / 1048576.0,
                (after - before) / 1048576.0);
    }

    private int nextVector() {
        int at = cursor;
        cursor = (at + VECTOR) & (PACKETS - 1);
        return at;
    }

    /** Lookup, bucket, kind and interface, one packet at a time. */
    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public int lookupToAdjacency() {
        int from = nextVector();
        int sum = 0;
        for (int i = 0; i < VECTOR; i++) {
            int dst = destinations[from + i];
            int lb = table.lookup(dst);
            int bucket;
            if (loadBalances.bucketCount(lb) == 1) {
                bucket = loadBalances.bucketAt(lb, 0);
            } else {
                int hash = Ip4FlowHash.hash(loadBalances.hashConfig(lb), sources[from + i], dst, 17, 1234, 5678);
                bucket = loadBalances.bucket(lb, hash);
            }
            sum += DpoKind.code(bucket) == DpoKind.REWRITE.ordinal()
                    ? adjacencies.swIfIndex(DpoKind.index(bucket)) : 0;
        }
        return sum;
    }

    /** The mtrie alone, as a vector of 256 destinations. */
    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public int[] lookupVector() {
        int from = nextVector();
        System.arraycopy(destinations, from, vector, 0, VECTOR);
        table.lookup(vector, loadBalanceIndices, VECTOR);
        return loadBalanceIndices;
    }
}
