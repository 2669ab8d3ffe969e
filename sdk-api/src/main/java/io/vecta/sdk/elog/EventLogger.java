package io.vecta.sdk.elog;

/**
 * Where a node logs events: its thread's event ring, from {@link io.vecta.sdk.node.NodeContext#eventLog()}.
 * Logging stores the time, the type's id and the two data words; it allocates nothing and takes
 * no lock, so a node may log per frame (per packet costs a clock read each).
 *
 * <pre>{@code
 * static final EventType REASSEMBLED = EventCatalog.global().register("reass: %d fragments of flow %x");
 * ...
 * ctx.eventLog().log(REASSEMBLED, fragments, flowId);
 * }</pre>
 * A {@code %s} word is a string id from {@link EventCatalog#intern}, taken when the node sets up.
 */
@FunctionalInterface
public interface EventLogger {

    /** Logs an event of {@code type} now with data words {@code a} and {@code b}. */
    void log(EventType type, long a, long b);
}
