package io.vecta.testkit.xconnect;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4;
import java.lang.foreign.MemorySegment;

/**
 * {@code test-xconnect}: an IPv4 packet from sw_if_index 1 leaves by 2 and one from 2 by 1, its
 * TTL one lower; anything else is dropped with its reason.
 */
@GraphNode(name = "test-xconnect", errors = XConnect.Error.class)
public final class XConnect {

    enum Error {
        @ErrorCounter(description = "not an IPv4 packet")
        NOT_IP4,
        @ErrorCounter(description = "ttl expired")
        TTL_EXPIRED,
        @ErrorCounter(description = "no cross-connect for the rx interface")
        NO_XCONNECT
    }

    @Next("interface-output")
    static final int NEXT_OUTPUT = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    @PerPacket
    int process(NodeContext ctx, int bi) {
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long frame = buffers.dataOffset(bi);
        if (buffers.currentLength(bi) < Ethernet.HEADER_LENGTH + Ip4.MIN_HEADER_LENGTH
                || Ethernet.etherType(m, frame) != Ethernet.ETHER_TYPE_IP4) {
            return Outcome.withError(NEXT_DROP, Error.NOT_IP4);
        }
        long ip = frame + Ethernet.HEADER_LENGTH;
        if (Ip4.ttl(m, ip) <= 1) {
            return Outcome.withError(NEXT_DROP, Error.TTL_EXPIRED);
        }
        int rx = buffers.rxSwIfIndex(bi);
        if (rx != 1 && rx != 2) {
            return Outcome.withError(NEXT_DROP, Error.NO_XCONNECT);
        }
        Ip4.decrementTtl(m, ip);
        buffers.setTxSwIfIndex(bi, 3 - rx);
        return NEXT_OUTPUT;
    }
}
