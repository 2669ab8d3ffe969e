package io.vecta.nativeio.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An epoll set: file descriptors watched for data to read, each registered with a 64-bit word
 * that {@link #wait} hands back when the descriptor is ready (VPP's {@code vlib_file_poll}
 * over {@code vm->epoll_fd}).
 *
 * <p>Watching is level-triggered: a descriptor with data left unread is reported again by the
 * next {@link #wait}, so a reader that stops after a frame's worth loses nothing.
 *
 * <h2>{@code struct epoll_event}</h2>
 * The kernel packs it on x86-64 (12 bytes) and aligns it elsewhere (16 bytes):
 * <pre>
 *   x86-64                              AArch64 and the rest
 *   0        4                   12     0        4        8                   16
 *   +--------+-------------------+      +--------+--------+-------------------+
 *   | events | data (u64)        |      | events | (pad)  | data (u64)        |
 *   +--------+-------------------+      +--------+--------+-------------------+
 * </pre>
 * {@link #EVENT_SIZE} and {@link #DATA_OFFSET} are this machine's.
 *
 * <h2>Threads</h2>
 * {@link #wait} and the {@code ready...} accessors belong to one thread, and allocate nothing:
 * the event array and the errno scratch are allocated once. {@link #add} and {@link #remove}
 * may be called from any thread, even while another waits (the kernel allows it); they
 * allocate a little scratch per call.
 */
public final class EpollSet implements AutoCloseable {

    private static final boolean PACKED = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> true;
        default -> false;
    };
    /** Bytes of one {@code struct epoll_event} on this machine. */
    public static final long EVENT_SIZE = PACKED ? 12 : 16;
    /** Offset of {@code events} (u32). */
    public static final long EVENTS_OFFSET = 0;
    /** Offset of {@code data} (u64) on this machine. */
    public static final long DATA_OFFSET = PACKED ? 4 : 8;

    private final String name;
    private final int epfd;
    private final int capacity;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events;
    private final MemorySegment callState;
    private int ready;
    private boolean closed;

    /**
     * A new, empty set that {@link #wait} reports up to {@code capacity} ready descriptors from
     * at a time; {@code name} leads its error messages.
     *
     * @throws ErrnoException if {@code epoll_create1} fails
     */
    public EpollSet(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("epoll set '" + name + "': capacity " + capacity
                    + " must be at least 1");
        }
        this.name = name;
        this.capacity = capacity;
        try {
            this.epfd = Libc.epollCreate1(Libc.EPOLL_CLOEXEC);
        } catch (ErrnoException e) {
            arena.close();
            throw e.withContext("epoll set '" + name + "'", "");
        }
        this.events = arena.allocate(EVENT_SIZE * capacity, 8);
        this.callState = Libc.newCallState(arena);
    }

    /**
     * Watches {@code fd} for data to read; {@link #readyData} gives {@code data} back for it.
     *
     * @throws ErrnoException naming the set and the call if {@code epoll_ctl} fails, e.g.
     *                        {@code EEXIST} for a descriptor already watched
     */
    public void add(int fd, long data) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment event = scratch.allocate(EVENT_SIZE, 8);
            event.set(JAVA_INT, EVENTS_OFFSET, Libc.EPOLLIN);
            event.set(JAVA_LONG_UNALIGNED, DATA_OFFSET, data);
            Libc.epollCtl(epfd, Libc.EPOLL_CTL_ADD, fd, event, "{EPOLLIN, data " + data + "}");
        } catch (ErrnoException e) {
            throw e.withContext("epoll set '" + name + "'", "");
        }
    }

    /**
     * Stops watching {@code fd}.
     *
     * @throws ErrnoException naming the set and the call if {@code epoll_ctl} fails, e.g.
     *                        {@code ENOENT} for a descriptor not watched
     */
    public void remove(int fd) {
        try {
            Libc.epollCtl(epfd, Libc.EPOLL_CTL_DEL, fd, MemorySegment.NULL, "NULL");
        } catch (ErrnoException e) {
            throw e.withContext("epoll set '" + name + "'", "");
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (0: just look; -1: for ever) for a watched descriptor to
     * have data; a signal that interrupts the wait counts as a timeout.
     *
     * @return how many descriptors are ready, up to the capacity; their words are
     *         {@link #readyData}{@code (0 .. n-1)}
     * @throws ErrnoException if {@code epoll_wait} fails for another reason than a signal (a
     *                        closed set, a bad buffer): a bug, not a condition to wait out
     */
    public int wait(int timeoutMillis) {
        int n = Libc.epollWait(epfd, events, capacity, timeoutMillis, callState);
        if (n >= 0) {
            ready = n;
            return n;
        }
        ready = 0;
        if (-n == Libc.EINTR) {
            return 0;
        }
        throw new ErrnoException("epoll_wait(" + epfd + ", " + capacity + ", " + timeoutMillis + ")", -n)
                .withContext("epoll set '" + name + "'", "");
    }

    /** The word registered with ready descriptor {@code i} of the last {@link #wait}. */
    public long readyData(int i) {
        return events.get(JAVA_LONG_UNALIGNED, EVENT_SIZE * java.util.Objects.checkIndex(i, ready) + DATA_OFFSET);
    }

    /** The {@code EPOLL*} bits of ready descriptor {@code i} of the last {@link #wait}. */
    public int readyEvents(int i) {
        return events.get(JAVA_INT, EVENT_SIZE * java.util.Objects.checkIndex(i, ready) + EVENTS_OFFSET);
    }

    /** The epoll descriptor itself. */
    public int fd() {
        return epfd;
    }

    /** Closes the set; the descriptors it watched stay open. No thread may wait on it any more. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Libc.close(epfd);
        } finally {
            arena.close();
        }
    }
}
