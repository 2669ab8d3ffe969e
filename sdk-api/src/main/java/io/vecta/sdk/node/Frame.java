package io.vecta.sdk.node;

import java.util.Arrays;
import java.util.Objects;

/**
 * A frame: a vector of up to {@link #CAPACITY} buffer indices handed to a node, plus
 * {@link #SCALAR_WORDS} scalar words for node-specific arguments (VPP's frame scalar area,
 * e.g. the interface a handoff frame is for).
 *
 * <pre>
 *  buffers: int[256]   | bi 0 | bi 1 | ... | bi count-1 | (unused) ... |
 *  count:   0 .. 256
 *  scalars: long[4]    node-specific, meaningless unless the sender and node agree
 *  traced:  whether some buffer in it may carry the traced flag (VPP's VLIB_FRAME_TRACE)
 * </pre>
 *
 * A frame belongs to one thread at a time; the runtime reuses frames, so a node must not keep
 * one after its dispatch returns.
 */
public final class Frame {

    /** Most buffers in a frame, VPP's {@code VLIB_FRAME_SIZE}. */
    public static final int CAPACITY = 256;
    /** Number of scalar words. */
    public static final int SCALAR_WORDS = 4;

    private final int[] buffers = new int[CAPACITY];
    private final long[] scalars = new long[SCALAR_WORDS];
    private int count;
    private boolean traced;

    /** The buffer indices; the first {@link #count()} are the frame's. */
    public int[] buffers() {
        return buffers;
    }

    /** How many buffer indices the frame holds. */
    public int count() {
        return count;
    }

    /** Whether no more buffers fit. */
    public boolean isFull() {
        return count == CAPACITY;
    }

    /**
     * Sets how many of {@link #buffers()} belong to the frame, after filling the array directly.
     *
     * @throws IllegalArgumentException if {@code count} is outside 0 to 256
     */
    public void setCount(int count) {
        if (count < 0 || count > CAPACITY) {
            throw new IllegalArgumentException("frame holds 0 to " + CAPACITY + " buffers, not " + count);
        }
        this.count = count;
    }

    /**
     * Appends one buffer index.
     *
     * @throws IllegalStateException if the frame already holds 256 buffers
     */
    public void add(int bi) {
        if (count == CAPACITY) {
            throw new IllegalStateException("frame is full (" + CAPACITY + " buffers)");
        }
        buffers[count++] = bi;
    }

    /**
     * Whether some buffer of the frame may carry {@code IS_TRACED}: a node with a trace method
     * looks at each buffer's flags only in such a frame, so an untraced frame costs it nothing.
     */
    public boolean isTraced() {
        return traced;
    }

    /** Marks whether the frame may hold traced buffers; whoever sets the flag on a buffer sets this. */
    public void setTraced(boolean traced) {
        this.traced = traced;
    }

    /** Scalar word {@code word}, 0 to 3. */
    public long scalar(int word) {
        return scalars[Objects.checkIndex(word, SCALAR_WORDS)];
    }

    /** Sets scalar word {@code word}, 0 to 3. */
    public void setScalar(int word, long value) {
        scalars[Objects.checkIndex(word, SCALAR_WORDS)] = value;
    }

    /** Empties the frame and zeroes its scalars, for reuse. */
    public void clear() {
        count = 0;
        traced = false;
        Arrays.fill(scalars, 0);
    }

    @Override
    public String toString() {
        return "frame of " + count + " buffers";
    }
}
