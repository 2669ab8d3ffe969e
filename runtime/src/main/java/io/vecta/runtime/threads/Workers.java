package io.vecta.runtime.threads;

import io.vecta.nativeio.linux.Libc;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.show.DispatchThread;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.concurrent.IdleStrategy;

/**
 * The worker threads of a runtime (VPP's {@code vpp_wk_N}): worker {@code k} is a platform
 * thread named {@code vecta_wk_k} that runs thread index {@code k + 1}'s own
 * {@link ThreadRuntime} (its node runtimes, counters, frames and buffer cache), pinned to its
 * core if {@link CorePlacement} gives one.
 *
 * <pre>
 *   vecta_wk_k:  pin to core ─▶ record LWP ─▶ started
 *                loop { barrier.checkpoint(k); idle.idle(runtime.runOnce()) } until close()
 * </pre>
 *
 * A worker that cannot start (its core refused) makes {@link #start} fail with the reason, and
 * the workers already started are stopped. A node that throws on a worker ends that worker's
 * loop; it is logged, and the next barrier sync names the worker as not arriving.
 */
public final class Workers implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Workers.class.getName());

    /** How long {@link #start} waits for the workers to report that they run. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final ThreadRuntime[] runtimes;
    private final Thread[] threads;
    private final DispatchThread[] described;
    private final CorePlacement placement;
    private final Barrier barrier;
    private final HandoffQueues handoff;
    private volatile boolean running = true;

    private Workers(Graph graph, BufferPools pools, CorePlacement placement, HandoffQueues handoff,
                    Duration barrierTimeout) {
        int count = placement.workers();
        if (pools.threadCount() < count + 1 || handoff.threadCount() != count + 1) {
            throw new IllegalArgumentException(count + " workers need buffer caches and handoff queues for "
                    + (count + 1) + " threads; there are " + pools.threadCount() + " and " + handoff.threadCount());
        }
        this.placement = placement;
        this.handoff = handoff;
        this.runtimes = new ThreadRuntime[count];
        this.threads = new Thread[count];
        this.described = new DispatchThread[count];
        for (int k = 0; k < count; k++) {
            runtimes[k] = new ThreadRuntime(graph, k + 1, pools.allocator(k + 1), handoff);
            described[k] = DispatchThread.of(runtimes[k]);
        }
        this.barrier = new Barrier(count, barrierTimeout, this::describe, k -> runtimes[k].wakeUp());
    }

    /**
     * Starts the workers of {@code placement} over {@code graph}, worker {@code k} with the buffer
     * cache of thread {@code k + 1} of {@code pools} and the queues of {@code handoff}; returns
     * once each runs on its core.
     *
     * @throws IllegalStateException naming the worker and its core if one could not start
     */
    public static Workers start(Graph graph, BufferPools pools, CorePlacement placement, HandoffQueues handoff,
                                Duration barrierTimeout) {
        Workers workers = new Workers(graph, pools, placement, handoff, barrierTimeout);
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int k = 0; k < workers.threads.length; k++) {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            started.add(ready);
            int worker = k;
            workers.threads[k] = Thread.ofPlatform().name(DispatchThread.defaultName(k + 1)).daemon(true)
                    .unstarted(() -> workers.run(worker, ready));
            workers.threads[k].start();
        }
        try {
            for (int k = 0; k < started.size(); k++) {
                started.get(k).get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            workers.close();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            workers.close();
            throw new IllegalStateException("workers did not start within " + START_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            workers.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workers started", e);
        }
        return workers;
    }

    /** Pins the calling thread to {@code core}, unless it is {@link CorePlacement#NOT_PINNED}. */
    public static void pin(int core) {
        if (core != CorePlacement.NOT_PINNED) {
            BitSet one = new BitSet();
            one.set(core);
            Libc.schedSetaffinity(0, one);
        }
    }

    private void run(int worker, CompletableFuture<Void> ready) {
        ThreadRuntime runtime = runtimes[worker];
        int core = placement.workerCores().get(worker);
        try {
            pin(core);
            described[worker] = new DispatchThread(runtime, DispatchThread.defaultName(worker + 1), core,
                    Libc.gettid(), Thread.currentThread().threadId());
        } catch (RuntimeException e) {
            ready.completeExceptionally(new IllegalStateException(DispatchThread.defaultName(worker + 1)
                    + " cannot run on core " + core + ": " + e.getMessage(), e));
            return;
        }
        ready.complete(null);
        IdleStrategy idle = runtime.idleStrategy(() -> !running || barrier.isRequested());
        try {
            while (running) {
                barrier.checkpoint(worker);
                idle.idle(runtime.runOnce());
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, DispatchThread.defaultName(worker + 1) + " stopped: " + e, e);
        } finally {
            runtime.close();
        }
    }

    /** {@code vecta_wk_0 (thread 1, LWP 4242) in node 'ip4-lookup'}, for the barrier's messages. */
    private String describe(int worker) {
        DispatchThread thread = described[worker];
        int node = runtimes[worker].currentNodeIndex();
        return thread.name() + " (thread " + thread.index() + ", LWP " + thread.lwp() + ") in "
                + (node == ThreadRuntime.NO_NODE ? "no node yet"
                        : "node '" + runtimes[worker].graph().nodes().get(node).name() + "'");
    }

    /** The number of workers. */
    public int count() {
        return runtimes.length;
    }

    /** Worker {@code k}'s runtime: thread index {@code k + 1}. */
    public ThreadRuntime runtime(int worker) {
        return runtimes[worker];
    }

    /** The workers as the show commands list them, worker 0 first. */
    public List<DispatchThread> threads() {
        return List.of(described);
    }

    /** The barrier the main thread stops the workers with. */
    public Barrier barrier() {
        return barrier;
    }

    /** The handoff queues of every thread. */
    public HandoffQueues handoff() {
        return handoff;
    }

    /** Where the threads are pinned. */
    public CorePlacement placement() {
        return placement;
    }

    /** Ends every worker's loop after its current turn and waits for it to end. */
    @Override
    public void close() {
        running = false;
        for (ThreadRuntime runtime : runtimes) {
            runtime.wakeUp();
        }
        for (Thread thread : threads) {
            if (thread == null) {
                continue;
            }
            try {
                thread.join(START_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.log(Level.WARNING, thread.getName() + " did not stop within " + START_TIMEOUT.toSeconds() + " s");
            }
        }
    }
}
