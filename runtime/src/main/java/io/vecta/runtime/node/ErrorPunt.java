package io.vecta.runtime.node;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code error-punt}: packets a node hands to the control plane. Until punt handlers exist it
 * counts them against the reason the buffer carries, as {@code error-drop} does, and frees
 * them; like VPP's punt node it has no counter of its own. A traced packet gets a
 * {@link DropTrace} record, as in {@code error-drop}.
 */
@GraphNode(name = "error-punt")
public final class ErrorPunt {

    private final BuiltinCounters counters = new BuiltinCounters(false);

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        if (ctx.tracing()) {
            BuiltinCounters.traceReasons(ctx, frame);
        }
        counters.countAndFree(ctx, frame);
    }
}
