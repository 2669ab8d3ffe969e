package io.vecta.runtime.api;

import io.vecta.runtime.VectaRuntime;
import java.util.concurrent.ExecutionException;

/**
 * How the server reaches the thread that owns the runtime's state: handlers run there, one
 * batch at a time, and those not marked mp-safe with the workers stopped at the barrier, as
 * CLI lines run.
 */
public interface ApiMainThread {

    /**
     * Runs {@code work} on the main thread and waits for it.
     *
     * @throws IllegalStateException if the runtime is stopping and runs nothing more
     */
    void run(Runnable work) throws InterruptedException;

    /** On the main thread: runs {@code change} with the workers stopped. */
    void withWorkersStopped(Runnable change);

    /** The main thread and barrier of {@code runtime}. */
    static ApiMainThread of(VectaRuntime runtime) {
        return new ApiMainThread() {
            @Override
            public void run(Runnable work) throws InterruptedException {
                try {
                    runtime.tasks().call(() -> {
                        work.run();
                        return null;
                    });
                } catch (ExecutionException e) {
                    throw new IllegalStateException("api batch failed on the main thread", e.getCause());
                }
            }

            @Override
            public void withWorkersStopped(Runnable change) {
                runtime.withWorkersStopped(change);
            }
        };
    }
}
