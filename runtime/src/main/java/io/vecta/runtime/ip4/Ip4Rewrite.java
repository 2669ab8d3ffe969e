package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.fib.Adjacencies;
import io.vecta.runtime.graph.FeatureArcEntry;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Checksum;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Vlan;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code ip4-rewrite}: forwards each packet through the adjacency ip4-lookup chose. It takes one
 * from the TTL and patches the header checksum by the difference (RFC 1624), checks the packet
 * against the adjacency's MTU, writes the adjacency's Ethernet header in front of the IPv4 header
 * (into the buffer's headroom) and sets the tx interface for {@code interface-output}.
 *
 * <pre>
 *   TTL &lt;= 1                     → ip4-icmp-error, time exceeded   "ip4 ttl &lt;= 1"
 *   longer than the MTU, DF set  → ip4-icmp-error, frag needed     "ip4 MTU exceeded and DF set"
 *   longer than the MTU, no DF   → error-drop (no fragmentation)   "ip4 MTU exceeded, fragmentation not done"
 * </pre>
 *
 * Per packet the node reads the adjacency's two rewrite longs, its interface and MTU from the
 * pool's arrays and allocates nothing. An adjacency of a sub-interface writes 18 bytes, its
 * 802.1Q tag after the MACs; the node looks for those only while one exists
 * ({@link Adjacencies#anyTagged}, once per frame).
 *
 * <p>The node starts the {@code ip4-output} feature arc: while an interface has a feature of it
 * enabled, rewritten packets go to their tx interface's first feature instead of straight to
 * {@code interface-output}; while none has, the frame takes the plain path.
 */
@GraphNode(name = Ip4Rewrite.NODE, errors = Ip4Rewrite.Error.class)
public final class Ip4Rewrite {

    /** The node's name. */
    public static final String NODE = "ip4-rewrite";
    /** The feature arc the node starts, ending in {@code interface-output}. */
    public static final String OUTPUT_ARC = "ip4-output";

    enum Error {
        @ErrorCounter(description = "ip4 ttl <= 1", severity = Severity.ERROR)
        TIME_EXPIRED,
        @ErrorCounter(description = "ip4 MTU exceeded and DF set", severity = Severity.ERROR)
        MTU_EXCEEDED,
        @ErrorCounter(description = "ip4 MTU exceeded, fragmentation not done", severity = Severity.ERROR)
        FRAGMENTATION_NOT_DONE
    }

    @Next(InterfaceTable.OUTPUT_NODE)
    static final int NEXT_OUTPUT = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;
    @Next(Ip4IcmpError.NODE)
    static final int NEXT_ICMP_ERROR = 2;

    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** Bytes of the rewritten packet a trace record shows in hex, as VPP's does. */
    private static final int TRACED_BYTES = 60;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        Adjacencies adjacencies;
        FeatureArcEntry output;
    }

    /**
     * What a traced packet shows under {@code ip4-rewrite}, VPP's layout:
     * {@code tx_sw_if_index 2 dpo-idx 4 : ipv4 via 10.0.1.2 pg1: mtu:9000 next:0 flags:[] 0200...0800 flow hash: 0x00000000}
     * and the packet's first bytes in hex.
     *
     * @param txSwIfIndex the interface it leaves by
     * @param adj         the adjacency
     * @param adjacency   the adjacency as {@code show adj} prints it
     * @param flowHash    the flow hash ip4-lookup computed
     * @param packet      the first bytes of the packet after the rewrite
     */
    public record Trace(int txSwIfIndex, int adj, String adjacency, int flowHash, byte[] packet) {
        /** {@code show trace}'s lines. */
        public String format() {
            StringBuilder text = new StringBuilder("tx_sw_if_index ").append(txSwIfIndex).append(" dpo-idx ").append(adj)
                    .append(" : ").append(adjacency).append(" flow hash: ").append(String.format("0x%08x", flowHash));
            HexFormat hex = HexFormat.of();
            for (int at = 0; at < packet.length; at += 32) {
                text.append('\n').append(String.format("%08x: ", at))
                        .append(hex.formatHex(packet, at, Math.min(packet.length, at + 32)));
            }
            return text.toString();
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        Adjacencies adjacencies = s.adjacencies;
        if (adjacencies == null) {
            adjacencies = Ip4Forwarding.of(((NodeRuntime) ctx).graph()).fib().adjacencies();
            s.adjacencies = adjacencies;
            s.output = FeatureArcEntry.of(((NodeRuntime) ctx).graph(), OUTPUT_ARC, ctx.nodeIndex());
        }
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        boolean anyError = false;
        boolean anyTagged = adjacencies.anyTagged();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int adj = Ip4BufferFields.adjIndex(buffers, bi);
            long off = buffers.dataOffset(bi);
            int word2 = m.get(INT_BE, off + 8);
            int ttl = word2 >>> 24;
            int next = NEXT_OUTPUT;
            int error = -1;
            boolean local = (buffers.flags(bi) & Ip4BufferFields.LOCALLY_ORIGINATED) != 0;
            if (local) {
                buffers.clearFlags(bi, Ip4BufferFields.LOCALLY_ORIGINATED);
            }
            if (ttl <= 1 && !local) {
                error = Error.TIME_EXPIRED.ordinal();
                Ip4BufferFields.setIcmpError(buffers, bi, Icmp.TYPE_TIME_EXCEEDED, 0, 0);
                next = NEXT_ICMP_ERROR;
            } else if ((m.get(INT_BE, off) & 0xffff) > adjacencies.mtu(adj)) {
                if ((m.get(INT_BE, off + 4) & Ip4.FLAG_DONT_FRAGMENT) != 0) {
                    error = Error.MTU_EXCEEDED.ordinal();
                    // destination unreachable, code 4: fragmentation needed and DF set, with the MTU
                    Ip4BufferFields.setIcmpError(buffers, bi, Icmp.TYPE_DESTINATION_UNREACHABLE, 4,
                            adjacencies.mtu(adj));
                    next = NEXT_ICMP_ERROR;
                } else {
                    error = Error.FRAGMENTATION_NOT_DONE.ordinal();
                    next = NEXT_DROP;
                }
            } else {
                if (!local) {
                    // TTL is the high byte of the word it shares with the protocol; the checksum is the low half
                    int checksum = Checksum.update16(word2 & 0xffff, ttl << 8, (ttl - 1) << 8);
                    m.set(INT_BE, off + 8, ((ttl - 1) << 24) | (word2 & 0x00ff0000) | checksum);
                }
                int rewriteBytes = Adjacencies.REWRITE_BYTES;
                if (anyTagged && adjacencies.rewriteBytes(adj) != Adjacencies.REWRITE_BYTES) {
                    rewriteBytes = adjacencies.rewriteBytes(adj);
                    m.set(INT_BE, off - Vlan.TAG_LENGTH, adjacencies.rewriteTag(adj));
                }
                long l2 = off - rewriteBytes;
                long low = adjacencies.rewriteLow(adj);
                m.set(LONG_BE, l2, adjacencies.rewriteHigh(adj));
                m.set(INT_BE, l2 + 8, (int) (low >>> 32));
                m.set(SHORT_BE, l2 + 12, (short) (low >>> 16));
                buffers.advance(bi, -rewriteBytes);
                buffers.setTxSwIfIndex(bi, adjacencies.swIfIndex(adj));
            }
            if (error >= 0) {
                errors[error]++;
                anyError = true;
                ctx.noteCountedError(bi, error);
            }
            nexts[i] = next;
        }
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    int adj = Ip4BufferFields.adjIndex(buffers, bi);
                    byte[] packet = new byte[Math.min(TRACED_BYTES, buffers.currentLength(bi))];
                    buffers.copyOut(bi, 0, packet, 0, packet.length);
                    ctx.addTrace(bi, new Trace(buffers.txSwIfIndex(bi), adj, adjacencies.format(adj),
                            Ip4BufferFields.flowHash(buffers, bi), packet));
                }
            }
        }
        boolean features = s.output.active();
        if (features) {
            s.output.enter(buffers, bis, nexts, count, NEXT_OUTPUT);
        }
        if (anyError) {
            ctx.addErrors(errors, 0);
            Arrays.fill(errors, 0);
        }
        if (anyError || features) {
            ctx.enqueueToNext(bis, nexts, count);
        } else {
            ctx.enqueueToSingleNext(bis, NEXT_OUTPUT, count);
        }
    }
}
