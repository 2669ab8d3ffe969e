package io.vecta.runtime.pg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One template frame held as the 8-byte words {@code pg-input} stores into each buffer, so that
 * writing a packet is a few plain stores rather than a bulk copy (whose checks and stub call
 * cost more than the copy itself for a 64-byte frame).
 *
 * <pre>
 *   frame of 70 bytes:  | w0 | w1 | w2 | w3 | w4 | w5 | w6 | w7 |          stores at 0, 8 .. 56
 *                                                         | last |        one more at 70 - 8 = 62
 * </pre>
 * A length that is not a multiple of 8 ends with a word that overlaps the one before it and
 * holds the frame's last 8 bytes, so no byte after the frame is written. Frames shorter than 8
 * bytes are copied byte by byte. Words are in native order, read and written with the same
 * layout, so the bytes land as they are in the template.
 */
final class FrameImage {

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

    /** The frame's length in bytes. */
    final int length;
    private final byte[] bytes;
    private final long[] words;
    private final long lastWordOffset;

    FrameImage(byte[] frame) {
        this.length = frame.length;
        this.bytes = frame.clone();
        MemorySegment template = MemorySegment.ofArray(bytes);
        int full = length / Long.BYTES;
        boolean overlap = length % Long.BYTES != 0 && length >= Long.BYTES;
        this.words = new long[full + (overlap ? 1 : 0)];
        for (int w = 0; w < full; w++) {
            words[w] = template.get(WORD, (long) w * Long.BYTES);
        }
        if (overlap) {
            words[full] = template.get(WORD, length - Long.BYTES);
        }
        this.lastWordOffset = length - Long.BYTES;
    }

    /** Writes the frame at {@code at} of {@code memory}, its {@link #length} bytes and none after. */
    void writeTo(MemorySegment memory, long at) {
        long[] w = words;
        int n = w.length;
        if (n == 0) {
            for (int i = 0; i < length; i++) {
                memory.set(ValueLayout.JAVA_BYTE, at + i, bytes[i]);
            }
            return;
        }
        for (int i = 0; i < n - 1; i++) {
            memory.set(WORD, at + (long) i * Long.BYTES, w[i]);
        }
        memory.set(WORD, at + lastWordOffset, w[n - 1]);
    }
}
