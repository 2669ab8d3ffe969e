package io.vecta.runtime.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Cuts one connection's byte stream into payloads: a read may hold several frames, or a frame
 * may arrive over many reads (vpp_papi writes header and payload separately; the kernel may
 * split either). The partial frame is kept in a buffer that grows to the largest frame seen.
 *
 * <pre>
 *   feed(read bytes) ──▶ [ pending: header bytes so far | payload bytes so far ]
 *                           │ whole frame
 *                           ▼
 *                       sink.accept(payload)   each a fresh buffer, big-endian, position 0
 * </pre>
 *
 * Not thread-safe: one connection's reader owns it.
 */
public final class FrameAssembler {

    private final int maxPayloadBytes;
    private final ByteBuffer header = ByteBuffer.allocate(ApiFrame.HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
    /** The payload being filled, null while the header is incomplete. */
    private ByteBuffer payload;

    /** @param maxPayloadBytes a header announcing more is refused */
    public FrameAssembler(int maxPayloadBytes) {
        if (maxPayloadBytes < ApiFrame.MSG_ID_BYTES) {
            throw new IllegalArgumentException("api frame limit: " + maxPayloadBytes
                    + " bytes cannot hold a message id");
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * Takes every remaining byte of {@code bytes} and hands each completed payload to
     * {@code sink}, in order.
     *
     * @throws ApiProtocolException if a header announces more than the limit; the stream cannot
     *         be followed after that
     */
    public void feed(ByteBuffer bytes, Consumer<ByteBuffer> sink) {
        while (bytes.hasRemaining()) {
            if (payload == null) {
                copy(bytes, header);
                if (header.hasRemaining()) {
                    return;
                }
                long length = ApiFrame.payloadLength(header, 0);
                if (length > maxPayloadBytes) {
                    throw new ApiProtocolException("api frame announces " + length + " payload bytes, more than the"
                            + " limit of " + maxPayloadBytes);
                }
                payload = ByteBuffer.allocate((int) length).order(ByteOrder.BIG_ENDIAN);
            }
            copy(bytes, payload);
            if (!payload.hasRemaining()) {
                ByteBuffer whole = payload.flip();
                payload = null;
                header.clear();
                sink.accept(whole);
            }
        }
    }

    /** Whether a frame has begun but not ended: the stream is cut inside it if it ends now. */
    public boolean inFrame() {
        return payload != null || header.position() > 0;
    }

    /** How many bytes of the unfinished frame, header included, have arrived. */
    public int bytesInFrame() {
        return header.position() + (payload == null ? 0 : payload.position());
    }

    private static void copy(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        to.put(to.position(), from, from.position(), n);
        to.position(to.position() + n);
        from.position(from.position() + n);
    }
}
