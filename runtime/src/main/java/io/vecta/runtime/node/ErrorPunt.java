package io.vecta.runtime.node;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code error-punt}: packets a node hands to the control plane. Until punt handlers exist it
 * counts them, by the reason the buffer carries as {@code error-drop} does, and frees them.
 */
@GraphNode(name = "error-punt", errors = ErrorPunt.Error.class)
public final class ErrorPunt {

    enum Error {
        @ErrorCounter(description = "packets punted", severity = Severity.INFO)
        PUNTED
    }

    private final int[] counts = new int[1];

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        BuiltinCounters.countAndFree(ctx, frame, counts);
    }
}
