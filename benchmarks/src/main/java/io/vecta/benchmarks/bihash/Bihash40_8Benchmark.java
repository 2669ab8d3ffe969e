package io.vecta.benchmarks.bihash;

import static io.vecta.benchmarks.bihash.BenchmarkKeys.BATCH;
import static io.vecta.benchmarks.bihash.BenchmarkKeys.MISSING;
import static io.vecta.benchmarks.bihash.BenchmarkKeys.ROTATING_KEYS;

import io.vecta.sdk.infra.bihash.Bihash40_8;
import java.util.HashMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * bihash_40_8 (an IPv6 five-tuple's worth of key) against {@code HashMap} keyed by a record
 * of five longs: lookups that hit and miss, the 256-key vector lookup, and an add of a fresh
 * key followed by its delete. Figures are per key; see {@link Bihash8_8Benchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class Bihash40_8Benchmark {

    private static final int WORDS = Bihash40_8.KEY_WORDS;

    /** The HashMap's key: five longs, as a flow key would be. */
    public record FlowKey(long a, long b, long c, long d, long e) {
        static FlowKey at(long[] keys, int index) {
            int at = index * WORDS;
            return new FlowKey(keys[at], keys[at + 1], keys[at + 2], keys[at + 3], keys[at + 4]);
        }
    }

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
            present = BenchmarkKeys.keys(entries, WORDS, true, 11);
            absent = BenchmarkKeys.keys(ROTATING_KEYS, WORDS, false, 12);
            fresh = BenchmarkKeys.keys(ROTATING_KEYS, WORDS, false, 13);
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
        Bihash40_8 table;
        final long[] hashes = new long[BATCH];
        final long[] values = new long[BATCH];
        final long[] vectorKeys = new long[BATCH * WORDS];

        @Setup(Level.Trial)
        public void setUp() {
            generateKeys();
            table = new Bihash40_8("bench", BenchmarkKeys.bucketsFor(entries),
                    BenchmarkKeys.memoryFor(entries, WORDS));
            for (int i = 0; i < entries; i++) {
                table.add(present, i * WORDS, i);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            table.close();
        }
    }

    @State(Scope.Thread)
    public static class HashMapState extends Keys {
        HashMap<FlowKey, Long> map;
        FlowKey[] presentKeys;
        FlowKey[] absentKeys;
        FlowKey[] freshKeys;

        @Setup(Level.Trial)
        public void setUp() {
            generateKeys();
            map = new HashMap<>(entries * 2);
            for (int i = 0; i < entries; i++) {
                map.put(FlowKey.at(present, i), (long) i);
            }
            // equal to the map's keys but separate objects, as a lookup key would be
            presentKeys = records(present, entries);
            absentKeys = records(absent, ROTATING_KEYS);
            freshKeys = records(fresh, ROTATING_KEYS);
        }

        private static FlowKey[] records(long[] keys, int count) {
            FlowKey[] records = new FlowKey[count];
            for (int i = 0; i < count; i++) {
                records[i] = FlowKey.at(keys, i);
            }
            return records;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bihashGetHit(BihashState s) {
        int at = s.nextPresent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.table.get(s.present, i * WORDS, MISSING);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long bihashGetMiss(BihashState s) {
        int at = s.nextAbsent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.table.get(s.absent, i * WORDS, MISSING);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int bihashGetAllHit(BihashState s) {
        System.arraycopy(s.present, s.nextPresent() * WORDS, s.vectorKeys, 0, BATCH * WORDS);
        Bihash40_8.hashAll(s.vectorKeys, s.hashes, BATCH);
        return s.table.getAll(s.vectorKeys, s.hashes, BATCH, s.values, MISSING);
    }

    /** Per key: one add of a fresh key and one delete of it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int bihashAddDelete(BihashState s) {
        int at = s.nextFresh();
        int added = 0;
        for (int i = at; i < at + BATCH; i++) {
            added += s.table.add(s.fresh, i * WORDS, i) ? 1 : 0;
        }
        for (int i = at; i < at + BATCH; i++) {
            added += s.table.delete(s.fresh, i * WORDS) ? 1 : 0;
        }
        return added;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hashMapGetHit(HashMapState s) {
        int at = s.nextPresent();
        long sum = 0;
        for (int i = at; i < at + BATCH; i++) {
            sum += s.map.get(s.presentKeys[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int hashMapGetMiss(HashMapState s) {
        int at = s.nextAbsent();
        int found = 0;
        for (int i = at; i < at + BATCH; i++) {
            found += s.map.get(s.absentKeys[i]) == null ? 0 : 1;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int hashMapAddDelete(HashMapState s) {
        int at = s.nextFresh();
        int changed = 0;
        for (int i = at; i < at + BATCH; i++) {
            changed += s.map.put(s.freshKeys[i], (long) i) == null ? 1 : 0;
        }
        for (int i = at; i < at + BATCH; i++) {
            changed += s.map.remove(s.freshKeys[i]) == null ? 0 : 1;
        }
        return changed;
    }
}
