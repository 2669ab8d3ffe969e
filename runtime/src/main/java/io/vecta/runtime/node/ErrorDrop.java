package io.vecta.runtime.node;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code error-drop}: frees every packet it receives, counting it against the reason the
 * buffer carries.
 *
 * <p>A node that drops a packet either counts its own error (generated per-packet dispatchers
 * do, for every outcome that carries one) and leaves the buffer's error field 0, or writes a
 * global error index (see {@code Graph.errorIndex}) into the buffer's error field and lets
 * this node count it there, as VPP's nodes do with {@code b->error}. Either way the drop is
 * counted once, under the node that chose it; this node has no counter of its own, as VPP's
 * drop node has none. Every packet that ends here is one of its vectors in {@code show runtime}.
 *
 * <p>A traced packet gets a {@link DropTrace} record: its rx interface and the reason its
 * buffer carries, as VPP shows under {@code error-drop} and {@code drop}.
 */
@GraphNode(name = "error-drop")
public final class ErrorDrop {

    private final BuiltinCounters counters = new BuiltinCounters(true);

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        if (ctx.tracing()) {
            BuiltinCounters.traceReasons(ctx, frame);
        }
        counters.countAndFree(ctx, frame);
    }
}
