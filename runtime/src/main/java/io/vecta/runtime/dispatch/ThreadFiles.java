package io.vecta.runtime.dispatch;

import io.vecta.nativeio.linux.EpollSet;
import io.vecta.nativeio.linux.EventFd;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A dispatch thread's file descriptors (VPP's file poll of one {@code vlib_main_t}): an
 * {@link EpollSet} of descriptors, each watched for the input node it interrupts when readable,
 * and an {@link EventFd} in the same set that other threads ring to end the thread's sleep.
 *
 * <pre>
 *   epoll set ── host-veth1's socket  (data: node index of af-packet-input) ─▶ interrupt(node)
 *             ── host-veth2's socket  (data: the same node)                 ─▶ interrupt(node)
 *             └─ wake-up eventfd      (data: {@link #WAKEUP})               ─▶ drained, nothing else
 * </pre>
 *
 * Made on first use, so that a thread runtime that is never run nor watches anything holds no
 * descriptor. {@link #poll} belongs to the thread; {@link #watch} and {@link #unwatch} come from
 * the main thread with the owner stopped (CLI lines run so) or from the owner itself;
 * {@link #ring} from any thread.
 */
final class ThreadFiles implements AutoCloseable {

    /** The word of the wake-up eventfd in the set: no node has this index. */
    static final long WAKEUP = -1;
    /** Ready descriptors taken per wait; the rest, level-triggered, come on the next one (VPP takes 16 too). */
    private static final int EVENTS_PER_WAIT = 16;

    private final EpollSet set;
    private final EventFd wakeup;
    private volatile int watched;
    private long waits;
    private long wakeups;
    private long filesReady;

    ThreadFiles(String threadName) {
        this.set = new EpollSet(threadName, EVENTS_PER_WAIT);
        try {
            this.wakeup = new EventFd();
            set.add(wakeup.fd(), WAKEUP);
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
    }

    /** Interrupts input node {@code node} whenever {@code fd} has data to read. */
    void watch(int fd, int node) {
        set.add(fd, node);
        watched++;
    }

    /** Stops watching {@code fd}. */
    void unwatch(int fd) {
        set.remove(fd);
        watched--;
    }

    /** How many descriptors are watched for nodes. */
    int watched() {
        return watched;
    }

    /**
     * Waits up to {@code timeoutMillis} (0: just looks) and interrupts the node of every ready
     * descriptor; the wake-up eventfd is drained. Allocates nothing.
     *
     * @return how many of the node descriptors were ready
     */
    int poll(int timeoutMillis, AtomicIntegerArray interrupts) {
        int n = set.wait(timeoutMillis);
        waits++;
        int files = 0;
        for (int i = 0; i < n; i++) {
            long data = set.readyData(i);
            if (data == WAKEUP) {
                wakeup.drain();
                wakeups++;
            } else {
                interrupts.set((int) data, 1);
                files++;
            }
        }
        filesReady += files;
        return files;
    }

    /** Rings the wake-up eventfd: the thread's wait ends, or its next one returns at once. */
    void ring() {
        wakeup.signal();
    }

    /** {@code epoll_wait} calls so far, sleeps and looks alike. */
    long waits() {
        return waits;
    }

    /** Waits the wake-up eventfd ended. */
    long wakeups() {
        return wakeups;
    }

    /** Node descriptors found ready, summed over the waits. */
    long filesReady() {
        return filesReady;
    }

    @Override
    public void close() {
        try {
            wakeup.close();
        } finally {
            set.close();
        }
    }
}
