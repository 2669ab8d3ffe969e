package io.vecta.runtime.l2;

import io.vecta.sdk.buffer.Buffers;

/**
 * What the L2 nodes keep in a buffer between them (VPP's {@code vnet_buffer(b)->l2}): the bridge
 * domain the frame is switched in and the split-horizon group it came in from, written by
 * {@code l2-input} and read by {@code l2-learn}, {@code l2-fwd}, {@code l2-flood} and
 * {@code l2-output}.
 *
 * <pre>
 *   opaque word 1 (u32); word 0 holds the L2 header ({@link io.vecta.runtime.ethernet.L2Header})
 *   +----------------+--------+----------------+
 *   | resume (8)     | shg (8)| bd_index (16)  |
 *   +----------------+--------+----------------+
 *    31            24 23    16 15             0
 * </pre>
 * A cross-connected frame has bd_index 0: it is in no bridge. {@code resume} is where a frame
 * sent through the input features ({@code l2-input-feat}) goes after them: the next that
 * {@code l2-input} chose, which {@code l2-input-feat-end} follows.
 */
public final class L2Opaque {

    /** The opaque word that holds the bridge domain and the split-horizon group. */
    public static final int OPAQUE_WORD = 1;

    private L2Opaque() {
    }

    /** Records that {@code bi} is switched in bridge domain {@code bdIndex}, from group {@code shg}. */
    public static void set(Buffers buffers, int bi, int bdIndex, int shg) {
        buffers.setOpaque(bi, OPAQUE_WORD, word(bdIndex, shg));
    }

    /** The opaque word of a frame switched in bridge domain {@code bdIndex}, from group {@code shg}. */
    public static int word(int bdIndex, int shg) {
        return shg << 16 | bdIndex & 0xffff;
    }

    /** The bridge domain index held in opaque word {@code word}. */
    public static int bdIndex(int word) {
        return word & 0xffff;
    }

    /** The split-horizon group held in opaque word {@code word}. */
    public static int shg(int word) {
        return word >>> 16 & 0xff;
    }

    /** Records where {@code bi} resumes after the input features: one of {@code l2-input}'s nexts. */
    public static void setResume(Buffers buffers, int bi, int next) {
        buffers.setOpaque(bi, OPAQUE_WORD, buffers.opaque(bi, OPAQUE_WORD) & 0x00ff_ffff | next << 24);
    }

    /** Where {@code bi} resumes after the input features. */
    public static int resume(Buffers buffers, int bi) {
        return buffers.opaque(bi, OPAQUE_WORD) >>> 24;
    }

    /** The bridge domain index of {@code bi}, 0 for a cross-connected frame. */
    public static int bdIndex(Buffers buffers, int bi) {
        return bdIndex(buffers.opaque(bi, OPAQUE_WORD));
    }

    /** The split-horizon group {@code bi} came in from, 0 for none. */
    public static int shg(Buffers buffers, int bi) {
        return shg(buffers.opaque(bi, OPAQUE_WORD));
    }
}
