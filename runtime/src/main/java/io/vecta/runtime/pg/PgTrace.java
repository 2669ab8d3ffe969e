package io.vecta.runtime.pg;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip6;
import io.vecta.sdk.packet.Ip6Address;
import io.vecta.sdk.packet.IpProtocol;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.sdk.packet.Tcp;
import io.vecta.sdk.packet.Udp;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What {@code pg-input} records of a traced packet, as VPP's pg-input trace does: the stream,
 * the packet's length, and its headers, decoded in the layout of VPP's header formats
 * ({@code format_ethernet_header}, {@code format_ip4_header}, {@code format_ip6_header},
 * {@code format_udp_header}, {@code format_tcp_header}):
 *
 * <pre>
 * stream v6, 64 bytes
 * IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a
 * UDP: 2001:db8::1 -> 2001:db8::2
 *   tos 0x00, flow label 0x0, hop limit 64, payload length 10
 * UDP: 1234 -> 2345
 *   length 10, checksum 0x1a2b
 * </pre>
 *
 * Bytes it cannot decode (another EtherType, a header cut short) are shown in hex.
 *
 * @param stream the stream that made the packet
 * @param length the packet's length in bytes
 * @param start  the header the packet starts with
 * @param head   the first bytes of the packet, up to {@link #HEAD_BYTES}
 */
public record PgTrace(String stream, int length, Start start, byte[] head) {

    /** Bytes of the packet the trace keeps: Ethernet, IPv6 and a TCP header with room to spare. */
    public static final int HEAD_BYTES = 96;

    /** The header a stream's packets start with. */
    public enum Start {
        /** An Ethernet header: {@code data} starting with {@code IP4: mac -> mac}, and pcap replay. */
        ETHERNET,
        /** An IPv4 header, for {@code ip4-input}. */
        IP4,
        /** An IPv6 header, for {@code ip6-input}. */
        IP6,
        /** Payload bytes alone. */
        RAW
    }

    /** Copies the head. */
    public PgTrace {
        head = head.clone();
    }

    /** The trace of buffer {@code bi}, made by {@code stream}. */
    static PgTrace of(PgStream stream, Buffers buffers, int bi) {
        int length = buffers.currentLength(bi);
        byte[] head = new byte[Math.min(HEAD_BYTES, length)];
        buffers.copyOut(bi, 0, head, 0, head.length);
        return new PgTrace(stream.name(), length, stream.traceStart(), head);
    }

    /** {@code show trace}'s lines. */
    public String format() {
        StringBuilder out = new StringBuilder("stream ").append(stream).append(", ").append(length).append(" bytes");
        MemorySegment m = MemorySegment.ofArray(head);
        int decoded = switch (start) {
            case ETHERNET -> ethernet(m, out);
            case IP4 -> ip4(m, 0, out);
            case IP6 -> ip6(m, 0, out);
            case RAW -> 0;
        };
        if (decoded < head.length) {
            out.append('\n').append(HexFormat.ofDelimiter(" ").formatHex(head, decoded, head.length));
        }
        return out.toString();
    }

    /** Each {@code format} below appends its lines and returns the offset after what it decoded. */
    private int ethernet(MemorySegment m, StringBuilder out) {
        if (head.length < Ethernet.HEADER_LENGTH) {
            return 0;
        }
        int etherType = Ethernet.etherType(m, 0);
        String name = switch (etherType) {
            case Ethernet.ETHER_TYPE_IP4 -> "IP4";
            case Ethernet.ETHER_TYPE_IP6 -> "IP6";
            case Ethernet.ETHER_TYPE_ARP -> "ARP";
            default -> String.format(Locale.ROOT, "0x%04x", etherType);
        };
        out.append('\n').append(name).append(": ").append(MacAddress.format(Ethernet.src(m, 0))).append(" -> ")
                .append(MacAddress.format(Ethernet.dst(m, 0)));
        return switch (etherType) {
            case Ethernet.ETHER_TYPE_IP4 -> ip4(m, Ethernet.HEADER_LENGTH, out);
            case Ethernet.ETHER_TYPE_IP6 -> ip6(m, Ethernet.HEADER_LENGTH, out);
            default -> Ethernet.HEADER_LENGTH;
        };
    }

    private int ip4(MemorySegment m, int at, StringBuilder out) {
        if (head.length < at + Ip4.MIN_HEADER_LENGTH || head.length < at + Ip4.headerLength(m, at)) {
            return at;
        }
        int protocol = Ip4.protocol(m, at);
        out.append('\n').append(protocolName(protocol)).append(": ").append(Ip4Address.format(Ip4.src(m, at)))
                .append(" -> ").append(Ip4Address.format(Ip4.dst(m, at)));
        out.append(String.format(Locale.ROOT, "\n  tos 0x%02x, ttl %d, length %d, checksum 0x%04x\n"
                        + "  fragment id 0x%04x", Ip4.tos(m, at), Ip4.ttl(m, at), Ip4.totalLength(m, at),
                Ip4.checksum(m, at), Ip4.identification(m, at)));
        return transport(m, at + Ip4.headerLength(m, at), protocol, out);
    }

    private int ip6(MemorySegment m, int at, StringBuilder out) {
        if (head.length < at + Ip6.HEADER_LENGTH) {
            return at;
        }
        int protocol = Ip6.nextHeader(m, at);
        out.append('\n').append(protocolName(protocol)).append(": ")
                .append(Ip6Address.format(Ip6.srcHi(m, at), Ip6.srcLo(m, at))).append(" -> ")
                .append(Ip6Address.format(Ip6.dstHi(m, at), Ip6.dstLo(m, at)));
        if (Ip6.version(m, at) != Ip6.VERSION) {
            out.append("\n  version ").append(Ip6.version(m, at));
        }
        out.append(String.format(Locale.ROOT, "\n  tos 0x%02x, flow label 0x%x, hop limit %d, payload length %d",
                Ip6.trafficClass(m, at), Ip6.flowLabel(m, at), Ip6.hopLimit(m, at), Ip6.payloadLength(m, at)));
        return transport(m, at + Ip6.HEADER_LENGTH, protocol, out);
    }

    private int transport(MemorySegment m, int at, int protocol, StringBuilder out) {
        switch (protocol) {
            case IpProtocol.UDP -> {
                if (head.length < at + Udp.HEADER_LENGTH) {
                    return at;
                }
                out.append(String.format(Locale.ROOT, "\nUDP: %d -> %d\n  length %d, checksum 0x%04x",
                        Udp.srcPort(m, at), Udp.dstPort(m, at), Udp.length(m, at), Udp.checksum(m, at)));
                return at + Udp.HEADER_LENGTH;
            }
            case IpProtocol.TCP -> {
                if (head.length < at + Tcp.MIN_HEADER_LENGTH) {
                    return at;
                }
                out.append(String.format(Locale.ROOT, "\nTCP: %d -> %d\n  seq. 0x%08x ack 0x%08x\n"
                                + "  flags 0x%02x, tcp header: %d bytes\n  window %d, checksum 0x%04x",
                        Tcp.srcPort(m, at), Tcp.dstPort(m, at), Tcp.sequence(m, at), Tcp.acknowledgment(m, at),
                        Tcp.flags(m, at), Tcp.headerLength(m, at), Tcp.window(m, at), Tcp.checksum(m, at)));
                return at + Tcp.MIN_HEADER_LENGTH;
            }
            case IpProtocol.ICMP, IpProtocol.ICMP6 -> {
                if (head.length < at + Icmp.HEADER_LENGTH) {
                    return at;
                }
                out.append('\n').append(protocolName(protocol)).append(": ")
                        .append(icmpType(protocol, Icmp.type(m, at)))
                        .append(String.format(Locale.ROOT, " checksum 0x%04x", Icmp.checksum(m, at)));
                return at + Icmp.HEADER_LENGTH;
            }
            default -> {
                return at;
            }
        }
    }

    private static String protocolName(int protocol) {
        return switch (protocol) {
            case IpProtocol.UDP -> "UDP";
            case IpProtocol.TCP -> "TCP";
            case IpProtocol.ICMP -> "ICMP";
            case IpProtocol.ICMP6 -> "ICMP6";
            default -> "protocol " + protocol;
        };
    }

    private static String icmpType(int protocol, int type) {
        if (protocol == IpProtocol.ICMP6) {
            return switch (type) {
                case Icmp.TYPE6_ECHO_REQUEST -> "echo_request";
                case Icmp.TYPE6_ECHO_REPLY -> "echo_reply";
                default -> "type " + type;
            };
        }
        return switch (type) {
            case Icmp.TYPE_ECHO_REQUEST -> "echo_request";
            case Icmp.TYPE_ECHO_REPLY -> "echo_reply";
            default -> "type " + type;
        };
    }
}
