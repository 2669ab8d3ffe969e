package io.vecta.testkit.features;

import io.vecta.sdk.annotation.Feature;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/** {@code test-output-a}: a pass-through feature of {@code ip4-output}. */
@GraphNode(name = "test-output-a")
@Feature(arc = "ip4-output")
public final class OutputA {

    private final PassThrough passThrough = new PassThrough("test-output-a");

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        passThrough.process(ctx, frame);
    }
}
