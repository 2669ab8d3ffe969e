package io.vecta.benchmarks.node;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.node.NodeContext;

/**
 * A node that reads nothing and sends every packet to its one next: its cost is the generated
 * loop's and the enqueue's alone, the floor under every per-packet node.
 */
@GraphNode(name = "bench-empty")
public final class EmptyNode {

    @Next("bench-sink")
    static final int NEXT = 0;

    @PerPacket
    int process(NodeContext ctx, int bi) {
        return NEXT;
    }
}
