package io.vecta.runtime.node;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code error-drop}: frees every packet it receives and counts it, by the reason the buffer
 * carries.
 *
 * <p>A node that drops a packet either counts its own error (generated per-packet dispatchers
 * do) and leaves the buffer's error field 0, or writes a global error index (see
 * {@code Graph.errorIndex}) into the buffer's error field and lets this node count it there,
 * as VPP's nodes do with {@code b->error}. Both ways, {@code DROPPED} counts every packet that
 * ended here.
 */
@GraphNode(name = "error-drop", errors = ErrorDrop.Error.class)
public final class ErrorDrop {

    enum Error {
        @ErrorCounter(description = "packets dropped")
        DROPPED
    }

    /** Packets of this frame per error slot, as the context takes them. */
    private final int[] counts = new int[1];

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        BuiltinCounters.countAndFree(ctx, frame, counts);
    }
}
