package io.vecta.benchmarks.pg;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Ethernet;

/** Node 3 of the five behind pg-input: reads one IPv4 header field, keeps it in the buffer's metadata, passes the packet on. */
@GraphNode(name = "pg-chain-3")
public final class PgChain3 {

    @Next("pg-chain-4")
    static final int NEXT = 0;

    /** Keeps the field read in the buffer's opaque metadata, as VPP nodes leave results in vnet_buffer. */
    @PerPacket
    int process(NodeContext ctx, int bi) {
        long b = UncheckedBuffers.address(ctx.buffers().baseAddress(), bi);
        long ip = UncheckedBuffers.currentAddress(b) + Ethernet.HEADER_LENGTH;
        UncheckedBuffers.setOpaque(b, 2, UncheckedBuffers.getU8(ip + 1));
        return NEXT;
    }
}
