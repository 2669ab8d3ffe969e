package io.vecta.sdk.buffer;

/**
 * Allocates and frees packet buffers for one thread: VPP's {@code vlib_buffer_alloc},
 * {@code vlib_buffer_free}, {@code vlib_buffer_copy} and {@code vlib_buffer_clone}.
 *
 * <h2>One per thread</h2>
 * Each thread (main or worker) has its own allocator, backed by its own cache of free buffer
 * indices; an allocator must only be used by the thread it was given to, and is not
 * thread-safe. A buffer allocated by one thread may be freed by another (after a handoff):
 * the freeing thread's cache takes it.
 *
 * <h2>What a fresh buffer holds</h2>
 * Every named field of cache line 0 is reset: {@code ref_count} 1, {@code buffer_pool_index}
 * its pool, and zero for {@code current_data}, {@code current_length}, flags, flow id, error,
 * {@code next_buffer} ({@link Buffers#NO_BUFFER}), feature config index and both interfaces.
 * The opaque words of both cache lines, {@code trace_handle}, the chain total, the headroom
 * and the data hold whatever the previous user left: the flags say whether the trace handle
 * and the chain total are valid, and a feature sets the opaque words it reads. (VPP also
 * zeroes the opaque words of cache line 0; here that would cost a quarter of a free.)
 *
 * <h2>Exhaustion</h2>
 * {@link #alloc} returns fewer buffers than asked for when the pool runs out and counts the
 * shortfall in the pool's allocation-failure counter; {@link #allocExactly} gives all or
 * none and throws {@link BuffersExhaustedException}. Neither ever corrupts the pool.
 *
 * <h2>Checks on free</h2>
 * Every freed index gets the check of {@link Buffers#checkBuffer} (and its exception), and a
 * buffer whose reference count is already 0 (freed twice while still free) is refused with an
 * {@link IllegalStateException}; buffers of the array before the bad one are freed, the rest
 * are not. A stale index whose buffer has meanwhile been allocated again cannot be told from
 * a legitimate free.
 */
public interface BufferAllocator {

    /** The buffers this allocator hands out, for reading and writing them. */
    Buffers buffers();

    /**
     * Allocates up to {@code count} buffers from this thread's default pool into
     * {@code dst[offset .. offset + count)}.
     *
     * @return how many were allocated, at the start of the range; fewer than {@code count}
     *         only when the pool ran out, and the shortfall is counted
     */
    int alloc(int[] dst, int offset, int count);

    /**
     * Allocates exactly {@code count} buffers into {@code dst[offset .. offset + count)}, or
     * none.
     *
     * @throws BuffersExhaustedException naming the pool and its size if fewer are free; every
     *                                   buffer taken meanwhile is back in the pool
     */
    void allocExactly(int[] dst, int offset, int count);

    /**
     * Frees the packets {@code src[offset .. offset + count)}, following each chain: every
     * buffer's reference count drops by one, and a buffer goes back to its pool when its count
     * reaches zero.
     *
     * @throws IllegalArgumentException if an index is not a buffer ({@link Buffers#checkBuffer})
     * @throws IllegalStateException    if a buffer is already free
     */
    void free(int[] src, int offset, int count);

    /** Frees one packet, following its chain, as {@link #free(int[], int, int)}. */
    void free(int bi);

    /**
     * Frees the buffers {@code src[offset .. offset + count)} only, not the buffers chained
     * after them (VPP's {@code vlib_buffer_free_no_next}), honouring reference counts.
     */
    void freeNoNext(int[] src, int offset, int count);

    /**
     * A deep copy of the packet that starts at {@code bi}: a new chain of as many buffers,
     * from the same pool, with the same data, lengths and {@code current_data}; the head also
     * gets a copy of the metadata (flags masked by {@link BufferFlags#COPY_CLONE_MASK}, flow,
     * error, interfaces, feature config index, opaque words, trace handle).
     *
     * @return the head of the copy, or {@link Buffers#NO_BUFFER} when the pool ran out (nothing
     *         is allocated then, and the failure is counted)
     */
    int copy(int bi);

    /**
     * Makes up to {@code count} packets out of the packet {@code src} that share its data
     * (VPP's {@code vlib_buffer_clone}), for replication (multicast, flooding, span).
     *
     * <p>Each clone is a new head buffer holding a copy of the first {@code headLength} bytes
     * from the current byte, and of the metadata as for {@link #copy}, chained to {@code src},
     * which now holds only the rest and whose reference count becomes the number of clones
     * (the buffers after it get as many more references). Each clone is then a packet of its
     * own: its head can be rewritten freely, and it is freed like any packet; the shared data
     * goes back to the pool with the last clone. {@code src} itself is consumed.
     *
     * <p>A packet of at most {@code headLength + 128} bytes is not worth sharing: the result is
     * {@code src} itself plus {@code count - 1} {@link #copy copies}.
     *
     * @param src        a packet this thread alone holds (reference count 1)
     * @param count      1 to 255
     * @param headLength bytes each clone gets a private copy of, at most the buffer's data size
     *                   minus {@code current_data}
     * @return how many packets were written to {@code dst}, at least 1; fewer than
     *         {@code count} only when the pool ran out (counted)
     * @throws IllegalArgumentException if {@code count} or {@code headLength} is out of range
     * @throws IllegalStateException    if {@code src} is shared, or a shared buffer of its chain
     *                                  would pass 255 references
     */
    int clone(int src, int[] dst, int offset, int count, int headLength);
}
