package io.vecta.benchmarks.node;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4;

/**
 * The benchmarked node: reads one header field (the IPv4 TTL) and picks a next by it, counting
 * expired packets, as the first check of ip4-input does.
 */
@GraphNode(name = "bench-ttl-split", errors = TtlSplit.Error.class)
public final class TtlSplit {

    @Next("bench-sink")
    static final int NEXT_FORWARD = 0;
    @Next("bench-expired")
    static final int NEXT_EXPIRED = 1;

    enum Error {
        @ErrorCounter(description = "ttl expired")
        EXPIRED
    }

    @PerPacket
    int process(NodeContext ctx, int bi, long b) {
        return pick(b);
    }

    /** The node's logic on the buffer at address {@code b}, shared by the generated and the hand-written dispatchers. */
    static int pick(long b) {
        int ttl = UncheckedBuffers.getU8(UncheckedBuffers.currentAddress(b) + Ethernet.HEADER_LENGTH + Ip4.TTL_OFFSET);
        return ttl > 1 ? NEXT_FORWARD : Outcome.withError(NEXT_EXPIRED, Error.EXPIRED);
    }
}
