package io.vecta.runtime.node;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code null-node}: the node at next index 0 of nodes that have nowhere real to send a
 * packet; whatever arrives is counted as blackholed and freed.
 */
@GraphNode(name = "null-node", errors = NullNode.Error.class)
public final class NullNode {

    enum Error {
        @ErrorCounter(description = "blackholed packets")
        BLACKHOLED
    }

    private final int[] counts = new int[1];

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        int count = frame.count();
        counts[0] = count;
        ctx.addErrors(counts, 0);
        ctx.allocator().free(frame.buffers(), 0, count);
    }
}
