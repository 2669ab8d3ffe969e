package io.vecta.runtime.threads;

/**
 * Runs a change of shared state on the main thread with the workers stopped at the barrier, or
 * directly when there are none: what the runtime's processes use to change tables that workers
 * read without locks, as CLI lines and API handlers do.
 */
@FunctionalInterface
public interface WorkersStopped {

    /**
     * Runs {@code change} while no worker dispatches.
     *
     * @throws BarrierTimeoutException naming the worker that did not stop in time
     */
    void run(Runnable change);
}
