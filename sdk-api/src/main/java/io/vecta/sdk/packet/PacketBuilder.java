package io.vecta.sdk.packet;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds test frames: {@code Ethernet [/ VLAN tag]* [/ (ARP | IPv4 | IPv6) [/ (ICMP | UDP | TCP)]]
 * / payload}, into a {@code byte[]} or a memory segment at an offset.
 *
 * <pre>{@code
 * byte[] frame = PacketBuilder.ethernet(MacAddress.parse("02:fe:9a:bc:de:f0"), MacAddress.parse("02:fe:12:34:56:78"))
 *         .vlan(Ethernet.ETHER_TYPE_VLAN, 5, false, 100)
 *         .ip4(Ip4Address.parse("192.0.2.1"), Ip4Address.parse("192.0.2.2")).ttl(64).identification(0x1234)
 *         .udp(40000, 30000)
 *         .payload("hello".getBytes(StandardCharsets.US_ASCII))
 *         .build();
 * }</pre>
 *
 * <p>Layers are added outside-in, each after the one it sits in; a field setter applies to
 * the layer it names and needs that layer to be there. Every EtherType, the IPv4 protocol or
 * IPv6 next header, every length and every checksum is filled from what was built, unless set
 * explicitly; explicit values are written as given, so a test can build a bad packet (wrong
 * checksum, wrong version, a length that lies). Checksums are computed over the bytes actually
 * written, whatever the length fields claim. Unset fields are zero, except TTL and hop limit
 * (64). Nothing is padded unless {@link #padTo} asks for it.
 *
 * <p>A builder is mutable and not thread-safe; it serves tests and the packet generator's
 * set-up, never the per-packet path.
 */
public final class PacketBuilder {

    private static final int UNSET = -1;
    private static final byte[] NONE = new byte[0];

    private enum NetworkLayer { NONE, ARP, IP4, IP6 }

    private enum TransportLayer { NONE, ICMP, UDP, TCP }

    private final long dstMac;
    private final long srcMac;
    private final List<int[]> tags = new ArrayList<>();
    private int etherType = UNSET;

    private NetworkLayer network = NetworkLayer.NONE;
    private int arpOpcode;
    private long arpSenderMac;
    private int arpSenderIp;
    private long arpTargetMac;
    private int arpTargetIp;

    private int ip4Src;
    private int ip4Dst;
    private int tos;
    private int identification;
    private int flagsAndFragmentOffset;
    private int ttl = 64;
    private int ip4Version = Ip4.VERSION;
    private int ihl = UNSET;
    private int ip4TotalLength = UNSET;
    private int ip4Checksum = UNSET;
    private byte[] ip4Options = NONE;

    private byte[] ip6Src;
    private byte[] ip6Dst;
    private int trafficClass;
    private int flowLabel;
    private int hopLimit = 64;
    private int ip6Version = Ip6.VERSION;
    private int ip6PayloadLength = UNSET;

    /** IPv4 protocol or IPv6 next header when set explicitly. */
    private int protocol = UNSET;

    private TransportLayer transport = TransportLayer.NONE;
    private int icmpType;
    private int icmpCode;
    private int icmpRestOfHeader;
    private int srcPort;
    private int dstPort;
    private int udpLength = UNSET;
    private long sequence;
    private long acknowledgment;
    private int tcpFlags;
    private int window;
    private int urgentPointer;
    private int dataOffset = UNSET;
    private byte[] tcpOptions = NONE;
    private int transportChecksum = UNSET;

    private byte[] payload = NONE;
    private int padTo;

    private PacketBuilder(long dstMac, long srcMac) {
        this.dstMac = dstMac;
        this.srcMac = srcMac;
    }

    /** Starts a frame with its Ethernet header (addresses as in {@link MacAddress}). */
    public static PacketBuilder ethernet(long dstMac, long srcMac) {
        return new PacketBuilder(dstMac, srcMac);
    }

    /**
     * Adds a VLAN tag inside the ones already added: {@code tpid} is
     * {@link Ethernet#ETHER_TYPE_VLAN} (802.1Q) or {@link Ethernet#ETHER_TYPE_QINQ} (802.1ad).
     */
    public PacketBuilder vlan(int tpid, int pcp, boolean dei, int vid) {
        if (network != NetworkLayer.NONE) {
            throw misuse("vlan(...) adds a tag between the ethernet header and the network layer; call it before "
                    + layerCall(network));
        }
        tags.add(new int[] {tpid, Vlan.tci(pcp, dei, vid)});
        return this;
    }

    /** Overrides the EtherType that announces the network layer (the innermost one). */
    public PacketBuilder etherType(int etherType) {
        this.etherType = etherType;
        return this;
    }

    /** Adds an Ethernet/IPv4 ARP packet ({@link Arp#OPCODE_REQUEST} or {@link Arp#OPCODE_REPLY}). */
    public PacketBuilder arp(int opcode, long senderMac, int senderIp, long targetMac, int targetIp) {
        startNetwork(NetworkLayer.ARP);
        arpOpcode = opcode;
        arpSenderMac = senderMac;
        arpSenderIp = senderIp;
        arpTargetMac = targetMac;
        arpTargetIp = targetIp;
        return this;
    }

    /** Adds an IPv4 header (addresses as in {@link Ip4Address}). */
    public PacketBuilder ip4(int src, int dst) {
        startNetwork(NetworkLayer.IP4);
        ip4Src = src;
        ip4Dst = dst;
        return this;
    }

    /** The whole IPv4 type-of-service byte (DSCP and ECN). */
    public PacketBuilder tos(int tos) {
        require(NetworkLayer.IP4, "tos");
        this.tos = tos;
        return this;
    }

    public PacketBuilder identification(int identification) {
        require(NetworkLayer.IP4, "identification");
        this.identification = identification;
        return this;
    }

    /** The IPv4 flags and fragment offset word: {@code Ip4.FLAG_*} bits and the offset in 8-byte units. */
    public PacketBuilder flagsAndFragmentOffset(int word) {
        require(NetworkLayer.IP4, "flagsAndFragmentOffset");
        this.flagsAndFragmentOffset = word;
        return this;
    }

    public PacketBuilder ttl(int ttl) {
        require(NetworkLayer.IP4, "ttl");
        this.ttl = ttl;
        return this;
    }

    /** IPv4 options, already padded to a multiple of 4 bytes. */
    public PacketBuilder ip4Options(byte[] options) {
        require(NetworkLayer.IP4, "ip4Options");
        if (options.length % 4 != 0 || options.length > Ip4.MAX_HEADER_LENGTH - Ip4.MIN_HEADER_LENGTH) {
            throw misuse("ip4Options(...) takes up to 40 bytes in a multiple of 4 (pad with 0, end of options), got "
                    + options.length);
        }
        this.ip4Options = options.clone();
        return this;
    }

    /** Overrides the IPv4 version (4 unless set). */
    public PacketBuilder ip4Version(int version) {
        require(NetworkLayer.IP4, "ip4Version");
        this.ip4Version = version;
        return this;
    }

    /** Overrides the IPv4 header length field in 32-bit words (filled from the options unless set). */
    public PacketBuilder ihl(int words) {
        require(NetworkLayer.IP4, "ihl");
        this.ihl = words;
        return this;
    }

    /** Overrides the IPv4 total length (filled from what was built unless set). */
    public PacketBuilder ip4TotalLength(int length) {
        require(NetworkLayer.IP4, "ip4TotalLength");
        this.ip4TotalLength = length;
        return this;
    }

    /** Overrides the IPv4 header checksum (computed unless set). */
    public PacketBuilder ip4Checksum(int checksum) {
        require(NetworkLayer.IP4, "ip4Checksum");
        this.ip4Checksum = checksum;
        return this;
    }

    /** Overrides the IPv4 protocol, or names it when no transport layer follows. */
    public PacketBuilder protocol(int protocol) {
        require(NetworkLayer.IP4, "protocol");
        this.protocol = protocol;
        return this;
    }

    /** Adds an IPv6 header (16-byte addresses in wire order, as {@link Ip6Address#parse} gives). */
    public PacketBuilder ip6(byte[] src, byte[] dst) {
        startNetwork(NetworkLayer.IP6);
        ip6Src = Ip6Address.checkLength(src).clone();
        ip6Dst = Ip6Address.checkLength(dst).clone();
        return this;
    }

    public PacketBuilder trafficClass(int trafficClass) {
        require(NetworkLayer.IP6, "trafficClass");
        this.trafficClass = trafficClass;
        return this;
    }

    public PacketBuilder flowLabel(int flowLabel) {
        require(NetworkLayer.IP6, "flowLabel");
        this.flowLabel = flowLabel;
        return this;
    }

    public PacketBuilder hopLimit(int hopLimit) {
        require(NetworkLayer.IP6, "hopLimit");
        this.hopLimit = hopLimit;
        return this;
    }

    /** Overrides the IPv6 version (6 unless set). */
    public PacketBuilder ip6Version(int version) {
        require(NetworkLayer.IP6, "ip6Version");
        this.ip6Version = version;
        return this;
    }

    /** Overrides the IPv6 payload length (filled from what was built unless set). */
    public PacketBuilder ip6PayloadLength(int length) {
        require(NetworkLayer.IP6, "ip6PayloadLength");
        this.ip6PayloadLength = length;
        return this;
    }

    /**
     * Overrides the IPv6 next header; without a transport layer it is
     * {@link IpProtocol#NO_NEXT_HEADER} unless set.
     */
    public PacketBuilder nextHeader(int nextHeader) {
        require(NetworkLayer.IP6, "nextHeader");
        this.protocol = nextHeader;
        return this;
    }

    /**
     * Adds an ICMP header over IPv4, or an ICMPv6 header over IPv6: type, code and the second
     * 32-bit word.
     */
    public PacketBuilder icmp(int type, int code, int restOfHeader) {
        startTransport(TransportLayer.ICMP);
        icmpType = type;
        icmpCode = code;
        icmpRestOfHeader = restOfHeader;
        return this;
    }

    /** Adds an echo request or reply: {@code icmp(type, 0, id << 16 | sequence)}. */
    public PacketBuilder icmpEcho(int type, int id, int sequence) {
        NetworkOrder.checkField(id, 16, "icmp echo id");
        NetworkOrder.checkField(sequence, 16, "icmp echo sequence");
        return icmp(type, 0, id << 16 | sequence);
    }

    public PacketBuilder udp(int srcPort, int dstPort) {
        startTransport(TransportLayer.UDP);
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        return this;
    }

    /** Overrides the UDP length (filled from what was built unless set). */
    public PacketBuilder udpLength(int length) {
        require(TransportLayer.UDP, "udpLength");
        this.udpLength = length;
        return this;
    }

    public PacketBuilder tcp(int srcPort, int dstPort) {
        startTransport(TransportLayer.TCP);
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        return this;
    }

    /** The TCP sequence number (u32, low 32 bits written). */
    public PacketBuilder sequence(long sequence) {
        require(TransportLayer.TCP, "sequence");
        this.sequence = sequence;
        return this;
    }

    /** The TCP acknowledgment number (u32, low 32 bits written). */
    public PacketBuilder acknowledgment(long acknowledgment) {
        require(TransportLayer.TCP, "acknowledgment");
        this.acknowledgment = acknowledgment;
        return this;
    }

    /** The TCP flag byte, {@code Tcp.FLAG_*} ORed together. */
    public PacketBuilder tcpFlags(int flags) {
        require(TransportLayer.TCP, "tcpFlags");
        this.tcpFlags = flags;
        return this;
    }

    public PacketBuilder window(int window) {
        require(TransportLayer.TCP, "window");
        this.window = window;
        return this;
    }

    public PacketBuilder urgentPointer(int pointer) {
        require(TransportLayer.TCP, "urgentPointer");
        this.urgentPointer = pointer;
        return this;
    }

    /** TCP options, already padded to a multiple of 4 bytes. */
    public PacketBuilder tcpOptions(byte[] options) {
        require(TransportLayer.TCP, "tcpOptions");
        if (options.length % 4 != 0 || options.length > Tcp.MAX_HEADER_LENGTH - Tcp.MIN_HEADER_LENGTH) {
            throw misuse("tcpOptions(...) takes up to 40 bytes in a multiple of 4 (pad with 1, no-operation), got "
                    + options.length);
        }
        this.tcpOptions = options.clone();
        return this;
    }

    /** Overrides the TCP data offset in 32-bit words (filled from the options unless set). */
    public PacketBuilder dataOffset(int words) {
        require(TransportLayer.TCP, "dataOffset");
        this.dataOffset = words;
        return this;
    }

    /** Overrides the ICMP, UDP or TCP checksum (computed unless set). */
    public PacketBuilder transportChecksum(int checksum) {
        if (transport == TransportLayer.NONE) {
            throw misuse("transportChecksum(...) needs a transport layer; call icmp(...), udp(...) or tcp(...) first");
        }
        this.transportChecksum = checksum;
        return this;
    }

    /** The bytes after the last header. */
    public PacketBuilder payload(byte[] payload) {
        this.payload = payload.clone();
        return this;
    }

    /** Appends zero bytes after the payload until the frame is {@code frameLength} long (60 for Ethernet's minimum). */
    public PacketBuilder padTo(int frameLength) {
        this.padTo = frameLength;
        return this;
    }

    /** The length of the frame {@link #build} would produce. */
    public int length() {
        return Math.max(padTo, headersLength() + payload.length);
    }

    /** The frame as a new array. */
    public byte[] build() {
        byte[] frame = new byte[length()];
        writeTo(MemorySegment.ofArray(frame), 0);
        return frame;
    }

    /**
     * Writes the frame into {@code m} at {@code off} and returns its length.
     *
     * @throws IndexOutOfBoundsException when it does not fit
     */
    public int writeTo(MemorySegment m, long off) {
        int length = length();
        if (off < 0 || off > m.byteSize() - length) {
            throw new IndexOutOfBoundsException("packet builder: a frame of " + length + " bytes does not fit at offset "
                    + off + " of a segment of " + m.byteSize() + " bytes");
        }
        int networkType = networkEtherType();
        m.asSlice(off, length).fill((byte) 0);

        Ethernet.setDst(m, off, dstMac);
        Ethernet.setSrc(m, off, srcMac);
        Ethernet.setEtherType(m, off, tags.isEmpty() ? networkType : tags.getFirst()[0]);
        long at = off + Ethernet.HEADER_LENGTH;
        for (int i = 0; i < tags.size(); i++) {
            Vlan.setTci(m, at, tags.get(i)[1]);
            Vlan.setEtherType(m, at, i + 1 < tags.size() ? tags.get(i + 1)[0] : networkType);
            at += Vlan.TAG_LENGTH;
        }

        long l3 = at;
        long l4 = l3 + networkHeaderLength();
        long data = l4 + transportHeaderLength();
        int transportLength = transportHeaderLength() + payload.length;
        MemorySegment.copy(MemorySegment.ofArray(payload), 0, m, data, payload.length);

        switch (network) {
            case ARP -> writeArp(m, l3);
            case IP4 -> writeIp4Fields(m, l3, transportLength);
            case IP6 -> writeIp6(m, l3, transportLength);
            case NONE -> { }
        }
        switch (transport) {
            case ICMP -> writeIcmp(m, l4);
            case UDP -> writeUdp(m, l4, transportLength);
            case TCP -> writeTcp(m, l4);
            case NONE -> { }
        }
        if (transport != TransportLayer.NONE) {
            writeTransportChecksum(m, l3, l4, transportLength);
        }
        if (network == NetworkLayer.IP4) {
            int checksum = ip4Checksum != UNSET ? ip4Checksum
                    : Checksum.computeWithoutField(m, l3, networkHeaderLength(), Ip4.CHECKSUM_OFFSET, 0);
            Ip4.setChecksum(m, l3, checksum);
        }
        return length;
    }

    private void writeArp(MemorySegment m, long off) {
        Arp.setHardwareType(m, off, Arp.HARDWARE_TYPE_ETHERNET);
        Arp.setProtocolType(m, off, Ethernet.ETHER_TYPE_IP4);
        Arp.setHardwareSize(m, off, MacAddress.LENGTH);
        Arp.setProtocolSize(m, off, Ip4Address.LENGTH);
        Arp.setOpcode(m, off, arpOpcode);
        Arp.setSenderMac(m, off, arpSenderMac);
        Arp.setSenderIp(m, off, arpSenderIp);
        Arp.setTargetMac(m, off, arpTargetMac);
        Arp.setTargetIp(m, off, arpTargetIp);
    }

    private void writeIp4Fields(MemorySegment m, long off, int transportLength) {
        int headerLength = networkHeaderLength();
        Ip4.setVersionAndIhl(m, off, ip4Version, ihl != UNSET ? ihl : headerLength / 4);
        Ip4.setTos(m, off, tos);
        Ip4.setTotalLength(m, off, ip4TotalLength != UNSET ? ip4TotalLength : headerLength + transportLength);
        Ip4.setIdentification(m, off, identification);
        Ip4.setFlagsAndFragmentOffset(m, off, flagsAndFragmentOffset);
        Ip4.setTtl(m, off, ttl);
        Ip4.setProtocol(m, off, protocolNumber());
        Ip4.setSrc(m, off, ip4Src);
        Ip4.setDst(m, off, ip4Dst);
        MemorySegment.copy(MemorySegment.ofArray(ip4Options), 0, m, off + Ip4.MIN_HEADER_LENGTH, ip4Options.length);
    }

    private void writeIp6(MemorySegment m, long off, int transportLength) {
        Ip6.setVersionClassFlow(m, off, ip6Version, trafficClass, flowLabel);
        Ip6.setPayloadLength(m, off, ip6PayloadLength != UNSET ? ip6PayloadLength : transportLength);
        Ip6.setNextHeader(m, off, protocolNumber());
        Ip6.setHopLimit(m, off, hopLimit);
        Ip6.setSrc(m, off, ip6Src);
        Ip6.setDst(m, off, ip6Dst);
    }

    private void writeIcmp(MemorySegment m, long off) {
        Icmp.setType(m, off, icmpType);
        Icmp.setCode(m, off, icmpCode);
        Icmp.setRestOfHeader(m, off, icmpRestOfHeader);
    }

    private void writeUdp(MemorySegment m, long off, int transportLength) {
        Udp.setSrcPort(m, off, srcPort);
        Udp.setDstPort(m, off, dstPort);
        Udp.setLength(m, off, udpLength != UNSET ? udpLength : transportLength);
    }

    private void writeTcp(MemorySegment m, long off) {
        Tcp.setSrcPort(m, off, srcPort);
        Tcp.setDstPort(m, off, dstPort);
        Tcp.setSequence(m, off, sequence);
        Tcp.setAcknowledgment(m, off, acknowledgment);
        Tcp.setDataOffset(m, off, dataOffset != UNSET ? dataOffset : transportHeaderLength() / 4);
        Tcp.setFlags(m, off, tcpFlags);
        Tcp.setWindow(m, off, window);
        Tcp.setUrgentPointer(m, off, urgentPointer);
        MemorySegment.copy(MemorySegment.ofArray(tcpOptions), 0, m, off + Tcp.MIN_HEADER_LENGTH, tcpOptions.length);
    }

    private void writeTransportChecksum(MemorySegment m, long l3, long l4, int transportLength) {
        int fieldOffset = switch (transport) {
            case ICMP -> Icmp.CHECKSUM_OFFSET;
            case UDP -> Udp.CHECKSUM_OFFSET;
            default -> Tcp.CHECKSUM_OFFSET;
        };
        int checksum = transportChecksum;
        if (checksum == UNSET) {
            int pseudo;
            if (network == NetworkLayer.IP4) {
                pseudo = transport == TransportLayer.ICMP ? 0
                        : Checksum.pseudoHeaderSumIp4(m, l3, transportProtocol(), transportLength);
            } else {
                pseudo = Checksum.pseudoHeaderSumIp6(m, l3, transportProtocol(), transportLength);
            }
            checksum = Checksum.computeWithoutField(m, l4, transportLength, fieldOffset, pseudo);
            if (transport == TransportLayer.UDP && checksum == 0) {
                checksum = 0xffff; // zero would mean "no checksum"
            }
        }
        NetworkOrder.setU16(m, l4 + fieldOffset, NetworkOrder.checkField(checksum, 16, "transport checksum"));
    }

    private int headersLength() {
        return Ethernet.HEADER_LENGTH + Vlan.TAG_LENGTH * tags.size() + networkHeaderLength() + transportHeaderLength();
    }

    private int networkHeaderLength() {
        return switch (network) {
            case NONE -> 0;
            case ARP -> Arp.LENGTH;
            case IP4 -> Ip4.MIN_HEADER_LENGTH + ip4Options.length;
            case IP6 -> Ip6.HEADER_LENGTH;
        };
    }

    private int transportHeaderLength() {
        return switch (transport) {
            case NONE -> 0;
            case ICMP -> Icmp.HEADER_LENGTH;
            case UDP -> Udp.HEADER_LENGTH;
            case TCP -> Tcp.MIN_HEADER_LENGTH + tcpOptions.length;
        };
    }

    private int networkEtherType() {
        if (etherType != UNSET) {
            return etherType;
        }
        return switch (network) {
            case ARP -> Ethernet.ETHER_TYPE_ARP;
            case IP4 -> Ethernet.ETHER_TYPE_IP4;
            case IP6 -> Ethernet.ETHER_TYPE_IP6;
            case NONE -> throw misuse("nothing after the ethernet header gives the ether type; add arp(...), ip4(...) "
                    + "or ip6(...), or call etherType(...)");
        };
    }

    /** The IPv4 protocol or IPv6 next header to write: explicit, else from the transport layer. */
    private int protocolNumber() {
        if (protocol != UNSET) {
            return protocol;
        }
        if (transport != TransportLayer.NONE) {
            return transportProtocol();
        }
        if (network == NetworkLayer.IP6) {
            return IpProtocol.NO_NEXT_HEADER;
        }
        throw misuse("an ip4 layer without a transport layer needs protocol(...) to say what the payload is");
    }

    private int transportProtocol() {
        return switch (transport) {
            case ICMP -> network == NetworkLayer.IP6 ? IpProtocol.ICMP6 : IpProtocol.ICMP;
            case UDP -> IpProtocol.UDP;
            case TCP -> IpProtocol.TCP;
            case NONE -> throw new IllegalStateException("no transport layer");
        };
    }

    private void startNetwork(NetworkLayer layer) {
        if (network != NetworkLayer.NONE) {
            throw misuse(layerCall(layer) + " adds a second network layer after " + layerCall(network)
                    + "; a frame carries one");
        }
        network = layer;
    }

    private void startTransport(TransportLayer layer) {
        if (network != NetworkLayer.IP4 && network != NetworkLayer.IP6) {
            throw misuse(layer.name().toLowerCase() + "(...) needs an ip4 or ip6 layer first, found "
                    + (network == NetworkLayer.NONE ? "none" : layerCall(network)));
        }
        if (transport != TransportLayer.NONE) {
            throw misuse(layer.name().toLowerCase() + "(...) adds a second transport layer after "
                    + transport.name().toLowerCase() + "(...)");
        }
        transport = layer;
    }

    private void require(NetworkLayer layer, String setter) {
        if (network != layer) {
            throw misuse(setter + "(...) sets a field of the " + layer.name().toLowerCase() + " header; call "
                    + layerCall(layer) + " first" + (network == NetworkLayer.NONE ? "" : " (the frame has "
                    + layerCall(network) + ")"));
        }
    }

    private void require(TransportLayer layer, String setter) {
        if (transport != layer) {
            throw misuse(setter + "(...) sets a field of the " + layer.name().toLowerCase() + " header; call "
                    + layer.name().toLowerCase() + "(...) first");
        }
    }

    private static String layerCall(NetworkLayer layer) {
        return layer.name().toLowerCase() + "(...)";
    }

    private static IllegalStateException misuse(String message) {
        return new IllegalStateException("packet builder: " + message);
    }
}
