package io.vecta.runtime.threads;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The worker barrier (VPP's {@code vlib_worker_thread_barrier_sync}/{@code _release}): the main
 * thread stops every worker between two turns of its loop, changes state the workers read, and
 * lets them go on.
 *
 * <pre>
 *   main                                   worker k (top of each turn: {@link #checkpoint})
 *   sync():  requested = true  ─────────▶  sees requested: waiting[k] = 1, arrived++,
 *            wait until arrived == N                        spins/parks while requested
 *   ... change shared state ...
 *   release(): requested = false ───────▶  arrived--, waiting[k] = 0, next turn
 *            wait until arrived == 0
 * </pre>
 *
 * A worker that does not arrive within the time limit (a node that loops or blocks) makes
 * {@link #sync} fail with a {@link BarrierTimeoutException} that names it, as described by the
 * owner of the barrier; the workers that did arrive are released first, so a failed sync
 * leaves every thread running. Nothing waits forever.
 *
 * <p>The check at the top of a worker's turn is one volatile read while no sync is asked for.
 * {@link #sync} and {@link #release} belong to the main thread; they nest, as VPP's do, so that
 * code that stops the workers may call code that does too.
 */
public final class Barrier {

    /** The default time a sync waits for the workers. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    /** Longest park of a waiting worker: bounds how late it notices the release. */
    private static final long WAIT_PARK_NANOS = 50_000;

    private final int workers;
    private final long timeoutNanos;
    private final IntFunction<String> describeWorker;
    private final IntConsumer wakeWorker;
    private final AtomicIntegerArray waiting;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile boolean requested;
    /** How deep the main thread's syncs are nested; the main thread's own. */
    private int depth;

    /**
     * A barrier for {@code workers} workers that waits up to {@code timeout} for them;
     * {@code describeWorker} names worker {@code k} in a timeout's message.
     */
    public Barrier(int workers, Duration timeout, IntFunction<String> describeWorker) {
        this(workers, timeout, describeWorker, k -> { });
    }

    /**
     * As above, with {@code wakeWorker} ending worker {@code k}'s sleep ({@code epoll_wait}), so
     * that a sleeping worker reaches its checkpoint at once.
     */
    public Barrier(int workers, Duration timeout, IntFunction<String> describeWorker, IntConsumer wakeWorker) {
        if (workers < 0) {
            throw new IllegalArgumentException("barrier: " + workers + " workers");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("barrier: time limit " + timeout + " must be positive");
        }
        this.workers = workers;
        this.timeoutNanos = timeout.toNanos();
        this.describeWorker = describeWorker;
        this.wakeWorker = wakeWorker;
        this.waiting = new AtomicIntegerArray(workers);
    }

    /**
     * Stops every worker at the top of its loop and returns once all are waiting; main thread.
     *
     * @throws BarrierTimeoutException naming the first worker that did not arrive within the
     *                                 time limit; every worker is running again then
     */
    public void sync() {
        if (depth++ > 0) {
            return;
        }
        requested = true;
        for (int k = 0; k < workers; k++) {
            wakeWorker.accept(k);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (arrived.get() < workers) {
            if (System.nanoTime() - deadline > 0) {
                int missing = firstMissing();
                int stopped = arrived.get();
                depth = 0;
                requested = false;
                awaitDeparture();
                throw new BarrierTimeoutException(missing, "barrier sync: " + describeWorker.apply(missing)
                        + " did not stop within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms ("
                        + stopped + " of " + workers + " workers stopped)");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Lets the workers go on after the outermost {@link #sync} and returns once each has left
     * the barrier (within one park of {@value #WAIT_PARK_NANOS} ns); main thread.
     */
    public void release() {
        if (depth == 0) {
            throw new IllegalStateException("barrier release without a sync");
        }
        if (--depth == 0) {
            requested = false;
            awaitDeparture();
        }
    }

    /** Waits for the workers to leave, or a quick next sync would count a worker already on its way out. */
    private void awaitDeparture() {
        while (arrived.get() > 0) {
            Thread.onSpinWait();
        }
    }

    /** Whether the main thread asks the workers to stop: a worker must not sleep then; any thread. */
    public boolean isRequested() {
        return requested;
    }

    /** Whether the main thread holds the workers stopped now. */
    public boolean isSynced() {
        return depth > 0;
    }

    /**
     * Worker {@code worker}'s stop at the top of its turn: returns at once unless a sync is
     * asked for, else waits until it is released.
     */
    public void checkpoint(int worker) {
        if (!requested) {
            return;
        }
        waiting.set(worker, 1);
        arrived.getAndIncrement();
        while (requested) {
            LockSupport.parkNanos(WAIT_PARK_NANOS);
        }
        arrived.getAndDecrement();
        waiting.set(worker, 0);
    }

    private int firstMissing() {
        for (int k = 0; k < workers; k++) {
            if (waiting.get(k) == 0) {
                return k;
            }
        }
        return 0;
    }
}
