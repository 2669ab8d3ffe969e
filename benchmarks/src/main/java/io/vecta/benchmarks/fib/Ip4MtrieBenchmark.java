package io.vecta.benchmarks.fib;

import io.vecta.runtime.fib.Ip4Mtrie;
import io.vecta.runtime.fib.Ip4Prefix;
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
 * Longest-prefix match in the 16-8-8 mtrie over an Internet-shaped table of {@code routes}
 * prefixes, for random unicast destinations: one address at a time and as a vector of 256 (how
 * ip4-lookup will call it). Figures are per address. The setup prints the table's plies and
 * memory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class Ip4MtrieBenchmark {

    static final int VECTOR = 256;
    private static final int ADDRESSES = 1 << 16;

    @Param({"10000", "1000000"})
    public int routes;

    Ip4Mtrie mtrie;
    int[] addresses;
    final int[] vector = new int[VECTOR];
    final int[] indices = new int[VECTOR];
    int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        Ip4Prefix[] prefixes = RouteTables.prefixes(routes, 1);
        mtrie = new Ip4Mtrie("bench", 0, 0);
        for (int i = 0; i < prefixes.length; i++) {
            mtrie.add(prefixes[i].address(), prefixes[i].length(), i + 1);
        }
        addresses = RouteTables.addresses(ADDRESSES, 2);
        System.out.printf("%n%d routes: %d plies, %.1f MiB used, %.1f MiB reserved%n", routes, mtrie.plies(),
                mtrie.bytesUsed() / 1048576.0, mtrie.bytesReserved() / 1048576.0);
    }

    private int nextVector() {
        int at = cursor;
        cursor = (at + VECTOR) & (ADDRESSES - 1);
        return at;
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public int lookupOneAtATime() {
        int from = nextVector();
        int sum = 0;
        for (int i = 0; i < VECTOR; i++) {
            sum += mtrie.lookup(addresses[from + i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public int[] lookupVector() {
        int from = nextVector();
        System.arraycopy(addresses, from, vector, 0, VECTOR);
        mtrie.lookup(vector, indices, VECTOR);
        return indices;
    }
}
