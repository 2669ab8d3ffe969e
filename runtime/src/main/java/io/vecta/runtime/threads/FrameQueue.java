package io.vecta.runtime.threads;

import io.vecta.sdk.node.Frame;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded, lock-free queue of frames for one receiving thread (VPP's {@code frame_queue}):
 * any thread may {@link #offer}, only the receiver {@link #poll}s.
 *
 * <pre>
 *   slot i:  sequence[i] | node | count | traced | buffers[0 .. 256)
 *
 *   sequence[i] == position          free: the producer that claims position may write it
 *   sequence[i] == position + 1      written: the receiver may read it
 *   after reading: sequence[i] = position + capacity, free for the next lap
 * </pre>
 *
 * A producer claims a position by a compare-and-set on {@code tail}, copies the buffer indices
 * into the slot's own array and publishes the slot with a release store of its sequence; the
 * receiver reads a slot whose sequence is one past its position (acquire) and frees it with a
 * release store (the bounded ring of Dmitry Vyukov). Slots are allocated once: neither side
 * allocates. A full queue is refused at once and counted, never waited on: a dispatch thread
 * must not block on another.
 *
 * <p>A slot carries the frame's traced flag ({@link Frame#isTraced()}), so that the receiver
 * looks for traced buffers only in frames that may hold some.
 */
public final class FrameQueue {

    /** Index of a position in its array: 64 bytes of the array before and after it. */
    private static final int PADDED = 8;

    private final int capacity;
    private final int mask;
    private final AtomicLongArray sequences;
    private final int[] nodes;
    private final int[] counts;
    private final boolean[] traced;
    private final int[][] slots;
    /**
     * The senders' next position at {@link #PADDED}, and the receiver's at the same index of its
     * own array: each alone on its cache line, so that the receiver moving on does not take
     * the line the senders read (false sharing).
     */
    private final AtomicLongArray tailCell = new AtomicLongArray(2 * PADDED);
    private final long[] headCell = new long[2 * PADDED];
    private final AtomicLong refused = new AtomicLong();

    /**
     * An empty queue of {@code capacity} frames.
     *
     * @throws IllegalArgumentException if {@code capacity} is not a power of two from 2 to 65536
     */
    public FrameQueue(int capacity) {
        if (capacity < 2 || capacity > 65536 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("frame queue: capacity " + capacity
                    + " must be a power of two from 2 to 65536 frames");
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.sequences = new AtomicLongArray(capacity);
        this.nodes = new int[capacity];
        this.counts = new int[capacity];
        this.traced = new boolean[capacity];
        this.slots = new int[capacity][Frame.CAPACITY];
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
    }

    /**
     * Queues {@code bis[offset .. offset + count)} for node {@code node} as a frame without
     * traced buffers; any thread.
     *
     * @return whether it was queued; false if the queue was full (counted in {@link #refused()})
     * @throws IllegalArgumentException if {@code count} is not 1 to {@link Frame#CAPACITY}
     */
    public boolean offer(int node, int[] bis, int offset, int count) {
        return offer(node, bis, offset, count, false);
    }

    /**
     * Queues {@code bis[offset .. offset + count)} for node {@code node}, as a frame that may
     * hold traced buffers if {@code mayBeTraced}; any thread.
     *
     * @return whether it was queued; false if the queue was full (counted in {@link #refused()})
     * @throws IllegalArgumentException if {@code count} is not 1 to {@link Frame#CAPACITY}
     */
    public boolean offer(int node, int[] bis, int offset, int count, boolean mayBeTraced) {
        if (count < 1 || count > Frame.CAPACITY) {
            throw new IllegalArgumentException("frame queue: " + count + " buffers do not fit a frame of "
                    + Frame.CAPACITY);
        }
        long position = tailCell.get(PADDED);
        while (true) {
            int slot = (int) position & mask;
            long difference = sequences.getAcquire(slot) - position;
            if (difference == 0) {
                if (tailCell.compareAndSet(PADDED, position, position + 1)) {
                    System.arraycopy(bis, offset, slots[slot], 0, count);
                    nodes[slot] = node;
                    counts[slot] = count;
                    traced[slot] = mayBeTraced;
                    sequences.setRelease(slot, position + 1);
                    return true;
                }
                position = tailCell.get(PADDED);
            } else if (difference < 0) {
                refused.getAndIncrement();
                return false;
            } else {
                position = tailCell.get(PADDED);
            }
        }
    }

    /**
     * Moves the oldest queued frame into {@code into} (its buffers, count and traced flag);
     * receiver only.
     *
     * @return the node the frame is for, or -1 if the queue is empty
     */
    public int poll(Frame into) {
        long head = headCell[PADDED];
        int slot = (int) head & mask;
        if (sequences.getAcquire(slot) != head + 1) {
            return -1;
        }
        int count = counts[slot];
        System.arraycopy(slots[slot], 0, into.buffers(), 0, count);
        into.setCount(count);
        into.setTraced(traced[slot]);
        int node = nodes[slot];
        sequences.setRelease(slot, head + capacity);
        headCell[PADDED] = head + 1;
        return node;
    }

    /** Whether a frame waits; receiver only. */
    public boolean isEmpty() {
        long head = headCell[PADDED];
        return sequences.getAcquire((int) head & mask) != head + 1;
    }

    /** Frames the queue holds at most. */
    public int capacity() {
        return capacity;
    }

    /** Offers refused because the queue was full, since it was made. */
    public long refused() {
        return refused.get();
    }
}
