package io.vecta.sdk.buffer;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * Bits of a buffer's {@code flags} word (see {@link Buffers#FLAGS_OFFSET}).
 *
 * <pre>
 *  31                                                        8 7        3 2 1 0
 * +-----------------------------------------------------------+----------+-+-+-+
 * |        feature flags: feature(23) ... feature(0)          | reserved |T|N|R|
 * +-----------------------------------------------------------+----------+-+-+-+
 *   R = IS_TRACED, N = NEXT_PRESENT, T = TOTAL_LENGTH_VALID
 * </pre>
 *
 * <p>Bits 0 to 7 belong to the buffer machinery itself, as VPP's generic {@code vlib} flags
 * do; bits 8 to 31 are for features and protocols (checksum offload, L2 header valid, ...),
 * which name them with {@link #feature(int)}. Copies and clones keep the traced and feature
 * bits of their source and recompute the chain bits.
 */
public final class BufferFlags {

    /** The buffer is being traced; {@link Buffers#traceHandle} says where its trace is. */
    public static final int IS_TRACED = 1;
    /** {@link Buffers#nextBuffer} names the next buffer of this packet's chain. */
    public static final int NEXT_PRESENT = 1 << 1;
    /**
     * {@link Buffers#totalLengthNotIncludingFirstBuffer} is up to date; only meaningful on the
     * first buffer of a chain.
     */
    public static final int TOTAL_LENGTH_VALID = 1 << 2;

    /** The bits reserved for the buffer machinery. */
    public static final int GENERIC_MASK = 0xff;
    /** Bit number of {@code feature(0)}. */
    public static final int FIRST_FEATURE_BIT = 8;
    /** How many feature flags there are. */
    public static final int FEATURE_FLAG_COUNT = 32 - FIRST_FEATURE_BIT;
    /** Flags a copy or a clone takes from its source (the chain bits are set anew). */
    public static final int COPY_CLONE_MASK = IS_TRACED | ~GENERIC_MASK;

    private BufferFlags() {
    }

    /**
     * Feature flag {@code n}, bit {@code 8 + n}.
     *
     * @param n 0 to 23
     * @throws IndexOutOfBoundsException if {@code n} is outside 0 to 23
     */
    public static int feature(int n) {
        return 1 << (FIRST_FEATURE_BIT + Objects.checkIndex(n, FEATURE_FLAG_COUNT));
    }

    /**
     * The flags as words, e.g. {@code traced next-present feature-3}; {@code none} for 0.
     * For traces and error messages.
     */
    public static String format(int flags) {
        StringJoiner words = new StringJoiner(" ");
        if ((flags & IS_TRACED) != 0) {
            words.add("traced");
        }
        if ((flags & NEXT_PRESENT) != 0) {
            words.add("next-present");
        }
        if ((flags & TOTAL_LENGTH_VALID) != 0) {
            words.add("total-length-valid");
        }
        for (int bit = 3; bit < 32; bit++) {
            if ((flags & (1 << bit)) != 0) {
                words.add(bit < FIRST_FEATURE_BIT ? "generic-" + bit : "feature-" + (bit - FIRST_FEATURE_BIT));
            }
        }
        return words.length() == 0 ? "none" : words.toString();
    }
}
