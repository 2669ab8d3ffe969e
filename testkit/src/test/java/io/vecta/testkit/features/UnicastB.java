package io.vecta.testkit.features;

import io.vecta.sdk.annotation.Feature;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/** {@code test-unicast-b}: a pass-through feature of {@code ip4-unicast}. */
@GraphNode(name = "test-unicast-b")
@Feature(arc = "ip4-unicast", runsAfter = "test-unicast-a")
public final class UnicastB {

    private final PassThrough passThrough = new PassThrough("test-unicast-b");

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        passThrough.process(ctx, frame);
    }
}
