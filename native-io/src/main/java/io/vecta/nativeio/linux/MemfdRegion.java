package io.vecta.nativeio.linux;

import java.lang.foreign.MemorySegment;

/**
 * Memory created with {@code memfd_create}, sized with {@code ftruncate} and mapped shared:
 * the way Vecta gets memory that another process can map too.
 *
 * <p>The region keeps its file descriptor open for its whole life so that it can be passed to
 * a peer over a unix socket ({@code SCM_RIGHTS}, as memif does); the peer maps the same pages,
 * and a write on either side is seen by the other.
 *
 * <p>Pages are 4K ({@code memfd} on shmem) or hugepages ({@code MFD_HUGETLB} with the size
 * bits for 2M or 1G). Hugepages are reserved when the region is mapped: on a host without
 * enough free hugepages of that size, {@link #create} fails with
 * {@code mmap(...) failed: ENOMEM (Cannot allocate memory)}, and the caller decides whether
 * to fall back to 4K pages.
 */
public final class MemfdRegion implements AutoCloseable {

    /** Base page size. */
    public static final long PAGE_4K = 4L << 10;
    /** The usual x86-64 and AArch64 hugepage size. */
    public static final long PAGE_2M = 2L << 20;
    /** The large hugepage size. */
    public static final long PAGE_1G = 1L << 30;

    private final String name;
    private final int fd;
    private final long pageSize;
    private final MappedMemory mapping;
    private boolean closed;

    private MemfdRegion(String name, int fd, long pageSize, MappedMemory mapping) {
        this.name = name;
        this.fd = fd;
        this.pageSize = pageSize;
        this.mapping = mapping;
    }

    /**
     * Creates a memfd of {@code size} bytes on pages of {@code pageSize} bytes and maps it.
     * The memory starts zeroed.
     *
     * @param name     the memfd's name, seen in {@code /proc/PID/maps} as {@code /memfd:NAME}
     * @param size     bytes; a positive multiple of {@code pageSize}
     * @param pageSize {@link #PAGE_4K}, {@link #PAGE_2M} or {@link #PAGE_1G}
     * @param populate fault all pages in now (see {@link MappedMemory#mapShared})
     * @throws IllegalArgumentException if the size or page size is not one of those
     * @throws ErrnoException           if a call fails; nothing is left open then
     */
    public static MemfdRegion create(String name, long size, long pageSize, boolean populate) {
        int hugeFlags = hugePageFlags(name, pageSize);
        if (size <= 0 || size % pageSize != 0) {
            throw new IllegalArgumentException("memfd region '" + name + "': size " + size
                    + " is not a positive multiple of its page size " + Libc.sizeName(pageSize));
        }
        int fd = Libc.memfdCreate(name, Libc.MFD_CLOEXEC | hugeFlags);
        try {
            Libc.ftruncate(fd, size);
            return new MemfdRegion(name, fd, pageSize, MappedMemory.mapShared(fd, size, populate));
        } catch (RuntimeException e) {
            try {
                Libc.close(fd);
            } catch (ErrnoException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    private static int hugePageFlags(String name, long pageSize) {
        if (pageSize == PAGE_4K) {
            return 0;
        }
        if (pageSize == PAGE_2M) {
            return Libc.MFD_HUGETLB | Libc.MFD_HUGE_2MB;
        }
        if (pageSize == PAGE_1G) {
            return Libc.MFD_HUGETLB | Libc.MFD_HUGE_1GB;
        }
        throw new IllegalArgumentException("memfd region '" + name + "': page size " + pageSize
                + " is not one of 4K, 2M, 1G");
    }

    /** The memfd's name. */
    public String name() {
        return name;
    }

    /** The memfd; stays open until {@link #close()}. A peer that receives it maps the same pages. */
    public int fd() {
        return fd;
    }

    /** Page size in bytes: {@link #PAGE_4K}, {@link #PAGE_2M} or {@link #PAGE_1G}. */
    public long pageSize() {
        return pageSize;
    }

    /** Whether the pages are hugepages. */
    public boolean isHugePages() {
        return pageSize != PAGE_4K;
    }

    /** Size in bytes. */
    public long size() {
        return mapping.size();
    }

    /** The mapped memory; inaccessible after {@link #close()}. */
    public MemorySegment segment() {
        return mapping.segment();
    }

    /** Unmaps the memory, then closes the descriptor. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            mapping.close();
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return "memfd region '" + name + "' (fd " + fd + ", " + size() + " bytes on " + Libc.sizeName(pageSize)
                + " pages)";
    }
}
