package io.vecta.runtime.ip4;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.annotation.Trace;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.IpProtocol;

/**
 * {@code ip4-local}: packets addressed to one of this host's addresses. ICMP goes to
 * {@code ip4-icmp-input}; the host has no other protocol to hand a packet to yet (no UDP or TCP
 * sockets), so anything else is dropped as VPP drops a protocol nobody registered:
 * "unknown ip protocol". Fragments are dropped too, counted apart, since nothing reassembles them.
 */
@GraphNode(name = Ip4Local.NODE, errors = Ip4Local.Error.class)
public final class Ip4Local {

    /** The node's name. */
    public static final String NODE = "ip4-local";

    enum Error {
        @ErrorCounter(description = "unknown ip protocol", severity = Severity.ERROR)
        UNKNOWN_PROTOCOL,
        @ErrorCounter(description = "ip4 fragments for this host not reassembled", severity = Severity.ERROR)
        FRAGMENT
    }

    @Next(Ip4IcmpInput.NODE)
    static final int NEXT_ICMP = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    @PerPacket
    int process(NodeContext ctx, int bi) {
        Buffers buffers = ctx.buffers();
        long off = buffers.dataOffset(bi);
        if (Ip4.isFragment(buffers.memory(), off)) {
            return Outcome.withError(NEXT_DROP, Error.FRAGMENT);
        }
        if (Ip4.protocol(buffers.memory(), off) == IpProtocol.ICMP) {
            return NEXT_ICMP;
        }
        return Outcome.withError(NEXT_DROP, Error.UNKNOWN_PROTOCOL);
    }

    @Trace
    Ip4HeaderTrace trace(NodeContext ctx, int bi, int next) {
        return Ip4HeaderTrace.of("", ctx.buffers(), bi);
    }
}
