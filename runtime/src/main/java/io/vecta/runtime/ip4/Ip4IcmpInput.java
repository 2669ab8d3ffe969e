package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.annotation.Trace;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Checksum;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import java.lang.foreign.MemorySegment;

/**
 * {@code ip4-icmp-input}: ICMP messages for this host. An echo request is turned into its echo
 * reply in the same buffer (addresses swapped, type 0, checksums patched, a fresh TTL) and sent
 * back through {@code ip4-lookup}, as VPP's {@code ip4-icmp-echo-request} does; an echo reply is
 * handed to {@link Ip4Ping} for the {@code ping} command waiting for it and then dropped, counted;
 * any other type is dropped, counted as VPP counts it.
 */
@GraphNode(name = Ip4IcmpInput.NODE, errors = Ip4IcmpInput.Error.class)
public final class Ip4IcmpInput {

    /** The node's name. */
    public static final String NODE = "ip4-icmp-input";
    /** The TTL of the replies this host sends. */
    static final int REPLY_TTL = 64;

    enum Error {
        @ErrorCounter(description = "echo replies sent", severity = Severity.INFO)
        ECHO_REPLIES_SENT,
        @ErrorCounter(description = "echo replies received", severity = Severity.INFO)
        ECHO_REPLIES_RECEIVED,
        @ErrorCounter(description = "unknown type", severity = Severity.ERROR)
        UNKNOWN_TYPE,
        @ErrorCounter(description = "payload length too small for type", severity = Severity.ERROR)
        TOO_SHORT
    }

    @Next(Ip4Lookup.NODE)
    static final int NEXT_LOOKUP = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        Ip4Ping ping;
    }

    @PerPacket
    int process(NodeContext ctx, int bi) {
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long ip = buffers.dataOffset(bi);
        int headerLength = Ip4.headerLength(m, ip);
        if (Ip4.totalLength(m, ip) - headerLength < Icmp.HEADER_LENGTH) {
            return Outcome.withError(NEXT_DROP, Error.TOO_SHORT);
        }
        long icmp = ip + headerLength;
        int type = Icmp.type(m, icmp);
        if (type == Icmp.TYPE_ECHO_REQUEST) {
            Icmp.setType(m, icmp, Icmp.TYPE_ECHO_REPLY);
            Icmp.setChecksum(m, icmp, Checksum.update16(Icmp.checksum(m, icmp), Icmp.TYPE_ECHO_REQUEST << 8,
                    Icmp.TYPE_ECHO_REPLY << 8));
            int src = Ip4.src(m, ip);
            Ip4.setSrc(m, ip, Ip4.dst(m, ip));
            Ip4.setDst(m, ip, src);
            Ip4.setTtl(m, ip, REPLY_TTL);
            Ip4.fillChecksum(m, ip);
            buffers.addFlags(bi, Ip4BufferFields.LOCALLY_ORIGINATED);
            return Outcome.withError(NEXT_LOOKUP, Error.ECHO_REPLIES_SENT);
        }
        if (type == Icmp.TYPE_ECHO_REPLY) {
            Scratch s = scratch;
            if (s.ping == null) {
                s.ping = Ip4Ping.of(((NodeRuntime) ctx).graph());
            }
            s.ping.replied(Ip4.src(m, ip), Icmp.echoId(m, icmp), Icmp.echoSequence(m, icmp), Ip4.ttl(m, ip),
                    Ip4.totalLength(m, ip));
            return Outcome.withError(NEXT_DROP, Error.ECHO_REPLIES_RECEIVED);
        }
        return Outcome.withError(NEXT_DROP, Error.UNKNOWN_TYPE);
    }

    @Trace
    Ip4HeaderTrace trace(NodeContext ctx, int bi, int next) {
        return Ip4HeaderTrace.of("", ctx.buffers(), bi);
    }
}
