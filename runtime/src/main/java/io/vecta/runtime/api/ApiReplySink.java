package io.vecta.runtime.api;

import io.vecta.sdk.api.ApiContext;
import io.vecta.sdk.api.ApiReplies;
import java.nio.ByteBuffer;

/**
 * Where a handler answers one request: the client it came from and the request's context,
 * which the sink writes into every message it sends (at {@link ApiFrame#REPLY_CONTEXT_OFFSET},
 * where replies and details carry it), so no answer can miss the echo a client waits for.
 *
 * <p>The three shapes of answer VPP's services have:
 * <pre>
 *   X          → X_reply                 reply(r)
 *   X_dump     → X_details*              dump(records)     the client's control_ping, sent
 *                                                          right behind the dump, ends the stream
 *   X_get      → X_details* X_get_reply  details(d)... reply(r)
 * </pre>
 * One request gets at most one reply, and no details after it. Buffers handed over belong to
 * the sink; the bytes from position to limit are the message, id first.
 */
public final class ApiReplySink implements ApiReplies {

    private final ApiRequester client;
    private final MessageTable table;
    private final ApiMessage request;
    private final int context;
    private final boolean hasContext;
    private final ApiContext services;
    private boolean replied;

    ApiReplySink(ApiRequester client, MessageTable table, ApiMessage request, int context, boolean hasContext,
                 ApiContext services) {
        this.services = services;
        this.client = client;
        this.table = table;
        this.request = request;
        this.context = context;
        this.hasContext = hasContext;
    }

    /** The runtime's services, for {@code @ApiHandler} methods that take an {@link ApiContext}. */
    @Override
    public ApiContext apiContext() {
        return services;
    }

    /** Who sent the request: a socket client, or a trace being replayed. */
    public ApiRequester client() {
        return client;
    }

    /** The request's context, as the client sent it. */
    public int context() {
        return context;
    }

    /** The message table the client knows: where encoders find their ids. */
    public MessageTable table() {
        return table;
    }

    /** The request's context as a generated reply's u32 {@code context} field takes it. */
    public long contextField() {
        return Integer.toUnsignedLong(context);
    }

    /**
     * Encodes {@code reply} with its generated codec, under the id the table gives it, and sends
     * it as the reply that ends the answer.
     *
     * @throws IllegalStateException if this request was already answered
     */
    @Override
    public void reply(io.vecta.sdk.api.ApiMessage reply) {
        reply(ByteBuffer.wrap(table.encode(reply)));
    }

    /**
     * Encodes {@code details} with its generated codec, under the id the table gives it, and
     * sends it as one message of the stream.
     *
     * @throws IllegalStateException if this request was already answered
     */
    @Override
    public void details(io.vecta.sdk.api.ApiMessage details) {
        details(ByteBuffer.wrap(table.encode(details)));
    }

    /**
     * Sends the reply that ends the answer.
     *
     * @throws IllegalStateException if this request was already answered
     */
    public void reply(ByteBuffer reply) {
        requireOpen();
        replied = true;
        client.send(stamped(reply));
    }

    /**
     * Sends one details record of a stream; more may follow, and for an {@code X_get} the
     * {@link #reply} ends it.
     *
     * @throws IllegalStateException if this request was already answered
     */
    public void details(ByteBuffer details) {
        requireOpen();
        client.send(stamped(details));
    }

    /**
     * Answers an {@code X_dump}: every record as details, in order, and nothing else; the
     * {@code control_ping} the client sends behind the dump is handled after this and its reply
     * closes the stream, also when there are no records.
     */
    public void dump(Iterable<ByteBuffer> records) {
        for (ByteBuffer record : records) {
            details(record);
        }
        requireOpen();
        replied = true;
    }

    /** Whether the answer is complete. */
    public boolean replied() {
        return replied;
    }

    private ByteBuffer stamped(ByteBuffer message) {
        if (hasContext) {
            message.putInt(message.position() + ApiFrame.REPLY_CONTEXT_OFFSET, context);
        }
        return message;
    }

    private void requireOpen() {
        if (replied) {
            throw new IllegalStateException("api message " + request.key() + " (context " + context + "): already"
                    + " answered; a request gets one reply and no details after it");
        }
    }
}
