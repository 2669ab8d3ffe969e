package io.vecta.nativeio.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A {@code MAP_SHARED} read-write mapping of a file descriptor, seen as a
 * {@link MemorySegment}.
 *
 * <p>The segment belongs to a shared {@link Arena}: {@link #close()} first closes the arena,
 * which makes every later access from any thread fail with {@link IllegalStateException}, and
 * only then unmaps the pages. A stale reference therefore gets an exception instead of a
 * SIGSEGV. The price is the liveness check that every access to a shared-arena segment makes,
 * one load that the JIT hoists out of loops.
 *
 * <p>The mapping does not own the descriptor: closing the descriptor does not unmap, and
 * closing the mapping does not close the descriptor.
 */
public final class MappedMemory implements AutoCloseable {

    private final Arena arena;
    private final MemorySegment segment;
    private final MemorySegment start;
    private final long size;
    private boolean closed;

    private MappedMemory(Arena arena, MemorySegment segment, MemorySegment start, long size) {
        this.arena = arena;
        this.segment = segment;
        this.start = start;
        this.size = size;
    }

    /**
     * Maps {@code size} bytes of {@code fd} from offset 0, readable and writable, shared with
     * every other mapping of the same file (another process included).
     *
     * @param populate fault every page in now ({@code MAP_POPULATE}) so that the first use does
     *                 not pay for page faults; with hugepages it also makes a shortage show up
     *                 here rather than as a SIGBUS later
     * @throws ErrnoException if {@code mmap} fails
     */
    @SuppressWarnings("restricted")
    public static MappedMemory mapShared(int fd, long size, boolean populate) {
        if (size <= 0) {
            throw new IllegalArgumentException("mapping of fd " + fd + ": size " + size + " must be positive");
        }
        int flags = Libc.MAP_SHARED | (populate ? Libc.MAP_POPULATE : 0);
        MemorySegment start = Libc.mmap(MemorySegment.NULL, size, Libc.PROT_READ | Libc.PROT_WRITE, flags, fd, 0);
        Arena arena = Arena.ofShared();
        return new MappedMemory(arena, start.reinterpret(size, arena, null), start, size);
    }

    /** The mapped bytes; inaccessible after {@link #close()}. */
    public MemorySegment segment() {
        return segment;
    }

    /** Virtual address of the first mapped byte. */
    public long address() {
        return start.address();
    }

    /** Mapped length in bytes. */
    public long size() {
        return size;
    }

    /**
     * Makes the segment inaccessible, then unmaps the pages. Idempotent. Not to be called while
     * another thread still works on the memory: its next access fails.
     *
     * @throws ErrnoException if {@code munmap} fails
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        arena.close();
        Libc.munmap(start, size);
    }
}
