package io.vecta.nativeio.linux;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A non-blocking eventfd used as a doorbell: any thread {@link #signal rings} it, the thread that
 * owns it sees it readable (in an {@link EpollSet}) and {@link #drain drains} it. VPP wakes a
 * sleeping thread's {@code epoll_wait} the same way ({@code vm->wakeup_fd}).
 */
public final class EventFd implements AutoCloseable {

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment value;
    private final MemorySegment callState;
    private boolean closed;

    /**
     * A new eventfd whose counter is zero.
     *
     * @throws ErrnoException if {@code eventfd} fails
     */
    public EventFd() {
        try {
            this.fd = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        } catch (ErrnoException e) {
            arena.close();
            throw e;
        }
        this.value = arena.allocate(JAVA_LONG);
        this.callState = Libc.newCallState(arena);
    }

    /**
     * Adds one to the counter, making the descriptor readable; any thread. Rare by design (once
     * per sleep of the owner), so it allocates its errno scratch per call.
     *
     * @throws ErrnoException if {@code eventfd_write} fails (a closed descriptor)
     */
    public void signal() {
        Libc.eventfdWrite(fd, 1);
    }

    /**
     * Takes the counter and sets it to zero, so that the descriptor is no longer readable; the
     * owner thread only. Allocates nothing.
     *
     * @return how many signals there were since the last drain; 0 for none
     * @throws ErrnoException if {@code eventfd_read} fails for another reason than an empty counter
     */
    public long drain() {
        int result = Libc.eventfdRead(fd, value, callState);
        if (result == 0) {
            return value.get(JAVA_LONG, 0);
        }
        if (-result == Libc.EAGAIN) {
            return 0;
        }
        throw new ErrnoException("eventfd_read(" + fd + ")", -result);
    }

    /** The descriptor, to watch in an {@link EpollSet}. */
    public int fd() {
        return fd;
    }

    /** Closes the descriptor; nobody may signal it any more. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Libc.close(fd);
        } finally {
            arena.close();
        }
    }
}
