package io.vecta.benchmarks.pg;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4;
import java.lang.foreign.MemorySegment;

/** Node 2 of the five behind pg-input: reads one IPv4 header field, keeps it in the buffer's metadata, passes the packet on. */
@GraphNode(name = "pg-chain-2")
public final class PgChain2 {

    @Next("pg-chain-3")
    static final int NEXT = 0;

    /** Keeps the field read in the buffer's opaque metadata, as VPP nodes leave results in vnet_buffer. */
    @PerPacket
    int process(NodeContext ctx, int bi) {
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long ip = buffers.dataOffset(bi) + Ethernet.HEADER_LENGTH;
        buffers.setOpaque(bi, 1, Ip4.protocol(m, ip));
        return NEXT;
    }
}
