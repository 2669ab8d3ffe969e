package io.vecta.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * Work other threads hand to the main thread, which owns the graph, the node runtimes and
 * every control-plane structure: CLI commands from socket sessions, and later binary-API
 * messages. The main loop runs what is queued once per turn, so such work never races the
 * dispatch of packets on that thread (VPP runs its CLI and API handlers in process nodes of the
 * main thread for the same reason).
 */
public final class MainThreadTasks {

    private final ManyToOneConcurrentLinkedQueue<FutureTask<?>> queue = new ManyToOneConcurrentLinkedQueue<>();
    private volatile Thread mainThread;
    private volatile Runnable wakeMain = () -> { };
    private volatile boolean closed;

    /**
     * Makes the calling thread the main thread: the one that {@link #runQueued() runs} the queue;
     * {@code wakeUp} ends its sleep when work is queued.
     */
    public void bindToCurrentThread(Runnable wakeUp) {
        wakeMain = wakeUp;
        mainThread = Thread.currentThread();
    }

    /** Whether work waits in the queue; any thread. */
    public boolean hasQueued() {
        return !queue.isEmpty();
    }

    /**
     * Runs {@code work} on the main thread and returns its result: directly when called there,
     * otherwise queued and waited for.
     *
     * @throws IllegalStateException if the runtime stopped before the work ran
     */
    public <T> T call(Callable<T> work) throws ExecutionException, InterruptedException {
        if (Thread.currentThread() == mainThread) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new ExecutionException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(work);
        if (closed) {
            throw new IllegalStateException("the runtime is stopping: nothing more runs on its main thread");
        }
        queue.offer(task);
        // the idle main loop sleeps in epoll_wait, or parks while a node polls: wake it, so that a
        // request waits for one turn of the graph rather than for the end of a sleep
        wakeMain.run();
        Thread main = mainThread;
        if (main != null) {
            LockSupport.unpark(main);
        }
        while (true) {
            try {
                return task.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillQueued) {
                if (closed && !task.isDone()) {
                    task.cancel(false);
                }
            } catch (CancellationException e) {
                throw new IllegalStateException("the runtime stopped before this ran on its main thread");
            }
        }
    }

    /** On the main thread: runs everything queued so far; returns how many tasks ran. */
    public int runQueued() {
        int ran = 0;
        FutureTask<?> task;
        while ((task = queue.poll()) != null) {
            task.run();
            ran++;
        }
        return ran;
    }

    /** Refuses new work and cancels what is still queued: the main loop has ended. */
    public void close() {
        closed = true;
        FutureTask<?> task;
        while ((task = queue.poll()) != null) {
            task.cancel(false);
        }
    }
}
