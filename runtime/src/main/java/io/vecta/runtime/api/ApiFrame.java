package io.vecta.runtime.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The frame that carries one binary-API message over the socket, in both directions, as VPP's
 * socket transport lays it out.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+  0  UNUSED_OFFSET
 * |              unused (VPP: a ring pointer; we send 0)          |
 * |                                                               |
 * +---------------------------------------------------------------+  8  LENGTH_OFFSET
 * |            payload length in bytes, big-endian u32            |
 * +---------------------------------------------------------------+ 12  STAMP_OFFSET
 * |         unused (VPP: a garbage-collector stamp; we send 0)    |
 * +---------------------------------------------------------------+ 16  HEADER_BYTES
 * |  payload: one message, starting with its big-endian u16 id   ...
 * +-------------------------------- ...
 * </pre>
 *
 * Receivers ignore both unused fields. The payload of every message starts with the message id;
 * requests then carry {@code u32 client_index, u32 context}, replies and details
 * {@code u32 context} (see {@link #REQUEST_CONTEXT_OFFSET} and {@link #REPLY_CONTEXT_OFFSET}).
 */
public final class ApiFrame {

    /** Offset of the unused first eight bytes. */
    public static final int UNUSED_OFFSET = 0;
    /** Offset of the big-endian payload length. */
    public static final int LENGTH_OFFSET = 8;
    /** Offset of the unused stamp. */
    public static final int STAMP_OFFSET = 12;
    /** Bytes of the header in front of every payload. */
    public static final int HEADER_BYTES = 16;

    /** Offset of the message id in every payload. */
    public static final int MSG_ID_OFFSET = 0;
    /** Bytes of the message id. */
    public static final int MSG_ID_BYTES = 2;
    /** Offset of {@code client_index} in a request ({@code u16 id, u32 client_index, u32 context}). */
    public static final int REQUEST_CLIENT_INDEX_OFFSET = 2;
    /** Offset of {@code context} in a request. */
    public static final int REQUEST_CONTEXT_OFFSET = 6;
    /** Bytes of a request's common start: id, client index, context. */
    public static final int REQUEST_HEADER_BYTES = 10;
    /** Offset of {@code context} in a reply or a details record ({@code u16 id, u32 context, ...}). */
    public static final int REPLY_CONTEXT_OFFSET = 2;

    private ApiFrame() {
    }

    /** A fresh header for a payload of {@code length} bytes: zeros, and the length at {@link #LENGTH_OFFSET}. */
    public static ByteBuffer header(int length) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
        header.putInt(LENGTH_OFFSET, length);
        return header;
    }

    /** The payload length a header announces, as an unsigned value; {@code header} is at its start. */
    public static long payloadLength(ByteBuffer header, int headerStart) {
        return Integer.toUnsignedLong(header.getInt(headerStart + LENGTH_OFFSET));
    }

    /** The message id at the start of {@code payload}, unsigned. */
    public static int messageId(ByteBuffer payload) {
        return Short.toUnsignedInt(payload.getShort(MSG_ID_OFFSET));
    }
}
