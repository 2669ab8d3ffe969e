package io.vecta.runtime.pg;

import io.vecta.sdk.buffer.Buffers;
import java.util.HexFormat;

/**
 * What {@code pg-input} records of a traced packet, as VPP's pg-input trace does: the stream,
 * the packet's length, and its first bytes (the headers) in hex.
 *
 * @param stream the stream that made the packet
 * @param length the packet's length in bytes
 * @param head   the first bytes of the packet, up to {@link #HEAD_BYTES}
 */
public record PgTrace(String stream, int length, byte[] head) {

    /** Bytes of the packet the trace keeps: Ethernet, IPv4 and UDP headers. */
    public static final int HEAD_BYTES = 42;

    /** The trace of buffer {@code bi}, made by stream {@code stream}. */
    static PgTrace of(String stream, Buffers buffers, int bi) {
        int length = buffers.currentLength(bi);
        byte[] head = new byte[Math.min(HEAD_BYTES, length)];
        buffers.copyOut(bi, 0, head, 0, head.length);
        return new PgTrace(stream, length, head);
    }

    /** {@code show trace}'s lines. */
    public String format() {
        return "stream " + stream + ", " + length + " bytes\n" + HexFormat.ofDelimiter(" ").formatHex(head);
    }
}
