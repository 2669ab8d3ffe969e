package io.vecta.benchmarks.timer;

import io.vecta.sdk.infra.timer.TimerWheel;
import io.vecta.sdk.infra.timer.TimerWheelShape;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a timer costs from start to expiry: {@value #TIMERS} timers spread over the first
 * {@code min(range, 65536)} ticks of the wheel, then the wheel driven one tick per
 * {@link TimerWheel#expire} call (as a dispatch loop does) until all have fired, into a 256-entry
 * array. Reported per timer: one start, its share of cascading, and its return, plus the share
 * of the per-tick calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class TimerExpiryBenchmark {

    static final int TIMERS = 65_536;

    @Param({"2t_1w_2048sl", "16t_2w_512sl", "1t_3w_1024sl_ov"})
    String shape;

    private TimerWheel wheel;
    private long[] intervals;
    private long span;
    private final int[] expired = new int[256];

    @Setup
    public void setUp() {
        TimerWheelShape wheelShape = TimerStartStopBenchmark.shapeNamed(shape);
        wheel = new TimerWheel("bench", wheelShape, TIMERS);
        span = Math.min(wheelShape.rangeTicks(), 65_536);
        SplittableRandom random = new SplittableRandom(7);
        intervals = new long[TIMERS];
        for (int i = 0; i < TIMERS; i++) {
            intervals[i] = 1 + random.nextLong(span);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int startAndExpire() {
        TimerWheel timers = wheel;
        for (int i = 0; i < TIMERS; i++) {
            timers.start(i, 0, intervals[i]);
        }
        long now = timers.currentTick();
        long end = now + span;
        int fired = 0;
        while (now < end) {
            now++;
            int count;
            do {
                count = timers.expire(now, expired);
                fired += count;
            } while (count == expired.length);
        }
        if (fired != TIMERS) {
            throw new IllegalStateException("fired " + fired + " of " + TIMERS);
        }
        return fired;
    }
}
