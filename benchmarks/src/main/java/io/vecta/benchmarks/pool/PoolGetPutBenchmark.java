package io.vecta.benchmarks.pool;

import io.vecta.sdk.infra.pool.IndexPool;
import io.vecta.sdk.infra.pool.Pool;
import io.vecta.sdk.infra.pool.RecordPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One put and one get per operation, the churn of a flow table: a random one of
 * {@value #LIVE} live elements is freed and a new one taken (and, for the object and record
 * pools, initialised), in pools of {@value #CAPACITY} slots.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class PoolGetPutBenchmark {

    static final int CAPACITY = 1 << 16;
    static final int LIVE = 1 << 15;
    private static final int PICKS = 1 << 12;
    private static final long FLOW_PACKETS = 0;
    private static final long FLOW_STATE = 8;
    private static final int FLOW_RECORD = 16;

    /** A heap flow record. */
    public static final class Flow {
        long packets;
        int state;
    }

    private IndexPool indices;
    private Pool<Flow> flows;
    private RecordPool records;
    private final int[] liveIndices = new int[LIVE];
    private final int[] liveFlows = new int[LIVE];
    private final int[] liveRecords = new int[LIVE];
    private final int[] picks = new int[PICKS];
    private int cursor;

    @Setup
    public void setUp() {
        indices = IndexPool.fixed("bench", CAPACITY);
        flows = Pool.fixed("bench", CAPACITY, Flow::new);
        records = RecordPool.fixed("bench", FLOW_RECORD, CAPACITY);
        for (int i = 0; i < LIVE; i++) {
            liveIndices[i] = indices.get();
            liveFlows[i] = flows.get();
            liveRecords[i] = records.get();
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < PICKS; i++) {
            picks[i] = random.nextInt(LIVE);
        }
    }

    @TearDown
    public void tearDown() {
        records.close();
    }

    @Benchmark
    public int indexPoolPutGet() {
        int slot = picks[cursor++ & (PICKS - 1)];
        indices.put(liveIndices[slot]);
        int index = indices.get();
        liveIndices[slot] = index;
        return index;
    }

    @Benchmark
    public int objectPoolPutGet() {
        int slot = picks[cursor++ & (PICKS - 1)];
        flows.put(liveFlows[slot]);
        int index = flows.get();
        Flow flow = flows.at(index);
        flow.packets = 0;
        flow.state = 1;
        liveFlows[slot] = index;
        return index;
    }

    @Benchmark
    public int recordPoolPutGet() {
        int slot = picks[cursor++ & (PICKS - 1)];
        records.put(liveRecords[slot]);
        int index = records.get();
        records.setLong(index, FLOW_PACKETS, 0);
        records.setInt(index, FLOW_STATE, 1);
        liveRecords[slot] = index;
        return index;
    }
}
