package io.vecta.runtime.ip4;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code ip4-arp}: asks with ARP for the neighbour adjacency's next hop, whose MAC address is not known yet (VPP's {@code ip4-arp}), and drops the packet; see {@link ArpResolver}. Once
 * the reply is learnt the FIB's adjacency rewrites, and the next packets go to
 * {@code ip4-rewrite} instead.
 */
@GraphNode(name = Ip4Arp.NODE, errors = Ip4ArpError.class)
public final class Ip4Arp {

    /** The node's name. */
    public static final String NODE = "ip4-arp";

    @Next("error-drop")
    static final int NEXT_DROP = 0;
    @Next(InterfaceTable.OUTPUT_NODE)
    static final int NEXT_OUTPUT = 1;

    private final ArpResolver resolver = new ArpResolver(false, NEXT_DROP, NEXT_OUTPUT);

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        resolver.process(ctx, frame);
    }
}
