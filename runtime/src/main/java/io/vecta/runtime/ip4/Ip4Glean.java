package io.vecta.runtime.ip4;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code ip4-glean}: asks with ARP for the packet's own destination in a connected subnet with no neighbour entry yet (VPP's {@code ip4-glean}), and drops the packet; see {@link ArpResolver}. Once
 * the reply is learnt the FIB's adjacency rewrites, and the next packets go to
 * {@code ip4-rewrite} instead.
 */
@GraphNode(name = Ip4Glean.NODE, errors = Ip4ArpError.class)
public final class Ip4Glean {

    /** The node's name. */
    public static final String NODE = "ip4-glean";

    @Next("error-drop")
    static final int NEXT_DROP = 0;
    @Next(InterfaceTable.OUTPUT_NODE)
    static final int NEXT_OUTPUT = 1;

    private final ArpResolver resolver = new ArpResolver(true, NEXT_DROP, NEXT_OUTPUT);

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        resolver.process(ctx, frame);
    }
}
