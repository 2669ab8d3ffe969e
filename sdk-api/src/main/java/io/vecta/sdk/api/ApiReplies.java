package io.vecta.sdk.api;

/**
 * Where a handler answers one request: the server's side of the connection it came from. Each
 * message is encoded with its own codec under the id the server's table gives it, and gets the
 * request's {@code context} written into it, so a handler may build answers with {@code 0} as
 * their context.
 *
 * <pre>
 *   X          → X_reply                 reply(r)
 *   X_dump     → X_details*              details(d)...    the client's control_ping ends the stream
 *   X_get      → X_details* X_get_reply  details(d)... reply(r)
 * </pre>
 * One request gets at most one reply, and no details after it.
 */
public interface ApiReplies {

    /**
     * Sends the reply that ends the answer.
     *
     * @throws IllegalStateException if the request was already answered
     */
    void reply(ApiMessage reply);

    /**
     * Sends one message of a stream; more may follow, and for an {@code X_get} a
     * {@link #reply} ends them.
     *
     * @throws IllegalStateException if the request was already answered
     */
    void details(ApiMessage details);

    /**
     * The server's services, for handlers that take an {@link ApiContext}; none unless the
     * server offers them.
     */
    default ApiContext apiContext() {
        return ApiContext.NONE;
    }
}
