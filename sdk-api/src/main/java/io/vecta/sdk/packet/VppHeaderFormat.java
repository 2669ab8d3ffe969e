package io.vecta.sdk.packet;

import java.util.List;

/**
 * Header lines for packet traces in the layout VPP's {@code show trace} prints them
 * ({@code format_ethernet_header}, {@code format_ip4_header}, {@code format_udp_header}), so a
 * person who reads VPP traces reads ours the same way:
 *
 * <pre>
 * IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
 * UDP: 192.0.2.1 -> 192.0.2.2
 *   tos 0x00, ttl 64, length 39, checksum 0x269c dscp CS0 ecn NON_ECN
 *   fragment id 0x9026, flags DONT_FRAGMENT
 * UDP: 40000 -> 30000
 *   length 19, checksum 0xeb86
 * </pre>
 *
 * <p>The Ethernet line names the innermost EtherType, then source before destination, then up
 * to two VLAN tags, each labelled by the outermost tag's TPID as VPP labels them. The IPv4
 * block starts with the protocol's name, adds a {@code version, header length} line only when
 * either is unusual, appends {@code (should be 0x....)} to a wrong checksum and names DSCP and
 * ECN; the fragment line gives the offset in bytes and the flags by name. Each header is
 * followed by the next one that VPP has a format for, as far as the bytes go; a header that
 * does not fit prints VPP's {@code ... header truncated}. Headers VPP would go on to print
 * that are not formatted here (TCP, ICMP, IPv6) end the text.
 *
 * <p>The input is a {@link DecodedPacket} of the bytes the trace kept, so the trace and the
 * test kit share one decoder. Lines are separated by {@code '\n'} with no final newline; the
 * caller indents the block as its trace needs.
 */
public final class VppHeaderFormat {

    private static final String INDENT = "  ";
    /** VPP's Ethernet header holds at most two tags. */
    private static final int MAX_TAGS = 2;

    private VppHeaderFormat() {
    }

    /** The trace of a decoded Ethernet frame: the Ethernet line and what follows it. */
    public static String ethernet(DecodedPacket packet) {
        List<Layer> layers = packet.layers();
        if (!(layers.getFirst() instanceof EthernetLayer ethernet)) {
            return "ethernet header truncated";
        }
        int next = 1;
        int type = ethernet.etherType();
        StringBuilder tags = new StringBuilder();
        String tagLabel = type == Ethernet.ETHER_TYPE_VLAN ? " 802.1q vlan " : " 802.1ad vlan ";
        while (Vlan.isTagType(type) && next <= MAX_TAGS) {
            if (!(layers.get(next) instanceof VlanLayer tag)) {
                return "ethernet header truncated";
            }
            tags.append(tagLabel).append(tag.vid());
            if (tag.pcp() != 0) {
                tags.append(" priority ").append(tag.pcp());
            }
            if (tag.dei()) {
                tags.append(" cfi");
            }
            type = tag.etherType();
            next++;
        }
        StringBuilder text = new StringBuilder().append(etherTypeName(type)).append(": ")
                .append(MacAddress.format(ethernet.src())).append(" -> ").append(MacAddress.format(ethernet.dst()))
                .append(tags);
        if (type == Ethernet.ETHER_TYPE_IP4 && next < layers.size() && startsBytes(layers.get(next))) {
            text.append('\n');
            appendIp4(text, layers, next);
        }
        return text.toString();
    }

    /** The trace of the first IPv4 header of a decoded packet and what follows it. */
    public static String ip4(DecodedPacket packet) {
        List<Layer> layers = packet.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Ip4Layer || isTruncated(layers.get(i), "IPv4 header")) {
                StringBuilder text = new StringBuilder();
                appendIp4(text, layers, i);
                return text.toString();
            }
        }
        throw new IllegalArgumentException("vpp header format: the packet has no IPv4 header: " + packet.summary());
    }

    /** The two lines VPP prints for a UDP header. */
    public static String udp(UdpLayer udp) {
        return "UDP: " + udp.srcPort() + " -> " + udp.dstPort() + '\n'
                + INDENT + "length " + udp.length() + ", checksum " + LayerText.hex16(udp.checksum().value());
    }

    private static void appendIp4(StringBuilder text, List<Layer> layers, int index) {
        if (!(layers.get(index) instanceof Ip4Layer ip)) {
            text.append("IP header truncated");
            return;
        }
        text.append(vppProtocolName(ip.protocol())).append(": ").append(Ip4Address.format(ip.src())).append(" -> ")
                .append(Ip4Address.format(ip.dst()));
        if (ip.version() != Ip4.VERSION || ip.headerLength() != Ip4.MIN_HEADER_LENGTH) {
            text.append('\n').append(INDENT).append("version ").append(ip.version()).append(", header length ")
                    .append(ip.headerLength());
        }
        text.append('\n').append(INDENT).append(String.format("tos 0x%02x, ttl %d, length %d, checksum 0x%04x",
                ip.tos(), ip.ttl(), ip.totalLength(), ip.checksum().value()));
        if (ip.checksum().verdict() == ChecksumCheck.Verdict.INCORRECT) {
            text.append(String.format(" (should be 0x%04x)", ip.checksum().expected()));
        }
        text.append(" dscp ").append(dscpName(ip.dscp())).append(" ecn ").append(ecnName(ip.ecn()));
        text.append('\n').append(INDENT).append(String.format("fragment id 0x%04x", ip.identification()));
        int offsetBytes = ip.fragmentOffset() * 8;
        if (offsetBytes != 0) {
            text.append(" offset ").append(offsetBytes);
        }
        int flags = ip.flagsAndFragmentOffset() & ~Ip4.FRAGMENT_OFFSET_MASK;
        if (flags != 0) {
            text.append(", flags ");
            // VPP writes the names back to back, without a separator
            if ((flags & Ip4.FLAG_MORE_FRAGMENTS) != 0) {
                text.append("MORE_FRAGMENTS");
            }
            if ((flags & Ip4.FLAG_DONT_FRAGMENT) != 0) {
                text.append("DONT_FRAGMENT");
            }
            if ((flags & Ip4.FLAG_RESERVED) != 0) {
                text.append("CONGESTION");
            }
        }
        if (offsetBytes != 0 || index + 1 >= layers.size() || ip.protocol() != IpProtocol.UDP) {
            return;
        }
        Layer next = layers.get(index + 1);
        if (next instanceof UdpLayer udp) {
            text.append('\n').append(udp(udp));
        } else if (isTruncated(next, "UDP header") && startsBytes(next)) {
            text.append('\n').append("UDP header truncated");
        }
    }

    /**
     * True when bytes follow the previous header: VPP formats the next header only then, and
     * calls it truncated when some but too few are there.
     */
    private static boolean startsBytes(Layer layer) {
        return !(layer instanceof PaddingLayer) && !(layer instanceof TruncatedLayer cut && cut.present() == 0);
    }

    private static boolean isTruncated(Layer layer, String what) {
        return layer instanceof TruncatedLayer truncated && truncated.what().equals(what);
    }

    /** VPP's EtherType names (its {@code ethernet/types.def}); others print as hex. */
    static String etherTypeName(int etherType) {
        return switch (etherType) {
            case Ethernet.ETHER_TYPE_IP4 -> "IP4";
            case Ethernet.ETHER_TYPE_ARP -> "ARP";
            case Ethernet.ETHER_TYPE_VLAN -> "VLAN";
            case Ethernet.ETHER_TYPE_IP6 -> "IP6";
            case Ethernet.ETHER_TYPE_MPLS -> "MPLS";
            case Ethernet.ETHER_TYPE_QINQ -> "DOT1AD";
            case Ethernet.ETHER_TYPE_LLDP -> "802_1_LLDP";
            default -> LayerText.hex16(etherType);
        };
    }

    /** VPP's names for the protocols {@link IpProtocol} knows (its {@code ip/protocols.def}). */
    static String vppProtocolName(int protocol) {
        return switch (protocol) {
            case IpProtocol.HOP_BY_HOP -> "IP6_HOP_BY_HOP_OPTIONS";
            case IpProtocol.ICMP -> "ICMP";
            case IpProtocol.IGMP -> "IGMP";
            case IpProtocol.IP_IN_IP -> "IP_IN_IP";
            case IpProtocol.TCP -> "TCP";
            case IpProtocol.UDP -> "UDP";
            case IpProtocol.IP6 -> "IPV6";
            case IpProtocol.ROUTING -> "IPV6_ROUTE";
            case IpProtocol.FRAGMENT -> "IPV6_FRAGMENTATION";
            case IpProtocol.GRE -> "GRE";
            case IpProtocol.ESP -> "IPSEC_ESP";
            case IpProtocol.AH -> "IPSEC_AH";
            case IpProtocol.ICMP6 -> "ICMP6";
            case IpProtocol.NO_NEXT_HEADER -> "IP6_NONXT";
            case IpProtocol.DESTINATION_OPTIONS -> "IP6_DESTINATION_OPTIONS";
            case IpProtocol.SCTP -> "SCTP";
            default -> "unknown " + protocol;
        };
    }

    /**
     * The DSCP code point names of RFC 2474, RFC 2597 and RFC 3246, as VPP prints them. VPP's
     * table puts CS7 at 50 rather than the RFC's 56; the trace follows VPP so that the two print
     * the same line for the same packet.
     */
    static String dscpName(int dscp) {
        return switch (dscp) {
            case 0 -> "CS0";
            case 8 -> "CS1";
            case 10 -> "AF11";
            case 12 -> "AF12";
            case 14 -> "AF13";
            case 16 -> "CS2";
            case 18 -> "AF21";
            case 20 -> "AF22";
            case 22 -> "AF23";
            case 24 -> "CS3";
            case 26 -> "AF31";
            case 28 -> "AF32";
            case 30 -> "AF33";
            case 32 -> "CS4";
            case 34 -> "AF41";
            case 36 -> "AF42";
            case 38 -> "AF43";
            case 40 -> "CS5";
            case 46 -> "EF";
            case 48 -> "CS6";
            case 50 -> "CS7";
            default -> "unknown";
        };
    }

    /** The ECN code points of RFC 3168, as VPP prints them. */
    static String ecnName(int ecn) {
        return switch (ecn) {
            case 0 -> "NON_ECN";
            case 1 -> "ECT_0";
            case 2 -> "ECT_1";
            default -> "CE";
        };
    }
}
