package io.vecta.examples.sample;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.annotation.Trace;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4;
import java.lang.foreign.MemorySegment;

/**
 * {@code sample-protocol-count}: reads the Ethernet frame at each buffer's current data,
 * counts IPv4 packets by their protocol number, and passes every packet on; frames that are
 * not IPv4, or too short for an IPv4 header, go to {@code error-drop} and are counted there.
 *
 * <p>The counts by protocol are per thread, like every field of a node: each thread has its
 * own instance.
 */
@GraphNode(name = "sample-protocol-count", errors = ProtocolCount.Error.class)
public final class ProtocolCount {

    /** Where counted packets go; null-node until a real next exists for them. */
    @Next("null-node")
    static final int NEXT_PASS = 0;
    /** Where packets that are not IPv4 go. */
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    /** The node's error counters. */
    enum Error {
        @ErrorCounter(description = "not an IPv4 packet", severity = Severity.INFO)
        NOT_IP4,
        @ErrorCounter(description = "shorter than Ethernet and IPv4 headers")
        TRUNCATED
    }

    /**
     * What {@code show trace} prints for a traced packet.
     *
     * @param etherType the frame's ethertype, -1 if the frame was too short
     * @param protocol  the IPv4 protocol, -1 if not IPv4
     * @param next      the next index chosen
     */
    record ProtocolTrace(int etherType, int protocol, int next) {
        /** One line, in the style of VPP's trace format functions. */
        public String format() {
            if (etherType < 0) {
                return "sample: too short, next " + next;
            }
            if (protocol < 0) {
                return String.format("sample: ethertype 0x%04x is not ip4, next %d", etherType, next);
            }
            return "sample: ip4 protocol " + protocol + ", next " + next;
        }
    }

    private final long[] packetsByProtocol = new long[256];

    @PerPacket
    int process(NodeContext ctx, int bi) {
        Buffers buffers = ctx.buffers();
        if (buffers.currentLength(bi) < Ethernet.HEADER_LENGTH + Ip4.MIN_HEADER_LENGTH) {
            return Outcome.withError(NEXT_DROP, Error.TRUNCATED);
        }
        MemorySegment memory = buffers.memory();
        long frame = buffers.dataOffset(bi);
        if (Ethernet.etherType(memory, frame) != Ethernet.ETHER_TYPE_IP4) {
            return Outcome.withError(NEXT_DROP, Error.NOT_IP4);
        }
        packetsByProtocol[Ip4.protocol(memory, frame + Ethernet.HEADER_LENGTH)]++;
        return NEXT_PASS;
    }

    @Trace
    ProtocolTrace trace(NodeContext ctx, int bi, int next) {
        Buffers buffers = ctx.buffers();
        if (buffers.currentLength(bi) < Ethernet.HEADER_LENGTH + Ip4.MIN_HEADER_LENGTH) {
            return new ProtocolTrace(-1, -1, next);
        }
        long frame = buffers.dataOffset(bi);
        int etherType = Ethernet.etherType(buffers.memory(), frame);
        int protocol = etherType == Ethernet.ETHER_TYPE_IP4
                ? Ip4.protocol(buffers.memory(), frame + Ethernet.HEADER_LENGTH) : -1;
        return new ProtocolTrace(etherType, protocol, next);
    }

    /** IPv4 packets of protocol {@code protocol} this thread's instance has counted. */
    public long packets(int protocol) {
        return packetsByProtocol[protocol];
    }
}
