package io.vecta.api.compiler.model;

import java.util.List;
import java.util.Optional;

/**
 * Which message answers a request.
 *
 * <pre>
 *   rpc X returns X_reply;                       reply
 *   rpc X returns null;                          no reply
 *   rpc X_dump returns stream X_details;         a stream of X_details, each its own message
 *   rpc X_get returns X_get_reply stream X_details;  the stream, then one reply
 *   rpc want_X returns want_X_reply events X_event;  a reply, then events later
 * </pre>
 *
 * @param reply the reply, or for a plain stream the streamed message; empty for {@code returns null}
 * @param stream whether the request is answered by a stream of messages
 * @param streamMessage the streamed message when a separate reply closes the stream
 * @param implicit derived from the message names ({@code X}/{@code X_reply}, {@code X_dump}/{@code X_details})
 *     rather than written in a {@code service} block
 */
public record Service(String caller, Optional<String> reply, boolean stream, Optional<String> streamMessage,
        List<String> events, boolean implicit, SourcePosition position) {

    public Service {
        events = List.copyOf(events);
    }
}
