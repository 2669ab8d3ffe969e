package io.vecta.benchmarks.timer;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.vecta.sdk.infra.timer.TimerWheel;
import io.vecta.sdk.infra.timer.TimerWheelShape;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The cost of arming a timer and cancelling it before it fires, the common fate of an idle or
 * retransmit timer, with {@value #BACKGROUND_TIMERS} other timers already running: Vecta's wheel
 * against the JDK's {@link ScheduledThreadPoolExecutor} (remove-on-cancel) and Netty's
 * {@link HashedWheelTimer}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class TimerStartStopBenchmark {

    static final int BACKGROUND_TIMERS = 10_000;
    private static final int INTERVALS = 1024;
    private static final long SEED = 42;

    @State(Scope.Thread)
    public static class Wheel {
        @Param({"2t_1w_2048sl", "16t_2w_512sl", "1t_3w_1024sl_ov"})
        String shape;

        TimerWheel wheel;
        long[] intervals;
        int cursor;

        @Setup
        public void setUp() {
            TimerWheelShape wheelShape = shapeNamed(shape);
            wheel = new TimerWheel("bench", wheelShape, 2 * BACKGROUND_TIMERS);
            intervals = intervals(Math.min(wheelShape.rangeTicks(), 100_000));
            for (int i = 0; i < BACKGROUND_TIMERS; i++) {
                wheel.start(i, 0, intervals[i % INTERVALS]);
            }
        }
    }

    @State(Scope.Thread)
    public static class JdkExecutor {
        ScheduledThreadPoolExecutor executor;
        long[] delays;
        int cursor;
        final Runnable task = () -> { };

        @Setup
        public void setUp() {
            executor = new ScheduledThreadPoolExecutor(1);
            executor.setRemoveOnCancelPolicy(true);
            delays = intervals(100_000);
            for (int i = 0; i < BACKGROUND_TIMERS; i++) {
                executor.schedule(task, 3600_000 + delays[i % INTERVALS], TimeUnit.MILLISECONDS);
            }
        }

        @TearDown
        public void tearDown() {
            executor.shutdownNow();
        }
    }

    @State(Scope.Thread)
    public static class NettyWheel {
        HashedWheelTimer timer;
        long[] delays;
        int cursor;
        final TimerTask task = timeout -> { };

        @Setup
        public void setUp() {
            timer = new HashedWheelTimer(Thread.ofPlatform().daemon().factory(), 1, TimeUnit.MILLISECONDS, 512);
            delays = intervals(100_000);
            for (int i = 0; i < BACKGROUND_TIMERS; i++) {
                timer.newTimeout(task, 3600_000 + delays[i % INTERVALS], TimeUnit.MILLISECONDS);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            timer.stop();
        }
    }

    @Benchmark
    public int vectaWheelStartStop(Wheel state) {
        long interval = state.intervals[state.cursor++ & (INTERVALS - 1)];
        int handle = state.wheel.start(state.cursor & 0xFFFF, 0, interval);
        state.wheel.stop(handle);
        return handle;
    }

    @Benchmark
    public boolean jdkScheduledExecutorScheduleCancel(JdkExecutor state) {
        long delay = state.delays[state.cursor++ & (INTERVALS - 1)];
        ScheduledFuture<?> future = state.executor.schedule(state.task, 3600_000 + delay, TimeUnit.MILLISECONDS);
        return future.cancel(false);
    }

    @Benchmark
    public boolean nettyHashedWheelNewTimeoutCancel(NettyWheel state) {
        long delay = state.delays[state.cursor++ & (INTERVALS - 1)];
        Timeout timeout = state.timer.newTimeout(state.task, 3600_000 + delay, TimeUnit.MILLISECONDS);
        return timeout.cancel();
    }

    static TimerWheelShape shapeNamed(String name) {
        for (TimerWheelShape shape : new TimerWheelShape[] {TimerWheelShape.TW_2T_1W_2048SL,
                TimerWheelShape.TW_16T_2W_512SL, TimerWheelShape.TW_1T_3W_1024SL_OV}) {
            if (shape.name().equals(name)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("no timer wheel shape named " + name);
    }

    private static long[] intervals(long longest) {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] intervals = new long[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            intervals[i] = 1 + random.nextLong(longest);
        }
        return intervals;
    }
}
