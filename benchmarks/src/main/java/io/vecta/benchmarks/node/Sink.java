package io.vecta.benchmarks.node;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * The end of every benchmarked path: takes the frame and keeps its buffers allocated, so the
 * same pre-filled buffers run through the graph on every invocation.
 */
@GraphNode(name = "bench-sink")
public final class Sink {

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        // the buffers stay the benchmark's
    }
}
