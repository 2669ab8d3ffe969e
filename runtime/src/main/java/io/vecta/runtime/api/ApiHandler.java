package io.vecta.runtime.api;

import java.nio.ByteBuffer;

/**
 * Handles one kind of request. Called on the runtime's main thread, one message at a time, in
 * the order each connection sent them; with the workers stopped at the barrier unless the
 * message was registered {@linkplain ApiMessage#mpSafe() mp-safe}.
 *
 * <p>{@code request} is the payload after the frame header: big-endian, position 0 at the
 * message id, limit at its end, read-only. It holds at least the message's
 * {@linkplain ApiMessage#fixedBytes() fixed part}; longer payloads are passed as they are, as VPP
 * accepts them. Answers go to {@code replies}, which puts the request's context into each.
 * An exception is logged and counted; the client gets no answer, as from VPP for a request it
 * drops.
 *
 * <p>Modules built from generated code answer through {@code @ApiHandler} methods instead (see
 * {@link ApiModule#fromCodecs(String, int, java.util.List, java.util.List)}); this raw form is for the
 * transport's own messages ({@link Memclnt}), which need the client and the table.
 */
@FunctionalInterface
public interface ApiHandler {

    /** Decodes {@code request}, acts on it and answers through {@code replies}. */
    void handle(ByteBuffer request, ApiReplySink replies);
}
