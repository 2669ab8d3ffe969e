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
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Vlan;
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

    /**
     * The error of a packet that cannot be forwarded as it is, with the ICMP error to send asked
     * for in its opaque word: expired (not for packets made here), or longer than the MTU.
     */
    private static int exception(Buffers buffers, int bi, boolean local, int ttl, int word1, int mtu) {
        if (ttl <= 1 && !local) {
            Ip4BufferFields.setIcmpError(buffers, bi, Icmp.TYPE_TIME_EXCEEDED, 0, 0);
            return Error.TIME_EXPIRED.ordinal();
        }
        if ((word1 & Ip4.FLAG_DONT_FRAGMENT) != 0) {
            // destination unreachable, code 4: fragmentation needed and DF set, with the MTU
            Ip4BufferFields.setIcmpError(buffers, bi, Icmp.TYPE_DESTINATION_UNREACHABLE, 4, mtu);
            return Error.MTU_EXCEEDED.ordinal();
        }
        return Error.FRAGMENTATION_NOT_DONE.ordinal();
    }

    /**
     * The header checksum once the TTL has gone down by one (RFC 1624): the 16-bit word holding
     * the TTL fell by 0x0100, so the checksum rises by 0x0100 in one's-complement arithmetic.
     * A result of 0xffff is written 0x0000, as a checksum computed afresh would be, and as VPP
     * does.
     */
    static int checksumAfterTtlDecrement(int checksum) {
        int sum = checksum + 0x0100;
        sum += (0xfffe - sum) >>> 31;
        return sum & 0xffff;
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
        long base = buffers.baseAddress();
        boolean anyError = false;
        boolean anyTagged = adjacencies.anyTagged();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int adj = UncheckedBuffers.opaque(b, Ip4BufferFields.ADJ_INDEX_WORD);
            long ip = UncheckedBuffers.currentAddress(b);
            int word0 = UncheckedBuffers.getU32(ip);
            int word2 = UncheckedBuffers.getU32(ip + 8);
            int ttl = word2 >>> 24;
            int flags = UncheckedBuffers.flags(b);
            boolean local = (flags & Ip4BufferFields.LOCALLY_ORIGINATED) != 0;
            long forwarding = adjacencies.forwarding(adj);
            int mtu = Adjacencies.forwardingMtu(forwarding);
            if (((ttl <= 1 && !local) | (word0 & 0xffff) > mtu)) {
                // the rare packets: expired, or too long for the link
                int error = exception(buffers, bi, local, ttl, UncheckedBuffers.getU32(ip + 4), mtu);
                if (local) {
                    UncheckedBuffers.setFlags(b, flags & ~Ip4BufferFields.LOCALLY_ORIGINATED);
                }
                errors[error]++;
                anyError = true;
                ctx.noteCountedError(bi, error);
                nexts[i] = error == Error.FRAGMENTATION_NOT_DONE.ordinal() ? NEXT_DROP : NEXT_ICMP_ERROR;
                continue;
            }
            if (local) {
                // made here: sent with the TTL it was given
                UncheckedBuffers.setFlags(b, flags & ~Ip4BufferFields.LOCALLY_ORIGINATED);
            } else {
                // TTL is the high byte of the word it shares with the protocol; the checksum is the low half
                UncheckedBuffers.setU32(ip + 8, ((ttl - 1) << 24) | (word2 & 0x00ff0000)
                        | checksumAfterTtlDecrement(word2 & 0xffff));
            }
            int rewriteBytes = Adjacencies.REWRITE_BYTES;
            if (anyTagged && adjacencies.rewriteBytes(adj) != Adjacencies.REWRITE_BYTES) {
                // a sub-interface's: the 802.1Q tag between the MACs' header and the IPv4 header
                rewriteBytes = adjacencies.rewriteBytes(adj);
                UncheckedBuffers.setU32(ip - Vlan.TAG_LENGTH, adjacencies.rewriteTag(adj));
            }
            // the first 14 bytes as two overlapping 8-byte stores: bytes 0-7, then 6-13
            long high = adjacencies.rewriteHigh(adj);
            long low = adjacencies.rewriteLow(adj);
            long l2 = ip - rewriteBytes;
            UncheckedBuffers.setU64(l2, high);
            UncheckedBuffers.setU64(l2 + 6, (high << 48) | (low >>> 16));
            UncheckedBuffers.advance(b, -rewriteBytes);
            UncheckedBuffers.setTxSwIfIndex(b, Adjacencies.forwardingSwIfIndex(forwarding));
            nexts[i] = NEXT_OUTPUT;
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
