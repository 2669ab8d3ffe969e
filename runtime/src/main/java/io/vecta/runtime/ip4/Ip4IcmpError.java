package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.annotation.Trace;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Ip4Prefix;
import io.vecta.sdk.packet.IpProtocol;
import java.lang.foreign.MemorySegment;

/**
 * {@code ip4-icmp-error}: answers a packet another node refused with the ICMP error that node
 * asked for ({@link Ip4BufferFields#setIcmpError}): time exceeded from ip4-input and
 * ip4-rewrite, fragmentation needed (destination unreachable, code 4, with the MTU) from
 * ip4-rewrite. The message is built in the packet's own buffer, in front of it:
 *
 * <pre>
 *   new IPv4 header (20): from the rx interface's first address, to the packet's source, TTL 255
 *   ICMP header (8): type, code, checksum, unused or the next-hop MTU
 *   the packet as it came, cut so the whole message stays within 576 bytes (RFC 1812)
 * </pre>
 *
 * and sent to {@code ip4-lookup}. As RFC 1122 says, no error answers an ICMP error, a fragment
 * after the first, or a packet from an address that is not one host's; nor can one be sent from
 * an interface with no address. Those are dropped as "error message dropped".
 */
@GraphNode(name = Ip4IcmpError.NODE, errors = Ip4IcmpError.Error.class)
public final class Ip4IcmpError {

    /** The node's name. */
    public static final String NODE = "ip4-icmp-error";
    /** The TTL of the errors this host sends. */
    static final int ERROR_TTL = 255;
    /** The longest error message (RFC 1812, 4.3.2.3). */
    static final int MAX_MESSAGE = 576;

    enum Error {
        // VPP's ip4 counter shares the ICMPv6 wording; kept so that show errors reads as VPP's
        @ErrorCounter(description = "hop limit exceeded response sent", severity = Severity.INFO)
        TIME_EXCEEDED_SENT,
        @ErrorCounter(description = "destination unreachable response sent", severity = Severity.INFO)
        DEST_UNREACH_SENT,
        @ErrorCounter(description = "error message dropped", severity = Severity.ERROR)
        DROP
    }

    @Next(Ip4Lookup.NODE)
    static final int NEXT_LOOKUP = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    private static final int PREPENDED = Ip4.MIN_HEADER_LENGTH + Icmp.HEADER_LENGTH;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        Ip4InterfaceAddresses addresses;
    }

    @PerPacket
    int process(NodeContext ctx, int bi) {
        Scratch s = scratch;
        if (s.addresses == null) {
            s.addresses = Ip4InterfaceAddresses.of(((NodeRuntime) ctx).graph());
        }
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long off = buffers.dataOffset(bi);
        int original = Ip4.src(m, off);
        Ip4Prefix[][] byInterface = s.addresses.byInterface();
        int rx = buffers.rxSwIfIndex(bi);
        if (rx < 0 || rx >= byInterface.length || byInterface[rx].length == 0 || !answerable(m, off, original)) {
            return Outcome.withError(NEXT_DROP, Error.DROP);
        }
        int type = Ip4BufferFields.icmpType(buffers, bi);
        int code = Ip4BufferFields.icmpCode(buffers, bi);
        int data = Ip4BufferFields.icmpData(buffers, bi);
        int quoted = Math.min(buffers.currentLength(bi), MAX_MESSAGE - PREPENDED);
        buffers.setCurrentLength(bi, quoted);
        buffers.advance(bi, -PREPENDED);
        long ip = buffers.dataOffset(bi);
        Ip4.setVersionAndIhl(m, ip, Ip4.VERSION, 5);
        Ip4.setTos(m, ip, 0);
        Ip4.setTotalLength(m, ip, PREPENDED + quoted);
        Ip4.setIdentification(m, ip, 0);
        Ip4.setFlagsAndFragmentOffset(m, ip, 0);
        Ip4.setTtl(m, ip, ERROR_TTL);
        Ip4.setProtocol(m, ip, IpProtocol.ICMP);
        Ip4.setSrc(m, ip, byInterface[rx][0].address());
        Ip4.setDst(m, ip, original);
        Ip4.fillChecksum(m, ip);
        long icmp = ip + Ip4.MIN_HEADER_LENGTH;
        Icmp.setType(m, icmp, type);
        Icmp.setCode(m, icmp, code);
        Icmp.setRestOfHeader(m, icmp, data);
        Icmp.setChecksum(m, icmp, 0);
        Icmp.setChecksum(m, icmp, Icmp.computeChecksumIp4(m, ip, icmp));
        buffers.addFlags(bi, Ip4BufferFields.LOCALLY_ORIGINATED);
        return Outcome.withError(NEXT_LOOKUP,
                type == Icmp.TYPE_TIME_EXCEEDED ? Error.TIME_EXCEEDED_SENT : Error.DEST_UNREACH_SENT);
    }

    /** Whether RFC 1122 lets this host answer the packet at {@code off} with an error. */
    private static boolean answerable(MemorySegment m, long off, int source) {
        if (source == 0 || source == -1 || (source >>> 28) >= 0xe) {
            return false;
        }
        if (Ip4.fragmentOffset(m, off) != 0) {
            return false;
        }
        if (Ip4.protocol(m, off) == IpProtocol.ICMP) {
            int type = Icmp.type(m, off + Ip4.headerLength(m, off));
            return type == Icmp.TYPE_ECHO_REQUEST || type == Icmp.TYPE_ECHO_REPLY;
        }
        return true;
    }

    @Trace
    Ip4HeaderTrace trace(NodeContext ctx, int bi, int next) {
        return Ip4HeaderTrace.of("", ctx.buffers(), bi);
    }
}
