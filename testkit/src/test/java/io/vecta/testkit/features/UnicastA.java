package io.vecta.testkit.features;

import io.vecta.sdk.annotation.Feature;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/** {@code test-unicast-a}: a pass-through feature of {@code ip4-unicast}. */
@GraphNode(name = "test-unicast-a")
@Feature(arc = "ip4-unicast")
public final class UnicastA {

    private final PassThrough passThrough = new PassThrough("test-unicast-a");

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        passThrough.process(ctx, frame);
    }
}
