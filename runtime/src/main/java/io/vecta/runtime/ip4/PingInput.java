package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.IpProtocol;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code ping-input}: sends the echo requests the {@code ping} command queued ({@link Ip4Ping}),
 * each built in a new buffer and given to {@code ip4-lookup}, as VPP's ping process puts its
 * requests into ip4-lookup's frame. Runs on the main thread; a turn with nothing queued costs
 * one volatile read.
 */
@GraphNode(name = PingInput.NODE, type = NodeType.INPUT, errors = PingInput.Error.class)
public final class PingInput {

    /** The node's name. */
    public static final String NODE = "ping-input";

    enum Error {
        @ErrorCounter(description = "echo requests sent", severity = Severity.INFO)
        SENT,
        @ErrorCounter(description = "buffer allocation failures", severity = Severity.ERROR)
        NO_BUFFERS
    }

    @Next(Ip4Lookup.NODE)
    static final int NEXT_LOOKUP = 0;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] bis = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        Ip4Ping ping;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.ping == null) {
            s.ping = Ip4Ping.of(((NodeRuntime) ctx).graph());
        }
        if (ctx.threadIndex() != 0 || !s.ping.hasPending()) {
            return;
        }
        Buffers buffers = ctx.buffers();
        int sent = 0;
        for (Ip4Ping.Request request; sent < Frame.CAPACITY && (request = s.ping.nextToSend()) != null; ) {
            if (ctx.allocator().alloc(s.bis, sent, 1) != 1) {
                s.errors[Error.NO_BUFFERS.ordinal()]++;
                continue;
            }
            write(buffers, s.bis[sent], request);
            sent++;
        }
        s.errors[Error.SENT.ordinal()] += sent;
        ctx.addErrors(s.errors, 0);
        Arrays.fill(s.errors, 0);
        if (sent > 0) {
            ctx.enqueueToSingleNext(s.bis, NEXT_LOOKUP, sent);
        }
    }

    private static void write(Buffers buffers, int bi, Ip4Ping.Request request) {
        int icmpLength = Icmp.HEADER_LENGTH + request.dataBytes();
        int total = Ip4.MIN_HEADER_LENGTH + icmpLength;
        buffers.setCurrentData(bi, 0);
        buffers.setCurrentLength(bi, total);
        buffers.setRxSwIfIndex(bi, request.rxSwIfIndex());
        MemorySegment m = buffers.memory();
        long ip = buffers.dataOffset(bi);
        Ip4.setVersionAndIhl(m, ip, Ip4.VERSION, 5);
        Ip4.setTos(m, ip, 0);
        Ip4.setTotalLength(m, ip, total);
        Ip4.setIdentification(m, ip, request.sequence());
        Ip4.setFlagsAndFragmentOffset(m, ip, 0);
        Ip4.setTtl(m, ip, Ip4IcmpInput.REPLY_TTL);
        Ip4.setProtocol(m, ip, IpProtocol.ICMP);
        Ip4.setSrc(m, ip, request.source());
        Ip4.setDst(m, ip, request.destination());
        Ip4.fillChecksum(m, ip);
        long icmp = ip + Ip4.MIN_HEADER_LENGTH;
        Icmp.setType(m, icmp, Icmp.TYPE_ECHO_REQUEST);
        Icmp.setCode(m, icmp, 0);
        Icmp.setEchoId(m, icmp, request.id());
        Icmp.setEchoSequence(m, icmp, request.sequence());
        for (int i = 0; i < request.dataBytes(); i++) {
            m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, icmp + Icmp.HEADER_LENGTH + i, (byte) i);
        }
        Icmp.setChecksum(m, icmp, 0);
        Icmp.setChecksum(m, icmp, Icmp.computeChecksumIp4(m, ip, icmp));
    }
}
