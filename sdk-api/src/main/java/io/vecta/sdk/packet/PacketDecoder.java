package io.vecta.sdk.packet;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a frame's bytes outside-in and turns each header into its {@link Layer}, for
 * {@link DecodedPacket#decode}. One decoder serves one frame.
 *
 * <p>The walk keeps two positions: {@code at}, the first byte not yet decoded, and
 * {@code end}, where the innermost length field says the packet ends (the frame's end until an
 * IP or UDP header says otherwise; it may lie beyond the bytes present). A header that does not
 * fit in the bytes present ends the walk with a {@link TruncatedLayer}, after the header's own
 * layer when only its options are cut. Otherwise the walk ends with the payload up to
 * {@code end} ({@link RawLayer}), the bytes after it ({@link PaddingLayer}), and a
 * {@link TruncatedLayer} when a length field claimed more bytes than the frame has. Every read
 * is preceded by a length check, so no content makes the walk throw.
 */
final class PacketDecoder {

    private final byte[] frame;
    private final MemorySegment m;
    private final List<Layer> layers = new ArrayList<>();

    private int at;
    private int end;
    private boolean endClaimed;
    /** The outermost length claim that runs past the frame: what made it, where it starts, how long it says. */
    private String overrun = "";
    private int overrunStart;
    private int overrunLength;

    /** Where the IP header of the current packet starts, and its version (0 before one). */
    private int ipOffset;
    private int ipVersion;
    /** True when the IP packet is one fragment of a larger one, so transport checksums cannot be verified. */
    private boolean fragment;

    private PacketDecoder(byte[] frame) {
        this.frame = frame;
        this.m = MemorySegment.ofArray(frame);
        this.end = frame.length;
    }

    static List<Layer> decode(byte[] frame, DecodedPacket.Start start) {
        PacketDecoder decoder = new PacketDecoder(frame);
        boolean complete = switch (start) {
            case ETHERNET -> decoder.ethernet();
            case IP4 -> decoder.ip4();
            case IP6 -> decoder.ip6();
        };
        if (complete) {
            decoder.finish();
        }
        return List.copyOf(decoder.layers);
    }

    private int present() {
        return frame.length - at;
    }

    /** Adds a truncation marker when {@code needed} bytes are not there; true when they are. */
    private boolean fits(String what, int needed) {
        if (needed <= present()) {
            return true;
        }
        layers.add(new TruncatedLayer(what, needed, present()));
        return false;
    }

    /**
     * Narrows the packet's end to {@code length} bytes from {@code start} when that is nearer,
     * and remembers the outermost claim that runs past the frame for the truncation marker.
     */
    private void claimEnd(String owner, int start, int length) {
        if (start + length > frame.length && overrun.isEmpty()) {
            overrun = owner;
            overrunStart = start;
            overrunLength = length;
        }
        if (start + length <= end || !endClaimed) {
            end = start + length;
            endClaimed = true;
        }
    }

    private boolean ethernet() {
        if (!fits("Ethernet header", Ethernet.HEADER_LENGTH)) {
            return false;
        }
        int type = Ethernet.etherType(m, at);
        layers.add(new EthernetLayer(Ethernet.dst(m, at), Ethernet.src(m, at), type));
        at += Ethernet.HEADER_LENGTH;
        while (Vlan.isTagType(type)) {
            if (!fits(type == Ethernet.ETHER_TYPE_QINQ ? "802.1ad tag" : "802.1Q tag", Vlan.TAG_LENGTH)) {
                return false;
            }
            int inner = Vlan.etherType(m, at);
            layers.add(new VlanLayer(type, Vlan.pcp(m, at), Vlan.dei(m, at), Vlan.vid(m, at), inner));
            at += Vlan.TAG_LENGTH;
            type = inner;
        }
        return switch (type) {
            case Ethernet.ETHER_TYPE_IP4 -> ip4();
            case Ethernet.ETHER_TYPE_IP6 -> ip6();
            case Ethernet.ETHER_TYPE_ARP -> arp();
            default -> true;
        };
    }

    private boolean arp() {
        if (!fits("ARP packet", Arp.LENGTH)) {
            return false;
        }
        layers.add(new ArpLayer(Arp.hardwareType(m, at), Arp.protocolType(m, at), Arp.hardwareSize(m, at),
                Arp.protocolSize(m, at), Arp.opcode(m, at), Arp.senderMac(m, at), Arp.senderIp(m, at),
                Arp.targetMac(m, at), Arp.targetIp(m, at)));
        at += Arp.LENGTH;
        // ARP has no length field: whatever follows its 28 bytes pads the frame
        claimEnd("ARP packet", at, 0);
        return true;
    }

    private boolean ip4() {
        if (!fits("IPv4 header", Ip4.MIN_HEADER_LENGTH)) {
            return false;
        }
        int ihl = Ip4.ihl(m, at);
        int headerLength = Math.max(ihl * 4, Ip4.MIN_HEADER_LENGTH);
        int headerPresent = Math.min(headerLength, present());
        int totalLength = Ip4.totalLength(m, at);
        LengthCheck length;
        if (headerLength > headerPresent) {
            length = LengthCheck.incorrect("header length " + headerLength + " exceeds the " + present()
                    + " bytes present");
        } else if (ihl * 4 < Ip4.MIN_HEADER_LENGTH) {
            length = LengthCheck.incorrect("ihl " + ihl + " is below 5 words");
        } else if (totalLength < headerLength) {
            length = LengthCheck.incorrect("total length " + totalLength + " is below the header length "
                    + headerLength);
        } else if (totalLength > present()) {
            length = LengthCheck.incorrect("total length " + totalLength + " exceeds the " + present()
                    + " bytes present");
        } else {
            length = LengthCheck.CORRECT;
        }
        int checksumField = Ip4.checksum(m, at);
        ChecksumCheck checksum = headerLength > headerPresent ? ChecksumCheck.unverified(checksumField)
                : ChecksumCheck.of(checksumField,
                        Checksum.computeWithoutField(m, at, headerLength, Ip4.CHECKSUM_OFFSET, 0),
                        Checksum.compute(m, at, headerLength) == 0);
        Ip4Layer layer = new Ip4Layer(Ip4.version(m, at), ihl, Ip4.tos(m, at), totalLength,
                Ip4.identification(m, at), Ip4.flagsAndFragmentOffset(m, at), Ip4.ttl(m, at), Ip4.protocol(m, at),
                checksum, Ip4.src(m, at), Ip4.dst(m, at),
                Bytes.copyOf(frame, at + Ip4.MIN_HEADER_LENGTH, at + headerPresent), length);
        layers.add(layer);
        if (!fits("IPv4 header with options", headerLength)) {
            return false;
        }
        if (totalLength >= headerLength) {
            claimEnd("IPv4 datagram", at, totalLength);
        }
        ipOffset = at;
        ipVersion = Ip4.VERSION;
        fragment = layer.isFragment();
        at += headerLength;
        if (layer.fragmentOffset() != 0) {
            return true; // a later fragment carries the middle of a payload, not a transport header
        }
        return transport(layer.protocol());
    }

    private boolean ip6() {
        if (!fits("IPv6 header", Ip6.HEADER_LENGTH)) {
            return false;
        }
        int payloadLength = Ip6.payloadLength(m, at);
        int payloadPresent = present() - Ip6.HEADER_LENGTH;
        LengthCheck length = payloadLength > payloadPresent
                ? LengthCheck.incorrect("payload length " + payloadLength + " exceeds the " + payloadPresent
                        + " bytes present")
                : LengthCheck.CORRECT;
        int nextHeader = Ip6.nextHeader(m, at);
        layers.add(new Ip6Layer(Ip6.version(m, at), Ip6.trafficClass(m, at), Ip6.flowLabel(m, at), payloadLength,
                nextHeader, Ip6.hopLimit(m, at), Ip6.srcHi(m, at), Ip6.srcLo(m, at), Ip6.dstHi(m, at),
                Ip6.dstLo(m, at), length));
        claimEnd("IPv6 packet", at, Ip6.HEADER_LENGTH + payloadLength);
        ipOffset = at;
        ipVersion = Ip6.VERSION;
        at += Ip6.HEADER_LENGTH;
        while (isExtensionHeader(nextHeader)) {
            String what = "IPv6 " + IpProtocol.name(nextHeader) + " header";
            if (!fits(what, 2)) {
                return false;
            }
            int lengthByte = frame[at + 1] & 0xff;
            int extensionLength = switch (nextHeader) {
                case IpProtocol.FRAGMENT -> 8;
                case IpProtocol.AH -> (lengthByte + 2) * 4;
                default -> (lengthByte + 1) * 8;
            };
            if (!fits(what, extensionLength)) {
                return false;
            }
            int following = frame[at] & 0xff;
            layers.add(new Ip6ExtensionLayer(nextHeader, following, Bytes.copyOf(frame, at, at + extensionLength)));
            boolean laterFragment = false;
            if (nextHeader == IpProtocol.FRAGMENT) {
                int offsetAndFlags = NetworkOrder.u16(m, at + 2);
                fragment = true;
                laterFragment = (offsetAndFlags >>> 3) != 0;
            }
            at += extensionLength;
            nextHeader = following;
            if (laterFragment) {
                return true;
            }
        }
        return transport(nextHeader);
    }

    private static boolean isExtensionHeader(int nextHeader) {
        return nextHeader == IpProtocol.HOP_BY_HOP || nextHeader == IpProtocol.ROUTING
                || nextHeader == IpProtocol.FRAGMENT || nextHeader == IpProtocol.DESTINATION_OPTIONS
                || nextHeader == IpProtocol.AH;
    }

    private boolean transport(int protocol) {
        return switch (protocol) {
            case IpProtocol.ICMP -> ipVersion != Ip4.VERSION || icmp(false);
            case IpProtocol.ICMP6 -> ipVersion != Ip6.VERSION || icmp(true);
            case IpProtocol.UDP -> udp();
            case IpProtocol.TCP -> tcp();
            default -> true;
        };
    }

    private boolean icmp(boolean icmp6) {
        if (!fits(icmp6 ? "ICMPv6 header" : "ICMP header", Icmp.HEADER_LENGTH)) {
            return false;
        }
        int protocol = icmp6 ? IpProtocol.ICMP6 : IpProtocol.ICMP;
        ChecksumCheck checksum = transportChecksum(protocol, end - at, Icmp.CHECKSUM_OFFSET, Icmp.checksum(m, at));
        layers.add(new IcmpLayer(icmp6, Icmp.type(m, at), Icmp.code(m, at), checksum, Icmp.restOfHeader(m, at)));
        at += Icmp.HEADER_LENGTH;
        return true;
    }

    private boolean udp() {
        if (!fits("UDP header", Udp.HEADER_LENGTH)) {
            return false;
        }
        int udpLength = Udp.length(m, at);
        int ipCarries = end - at;
        LengthCheck length;
        if (udpLength < Udp.HEADER_LENGTH) {
            length = LengthCheck.incorrect("length " + udpLength + " is below the 8-byte header");
        } else if (udpLength != ipCarries) {
            length = LengthCheck.incorrect("length " + udpLength + " but the IP packet carries " + ipCarries);
        } else {
            length = LengthCheck.CORRECT;
        }
        int field = Udp.checksum(m, at);
        ChecksumCheck checksum;
        if (field == Udp.NO_CHECKSUM && ipVersion == Ip4.VERSION) {
            checksum = ChecksumCheck.absent();
        } else if (udpLength < Udp.HEADER_LENGTH) {
            checksum = ChecksumCheck.unverified(field);
        } else {
            checksum = transportChecksum(IpProtocol.UDP, udpLength, Udp.CHECKSUM_OFFSET, field);
        }
        layers.add(new UdpLayer(Udp.srcPort(m, at), Udp.dstPort(m, at), udpLength, checksum, length));
        if (udpLength >= Udp.HEADER_LENGTH) {
            claimEnd("UDP datagram", at, udpLength);
        }
        at += Udp.HEADER_LENGTH;
        return true;
    }

    private boolean tcp() {
        if (!fits("TCP header", Tcp.MIN_HEADER_LENGTH)) {
            return false;
        }
        int dataOffset = Tcp.dataOffset(m, at);
        int headerLength = Math.max(dataOffset * 4, Tcp.MIN_HEADER_LENGTH);
        int headerPresent = Math.min(headerLength, present());
        int segment = end - at;
        LengthCheck length;
        if (headerLength > headerPresent) {
            length = LengthCheck.incorrect("header length " + headerLength + " exceeds the " + present()
                    + " bytes present");
        } else if (dataOffset * 4 < Tcp.MIN_HEADER_LENGTH) {
            length = LengthCheck.incorrect("data offset " + dataOffset + " is below 5 words");
        } else if (headerLength > segment) {
            length = LengthCheck.incorrect("header length " + headerLength + " exceeds the " + segment
                    + "-byte segment");
        } else {
            length = LengthCheck.CORRECT;
        }
        ChecksumCheck checksum = transportChecksum(IpProtocol.TCP, segment, Tcp.CHECKSUM_OFFSET, Tcp.checksum(m, at));
        layers.add(new TcpLayer(Tcp.srcPort(m, at), Tcp.dstPort(m, at), Tcp.sequence(m, at), Tcp.acknowledgment(m, at),
                dataOffset, Tcp.flags(m, at), Tcp.window(m, at), checksum, Tcp.urgentPointer(m, at),
                Bytes.copyOf(frame, at + Tcp.MIN_HEADER_LENGTH, at + headerPresent), length));
        if (!fits("TCP header with options", headerLength)) {
            return false;
        }
        at += headerLength;
        return true;
    }

    /**
     * Checks the checksum of the {@code length}-byte transport segment at {@code at}, with the
     * pseudo-header of the enclosing IP packet (none for ICMPv4).
     */
    private ChecksumCheck transportChecksum(int protocol, int length, int fieldOffset, int field) {
        if (fragment || length < fieldOffset + 2 || at + length > frame.length) {
            return ChecksumCheck.unverified(field);
        }
        int pseudo;
        if (ipVersion == Ip6.VERSION) {
            pseudo = Checksum.pseudoHeaderSumIp6(m, ipOffset, protocol, length);
        } else {
            pseudo = protocol == IpProtocol.ICMP ? 0 : Checksum.pseudoHeaderSumIp4(m, ipOffset, protocol, length);
        }
        int expected = Checksum.computeWithoutField(m, at, length, fieldOffset, pseudo);
        boolean correct = Checksum.complement(Checksum.sum(m, at, length, pseudo)) == 0;
        if (protocol == IpProtocol.UDP) {
            expected = expected == 0 ? 0xffff : expected; // zero on the wire means "no checksum"
            correct = correct && field != Udp.NO_CHECKSUM;
        }
        return ChecksumCheck.of(field, expected, correct);
    }

    private void finish() {
        int payloadEnd = Math.min(end, frame.length);
        if (at < payloadEnd) {
            layers.add(new RawLayer(Bytes.copyOf(frame, at, payloadEnd)));
        }
        int paddingStart = Math.max(at, end);
        if (paddingStart < frame.length) {
            layers.add(new PaddingLayer(Bytes.copyOf(frame, paddingStart, frame.length)));
        }
        if (!overrun.isEmpty()) {
            layers.add(new TruncatedLayer(overrun, overrunLength, frame.length - overrunStart));
        }
    }
}
