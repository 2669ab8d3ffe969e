package io.vecta.benchmarks.bihash;

import static io.vecta.benchmarks.bihash.BenchmarkKeys.BATCH;
import static io.vecta.benchmarks.bihash.BenchmarkKeys.MISSING;
import static io.vecta.benchmarks.bihash.BenchmarkKeys.ROTATING_KEYS;

import io.vecta.sdk.infra.bihash.Bihash8_8;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.agrona.collections.Long2LongHashMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * bihash_8_8 against Agrona's {@link Long2LongHashMap} and {@code HashMap<Long, Long>}:
 * lookups that hit and miss, one key at a time and (bihash) as a vector of 256, and an add
 * of a fresh key followed by its delete, so the table keeps its size. Every figure is per
 * key: each invocation handles a batch of {@value BenchmarkKeys#BATCH} random keys taken in
 * turn from pre-generated arrays. The bihash table has about entries / 2 buckets, as VPP
 * sizes it, and its memory is preallocated by the setup's adds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class Bihash8_8Benchmark {

    /** Keys shared by the three structures' states. */
    @State(Scope.Thread)
    public abstract static class Keys {
        @Param({"1000", "1000000", "10000000"})
        public int entries;

        long[] present;
        long[] absent;
        long[] fresh;
        int presentCursor;
        int absentCursor;
        int freshCursor;

        void generateKeys() {
            present = BenchmarkKeys.keys(entries, 1, true, 1);
            absent = BenchmarkKeys.keys(ROTATING_KEYS, 1, false, 2);
            fresh = BenchmarkKeys.keys(ROTATING_KEYS, 1, false, 3);
        }

        int nextPresent() {
            int at = presentCursor;
            presentCursor = BenchmarkKeys.advance(at, entries);
            return at;
        }

        int nextAbsent() {
            int at = absentCursor;
            absentCursor = BenchmarkKeys.advance(at, ROTATING_KEYS);
            return at;
        }

        int nextFresh() {
            int at = freshCursor;
            freshCursor = BenchmarkKeys.advance(at, ROTATING_KEYS);
            return at;
        }
    }

    @State(Scope.Thread)
    public static class BihashState extends Keys {
        Bihash8_8 table;
        final long[] vectorKeys = new long[BATCH];
        final long[] hashes = new long[BATCH];
        final long[] values = new long[BATCH];

        @Setup(Level.Trial)
        public void setUp() {
            generateKeys();
            table = new Bihash8_8("bench", BenchmarkKeys.bucketsFor(entries), BenchmarkKeys.memoryFor(entries, 1));
            for (long key : present) {
                table.add(key, key >>> 1);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            table.close();
        }
    }

    @State(Scope.Thread)
    public static class AgronaState extends Keys {
        Long2LongHashMap map;

        @Setup(Level.Trial)
        public void setUp() {
            generateKeys();
            map = new Long2LongHashMap(entries * 2, 0.65f, MISSING);
            for (long key : present) {
                map.put(key, key >>> 1);
            }
        }
    }

    @State(Scope.Thread)
    public static class HashMapState extends Keys {
        HashMap<Long, Long> map;
        Long[] presentBoxed;
        Long[] absentBoxed;
        Long[] freshBoxed;

        @Setup(Level.Trial)
        public void setUp() {
            generateKeys();
            map = new HashMap<>(entries * 2);
            for (long key : present) {
                map.put(key, key >>> 1);
            }
            // separate objects from the map's own keys, as a lookup key would be
            presentBoxed = box(present);
            absentBoxed = box(absent);
            freshBoxed = box(fresh);
        }

        private static Long[] box(long[] keys) {
            Long[] boxed = new Long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                boxed[i] = Long.valueOf(keys[i]);
            }
            return boxed;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bihashGetHit(BihashState s) {
        int at = s.nextPresent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.table.get(s.present[i], MISSING);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bihashGetMiss(BihashState s) {
        int at = s.nextAbsent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.table.get(s.absent[i], MISSING);
        }
        return sum;
    }

    /** The vector form: gather 256 keys, hash them all, then resolve them all. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int bihashGetAllHit(BihashState s) {
        System.arraycopy(s.present, s.nextPresent(), s.vectorKeys, 0, BATCH);
        Bihash8_8.hashAll(s.vectorKeys, s.hashes, BATCH);
        return s.table.getAll(s.vectorKeys, s.hashes, BATCH, s.values, MISSING);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int bihashGetAllMiss(BihashState s) {
        System.arraycopy(s.absent, s.nextAbsent(), s.vectorKeys, 0, BATCH);
        Bihash8_8.hashAll(s.vectorKeys, s.hashes, BATCH);
        return s.table.getAll(s.vectorKeys, s.hashes, BATCH, s.values, MISSING);
    }

    /** Per key: one add of a fresh key and one delete of it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int bihashAddDelete(BihashState s) {
        int at = s.nextFresh();
        int added = 0;
        for (int i = at; i < at + BATCH; i++) {
            added += s.table.add(s.fresh[i], i) ? 1 : 0;
        }
        for (int i = at; i < at + BATCH; i++) {
            added += s.table.delete(s.fresh[i]) ? 1 : 0;
        }
        return added;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long agronaGetHit(AgronaState s) {
        int at = s.nextPresent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.map.get(s.present[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long agronaGetMiss(AgronaState s) {
        int at = s.nextAbsent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.map.get(s.absent[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long agronaAddDelete(AgronaState s) {
        int at = s.nextFresh();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.map.put(s.fresh[i], i);
        }
        for (int i = at; i < at + BATCH; i++) {
            sum += s.map.remove(s.fresh[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hashMapGetHit(HashMapState s) {
        int at = s.nextPresent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.map.get(s.presentBoxed[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int hashMapGetMiss(HashMapState s) {
        int at = s.nextAbsent();
        int found = 0;
        for (int i = at; i < at + BATCH; i++) {
            found += s.map.get(s.absentBoxed[i]) == null ? 0 : 1;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int hashMapAddDelete(HashMapState s) {
        int at = s.nextFresh();
        int changed = 0;
        for (int i = at; i < at + BATCH; i++) {
            changed += s.map.put(s.freshBoxed[i], s.freshBoxed[i]) == null ? 1 : 0;
        }
        for (int i = at; i < at + BATCH; i++) {
            changed += s.map.remove(s.freshBoxed[i]) == null ? 0 : 1;
        }
        return changed;
    }
}
