package io.vecta.benchmarks.node;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Ethernet;

/** Node 5 of the 5-node chain: reads one IPv4 header field, stores it in the buffer's metadata and passes the packet on. */
@GraphNode(name = "bench-chain-5")
public final class Chain5 {

    @Next("bench-sink")
    static final int NEXT = 0;

    /** Keeps the field read in the buffer's opaque metadata, as VPP nodes leave results in vnet_buffer. */
    @PerPacket
    int process(NodeContext ctx, int bi) {
        long b = UncheckedBuffers.address(ctx.buffers().baseAddress(), bi);
        long ip = UncheckedBuffers.currentAddress(b) + Ethernet.HEADER_LENGTH;
        UncheckedBuffers.setOpaque(b, 4, UncheckedBuffers.getU8(ip + 8));
        return NEXT;
    }
}
