package io.vecta.sdk.packet;

import java.util.List;

/**
 * Header lines for packet traces in the layout VPP's {@code show trace} prints them
 * ({@code format_ethernet_header}, {@code format_ip4_header}, {@code format_ip6_header},
 * {@code format_udp_header}, {@code format_tcp_header} and the ICMP and ICMPv6 header formats),
 * so a person who reads VPP traces reads ours the same way:
 *
 * <pre>
 * IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
 * UDP: 192.0.2.1 -> 192.0.2.2
 *   tos 0x00, ttl 64, length 39, checksum 0x269c dscp CS0 ecn NON_ECN
 *   fragment id 0x9026, flags DONT_FRAGMENT
 * UDP: 40000 -> 30000
 *   length 19, checksum 0xeb86
 *
 * TCP: 2001:db8::1 -> 2001:db8::2
 *   tos 0x00, flow label 0x9165f, hop limit 64, payload length 40
 * TCP: 46510 -> 8080
 *   seq. 0xe2045043 ack 0x00000000
 *   flags 0x02 SYN, tcp header: 40 bytes
 *   window 64800, checksum 0xa8cc
 *
 * ICMP6: 2001:db8::1 -> 2001:db8::2
 *   tos 0x6a, flow label 0xa7ca8, hop limit 64, payload length 64
 * ICMP echo_request checksum 0xbe6e
 * </pre>
 *
 * <p>The Ethernet line names the innermost EtherType, then source before destination, then up
 * to two VLAN tags, each labelled by the outermost tag's TPID as VPP labels them. The IPv4
 * block starts with the protocol's name, adds a {@code version, header length} line only when
 * either is unusual, appends {@code (should be 0x....)} to a wrong checksum and names DSCP and
 * ECN; the fragment line gives the offset in bytes and the flags by name. The IPv6 block adds a
 * {@code version} line only when the version is not 6. The TCP block names the flags after their
 * hex and says {@code options: truncated} when the options do not fit; ICMP prints the type and
 * code by name and the checksum in hex without leading zeros, an echo's identifier over IPv4 and
 * a neighbor solicitation's or advertisement's target over IPv6, as VPP does.
 *
 * <p>Each header is followed by the next one that VPP has a format for, as far as the bytes go;
 * a header that does not fit prints VPP's {@code ... header truncated}. What VPP would not
 * format (a later fragment's payload, IPv6 extension headers, an unknown protocol or EtherType)
 * ends the text.
 *
 * <p>The input is a {@link DecodedPacket} of the bytes a trace kept, starting at an Ethernet,
 * IPv4 or IPv6 header, so the trace and the test kit share one decoder. The result says where
 * the formatted headers end, so a trace can show the bytes after them in hex. Lines are
 * separated by {@code '\n'} with no final newline; the caller indents the block as its trace
 * needs. Not for the per-packet path: it allocates.
 */
public final class VppHeaderFormat {

    /**
     * The formatted headers and how far they reach.
     *
     * @param text   the lines, separated by {@code '\n'}
     * @param length the bytes from the start of the decoded packet that the lines show; the
     *               bytes after them (payload, TCP options, the undecoded rest) are the caller's
     *               to show
     */
    public record Headers(String text, int length) {
    }

    private static final String INDENT = "  ";
    /** The TCP flag bits from the lowest up, as VPP names them. */
    private static final List<String> TCP_FLAG_NAMES = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR");
    /** VPP's Ethernet header holds at most two tags. */
    private static final int MAX_TAGS = 2;
    /** VPP's ICMP header is type, code and checksum; the rest of the message follows it. */
    private static final int VPP_ICMP_HEADER_LENGTH = 4;
    /** A neighbor solicitation or advertisement up to the end of its target address. */
    private static final int NEIGHBOR_MESSAGE_LENGTH = 24;

    private final List<Layer> layers;
    private final StringBuilder text = new StringBuilder();
    private int end;

    private VppHeaderFormat(List<Layer> layers) {
        this.layers = layers;
    }

    /**
     * The trace of a decoded packet from its first header: an Ethernet frame
     * ({@link DecodedPacket#decode(byte[])}) or a buffer that starts at its IPv4 or IPv6 header
     * ({@link DecodedPacket#decode(byte[], DecodedPacket.Start)}).
     */
    public static Headers format(DecodedPacket packet) {
        VppHeaderFormat format = new VppHeaderFormat(packet.layers());
        Layer first = packet.layers().getFirst();
        if (first instanceof EthernetLayer || isTruncated(first, "Ethernet header")) {
            format.ethernet();
        } else if (first instanceof Ip4Layer || isTruncated(first, "IPv4 header")) {
            format.ip4(0);
        } else if (first instanceof Ip6Layer || isTruncated(first, "IPv6 header")) {
            format.ip6(0);
        } else {
            throw new IllegalArgumentException("vpp header format: the packet starts with no Ethernet, IPv4 or IPv6 "
                    + "header: " + packet.summary());
        }
        return new Headers(format.text.toString(), format.end);
    }

    /** The layer at {@code index}, or null past the last one. */
    private Layer layer(int index) {
        return index < layers.size() ? layers.get(index) : null;
    }

    private void ethernet() {
        if (!(layers.getFirst() instanceof EthernetLayer ethernet)) {
            text.append("ethernet header truncated");
            return;
        }
        int next = 1;
        int type = ethernet.etherType();
        StringBuilder tags = new StringBuilder();
        String tagLabel = type == Ethernet.ETHER_TYPE_VLAN ? " 802.1q vlan " : " 802.1ad vlan ";
        while (Vlan.isTagType(type) && next <= MAX_TAGS) {
            if (!(layer(next) instanceof VlanLayer tag)) {
                text.append("ethernet header truncated");
                return;
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
        text.append(etherTypeName(type)).append(": ").append(MacAddress.format(ethernet.src())).append(" -> ")
                .append(MacAddress.format(ethernet.dst())).append(tags);
        end = Ethernet.HEADER_LENGTH + (next - 1) * Vlan.TAG_LENGTH;
        if (!startsBytes(layer(next))) {
            return;
        }
        if (type == Ethernet.ETHER_TYPE_IP4) {
            text.append('\n');
            ip4(next);
        } else if (type == Ethernet.ETHER_TYPE_IP6) {
            text.append('\n');
            ip6(next);
        }
    }

    private void ip4(int index) {
        if (!(layer(index) instanceof Ip4Layer ip)) {
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
        end += Ip4.MIN_HEADER_LENGTH + ip.options().length();
        if (offsetBytes == 0) {
            transport(index + 1);
        }
    }

    private void ip6(int index) {
        if (!(layer(index) instanceof Ip6Layer ip)) {
            text.append("IP header truncated");
            return;
        }
        text.append(vppProtocolName(ip.nextHeader())).append(": ").append(Ip6Address.format(ip.srcHi(), ip.srcLo()))
                .append(" -> ").append(Ip6Address.format(ip.dstHi(), ip.dstLo()));
        if (ip.version() != Ip6.VERSION) {
            text.append('\n').append(INDENT).append("version ").append(ip.version());
        }
        text.append('\n').append(INDENT).append(String.format(
                "tos 0x%02x, flow label 0x%x, hop limit %d, payload length %d", ip.trafficClass(), ip.flowLabel(),
                ip.hopLimit(), ip.payloadLength()));
        end += Ip6.HEADER_LENGTH;
        transport(index + 1);
    }

    /**
     * The header after an IP header, when VPP has a format for it and bytes follow. The decoder
     * makes an {@link IcmpLayer} only where it belongs (ICMP over IPv4, ICMPv6 over IPv6) and an
     * extension header or unknown protocol into layers that end the text here.
     */
    private void transport(int index) {
        Layer next = layer(index);
        if (!startsBytes(next)) {
            return;
        }
        switch (next) {
            case UdpLayer udp -> udp(udp);
            case TcpLayer tcp -> tcp(tcp, layer(index + 1));
            case IcmpLayer icmp -> icmp(icmp, layer(index + 1));
            case TruncatedLayer cut when cut.what().equals("UDP header") -> text.append("\nUDP header truncated");
            case TruncatedLayer cut when cut.what().equals("TCP header") -> text.append("\nTCP header truncated");
            case TruncatedLayer cut when cut.what().equals("ICMP header") || cut.what().equals("ICMPv6 header") ->
                    text.append("\nICMP header truncated");
            default -> {
            }
        }
    }

    private void udp(UdpLayer udp) {
        text.append("\nUDP: ").append(udp.srcPort()).append(" -> ").append(udp.dstPort()).append('\n').append(INDENT)
                .append("length ").append(udp.length()).append(", checksum ").append(LayerText.hex16(udp.checksum()
                        .value()));
        end += Udp.HEADER_LENGTH;
    }

    /** VPP's TCP block; the options stay for the caller's hex, as VPP's option decoding is not reproduced. */
    private void tcp(TcpLayer tcp, Layer after) {
        text.append("\nTCP: ").append(tcp.srcPort()).append(" -> ").append(tcp.dstPort());
        text.append('\n').append(INDENT).append(String.format("seq. 0x%08x ack 0x%08x", tcp.sequence(),
                tcp.acknowledgment()));
        text.append('\n').append(INDENT).append(String.format("flags 0x%02x", tcp.flags())).append(tcpFlagNames(
                tcp.flags())).append(", tcp header: ").append(tcp.headerLength()).append(" bytes");
        text.append('\n').append(INDENT).append(String.format("window %d, checksum 0x%04x", tcp.window(),
                tcp.checksum().value()));
        if (isTruncated(after, "TCP header with options")) {
            text.append('\n').append(INDENT).append("options: truncated");
        }
        end += Tcp.MIN_HEADER_LENGTH;
    }

    private void icmp(IcmpLayer icmp, Layer after) {
        text.append("\nICMP ").append(VppIcmpNames.typeAndCode(icmp.icmp6(), icmp.type(), icmp.code()))
                .append(" checksum 0x").append(Integer.toHexString(icmp.checksum().value()));
        end += VPP_ICMP_HEADER_LENGTH;
        if (!icmp.icmp6() && icmp.isEcho()) {
            text.append(" id ").append(icmp.echoId());
        }
        boolean neighbor = icmp.icmp6() && (icmp.type() == Icmp.TYPE6_NEIGHBOR_SOLICITATION
                || icmp.type() == Icmp.TYPE6_NEIGHBOR_ADVERTISEMENT);
        if (neighbor && after instanceof RawLayer message && message.bytes().length() >= Ip6Address.LENGTH) {
            byte[] target = new byte[Ip6Address.LENGTH];
            for (int i = 0; i < target.length; i++) {
                target[i] = (byte) message.bytes().get(i);
            }
            text.append('\n').append(INDENT).append("target address ").append(Ip6Address.format(target));
            end += NEIGHBOR_MESSAGE_LENGTH - VPP_ICMP_HEADER_LENGTH;
        }
    }

    /** VPP's names for the TCP flags that are set, each after a space, lowest bit first. */
    private static String tcpFlagNames(int flags) {
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < TCP_FLAG_NAMES.size(); bit++) {
            if ((flags & 1 << bit) != 0) {
                text.append(' ').append(TCP_FLAG_NAMES.get(bit));
            }
        }
        return text.toString();
    }

    /**
     * True when bytes follow the previous header: VPP formats the next header only then, and
     * calls it truncated when some but too few are there.
     */
    private static boolean startsBytes(Layer layer) {
        return layer != null && !(layer instanceof PaddingLayer)
                && !(layer instanceof TruncatedLayer cut && cut.present() == 0);
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
