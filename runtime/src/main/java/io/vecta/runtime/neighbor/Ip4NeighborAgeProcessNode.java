package io.vecta.runtime.neighbor;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * Registers {@code ip4-neighbor-age-process} in the graph, so that {@code show runtime} lists it
 * with its calls and state. Its steps are {@link Ip4NeighborAger}, installed as the process's
 * task when the runtime starts; this dispatcher runs only where none is installed (a graph built
 * without a runtime), and then does nothing and waits for events.
 */
@GraphNode(name = Ip4NeighborAger.NODE, type = NodeType.PROCESS)
public final class Ip4NeighborAgeProcessNode {

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        // no ageing without a task: see Ip4NeighborAger
    }
}
