package io.vecta.runtime.elog;

import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;

/**
 * The events the dispatch loop logs around each node call when dispatch events are on
 * ({@code elog trace dispatch}): the call opens a span named after the node with the vectors
 * handed to it, and its return closes it with the vectors the node reported.
 */
public final class DispatchEvents {

    /** A node call starts: {@code a} the node name's string id, {@code b} the frame's vectors. */
    public static final EventType CALL = EventCatalog.global().register("node %s: %d vectors", EventType.Span.BEGIN);
    /** A node call returns: {@code a} the node name's string id, {@code b} the vectors processed. */
    public static final EventType RETURN = EventCatalog.global().register("node %s: returns %d vectors",
            EventType.Span.END);

    private DispatchEvents() {
    }
}
