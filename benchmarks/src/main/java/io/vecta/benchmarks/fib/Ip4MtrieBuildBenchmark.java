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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build a 16-8-8 mtrie from an Internet-shaped set of {@code routes} prefixes added in
 * random order, into an empty table whose store grows as it goes.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class Ip4MtrieBuildBenchmark {

    @Param({"10000", "1000000"})
    public int routes;

    Ip4Prefix[] prefixes;

    @Setup(Level.Trial)
    public void setUp() {
        prefixes = RouteTables.prefixes(routes, 1);
    }

    @Benchmark
    public Ip4Mtrie build() {
        Ip4Mtrie mtrie = new Ip4Mtrie("bench", 0, 0);
        for (int i = 0; i < prefixes.length; i++) {
            mtrie.add(prefixes[i].address(), prefixes[i].length(), i + 1);
        }
        return mtrie;
    }
}
