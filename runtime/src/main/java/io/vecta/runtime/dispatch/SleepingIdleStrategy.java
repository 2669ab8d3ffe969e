package io.vecta.runtime.dispatch;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * How a dispatch thread idles between turns without work: spin briefly, then yield, then wait.
 * The wait is a sleep in {@code epoll_wait} when nothing on the thread polls
 * ({@link ThreadRuntime#sleepIfIdle}): a readable descriptor of an interrupt-mode input node, a
 * wake-up from another thread, or the next process timer ends it, so an idle thread costs no
 * CPU and a packet wakes it at once. While an input node polls, the wait is a park that grows
 * from 1 microsecond to 1 millisecond, as Agrona's {@code BackoffIdleStrategy} does, so that the
 * polled node is looked at again soon.
 *
 * <pre>
 *   work  ─▶ reset
 *   idle  ─▶ 10 × onSpinWait ─▶ 20 × yield ─▶ sleep in epoll_wait (nothing polls)
 *                                            └ park 1 µs, 2 µs, ... 1 ms (something polls)
 * </pre>
 */
public final class SleepingIdleStrategy implements IdleStrategy {

    static final int SPINS = 10;
    static final int YIELDS = 20;
    static final long MIN_PARK_NANOS = 1_000;
    static final long MAX_PARK_NANOS = 1_000_000;

    private final ThreadRuntime runtime;
    private final BooleanSupplier outsideWork;
    private int idleTurns;
    private long parkNanos = MIN_PARK_NANOS;

    /**
     * Idling for {@code runtime}'s thread; {@code outsideWork} says whether something beside the
     * graph waits for the loop (main-thread tasks, a barrier, a stop), checked before each sleep.
     */
    public SleepingIdleStrategy(ThreadRuntime runtime, BooleanSupplier outsideWork) {
        this.runtime = runtime;
        this.outsideWork = outsideWork;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        if (idleTurns < SPINS) {
            idleTurns++;
            Thread.onSpinWait();
        } else if (idleTurns < SPINS + YIELDS) {
            idleTurns++;
            Thread.yield();
        } else if (!runtime.sleepIfIdle(outsideWork)) {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }

    @Override
    public void reset() {
        idleTurns = 0;
        parkNanos = MIN_PARK_NANOS;
    }

    @Override
    public String alias() {
        return "sleeping";
    }
}
