package io.vecta.runtime.api;

import io.vecta.runtime.VectaRuntime;
import io.vecta.sdk.api.ApiContext;
import java.util.Optional;
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

    /**
     * What {@code @ApiHandler} methods that take an {@link ApiContext} reach: the services CLI
     * commands reach through theirs; none by default.
     */
    default ApiContext services() {
        return ApiContext.NONE;
    }

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

            @Override
            public ApiContext services() {
                return new ApiContext() {
                    @Override
                    public <T> Optional<T> service(Class<T> type) {
                        return runtime.services().find(type);
                    }
                };
            }
        };
    }
}
