package io.vecta.sdk.api;

import java.nio.ByteBuffer;

/**
 * Answers one kind of request from its payload: what the server calls for a message id.
 * Generated {@code <Class>_ApiHandlers} classes implement it over {@code @ApiHandler} methods:
 * they decode the request with its codec's {@link MessageCodec#decodeRequest}, call the method
 * and send what it returns.
 */
@FunctionalInterface
public interface ApiRequestHandler {

    /**
     * Handles the request in {@code request}: its payload from position (the message id) to
     * limit, big-endian; it may be longer than the message, as from a client built against a
     * newer {@code .api} file.
     */
    void handle(ByteBuffer request, ApiReplies replies);
}
