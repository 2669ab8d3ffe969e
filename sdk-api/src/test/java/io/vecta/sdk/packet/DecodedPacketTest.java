package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.IP4_A;
import static io.vecta.sdk.packet.CapturedFrames.IP4_B;
import static io.vecta.sdk.packet.CapturedFrames.MAC_A;
import static io.vecta.sdk.packet.CapturedFrames.MAC_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Real frames decode to the values tshark gave for them (see {@link CapturedFrames}), and the
 * printed forms say what a reader needs.
 */
class DecodedPacketTest {

    private static final byte[] IP6_A = Ip6Address.parse("2001:db8::1");
    private static final byte[] IP6_B = Ip6Address.parse("2001:db8::2");
    private static final byte[] HELLO = "hello vecta".getBytes(StandardCharsets.US_ASCII);

    private static DecodedPacket captured(String hex) {
        return DecodedPacket.decode(CapturedFrames.bytes(hex));
    }

    private static List<Class<?>> classes(DecodedPacket packet) {
        return packet.layers().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void shouldDecodeCapturedUdpOverIp4() {
        DecodedPacket packet = captured(CapturedFrames.UDP4);

        assertThat(packet.ethernet()).isEqualTo(new EthernetLayer(MAC_B, MAC_A, Ethernet.ETHER_TYPE_IP4));
        Ip4Layer ip = packet.ip4();
        assertThat(ip.version()).isEqualTo(4);
        assertThat(ip.ihl()).isEqualTo(5);
        assertThat(ip.totalLength()).isEqualTo(39);
        assertThat(ip.identification()).isEqualTo(0x9026);
        assertThat(ip.isDontFragment()).isTrue();
        assertThat(ip.ttl()).isEqualTo(64);
        assertThat(ip.protocol()).isEqualTo(IpProtocol.UDP);
        assertThat(ip.checksum()).isEqualTo(new ChecksumCheck(0x269c, 0x269c, ChecksumCheck.Verdict.CORRECT));
        assertThat(ip.src()).isEqualTo(IP4_A);
        assertThat(ip.dst()).isEqualTo(IP4_B);
        assertThat(ip.options().isEmpty()).isTrue();
        assertThat(packet.udp()).isEqualTo(new UdpLayer(40000, 30000, 19,
                new ChecksumCheck(0xeb86, 0xeb86, ChecksumCheck.Verdict.CORRECT), LengthCheck.CORRECT));
        assertThat(packet.payload()).isEqualTo(HELLO);
        assertThat(packet.isValid()).isTrue();
        assertThat(packet.summary()).isEqualTo("Ether / IPv4 192.0.2.1 > 192.0.2.2 / UDP 40000 > 30000 / Raw 11");
    }

    @Test
    void shouldDecodeCapturedUdpOverIp6WithPseudoHeaderChecksum() {
        DecodedPacket packet = captured(CapturedFrames.UDP6);

        Ip6Layer ip = packet.ip6();
        assertThat(ip.version()).isEqualTo(6);
        assertThat(ip.flowLabel()).isEqualTo(0x58a4);
        assertThat(ip.payloadLength()).isEqualTo(19);
        assertThat(ip.nextHeader()).isEqualTo(IpProtocol.UDP);
        assertThat(ip.hopLimit()).isEqualTo(64);
        assertThat(ip.src()).isEqualTo(IP6_A);
        assertThat(ip.dst()).isEqualTo(IP6_B);
        assertThat(packet.udp().checksum().value()).isEqualTo(0x1416);
        assertThat(packet.udp().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.CORRECT);
        assertThat(packet.payload()).isEqualTo(HELLO);
        assertThat(packet.summary()).isEqualTo("Ether / IPv6 2001:db8::1 > 2001:db8::2 / UDP 40000 > 30000 / Raw 11");
    }

    @Test
    void shouldDecodeCapturedTcpSynWithItsOptions() {
        DecodedPacket packet = captured(CapturedFrames.TCP4_SYN);

        TcpLayer tcp = packet.tcp();
        assertThat(tcp.srcPort()).isEqualTo(33036);
        assertThat(tcp.dstPort()).isEqualTo(7000);
        assertThat(tcp.sequence()).isEqualTo(0xd016f97fL);
        assertThat(tcp.acknowledgment()).isZero();
        assertThat(tcp.dataOffset()).isEqualTo(10);
        assertThat(tcp.optionsLength()).isEqualTo(20);
        assertThat(tcp.options().get(0)).isEqualTo(2); // MSS
        assertThat(tcp.flags()).isEqualTo(Tcp.FLAG_SYN);
        assertThat(tcp.window()).isEqualTo(64240);
        assertThat(tcp.checksum().value()).isEqualTo(0xe911);
        assertThat(tcp.checksum().isCorrect()).isTrue();
        assertThat(packet.has(RawLayer.class)).isFalse();
        assertThat(packet.summary()).isEqualTo("Ether / IPv4 192.0.2.1 > 192.0.2.2 / TCP 33036 > 7000 S");
    }

    @Test
    void shouldDecodeCapturedTcpOverIp6AndTcpWithData() {
        DecodedPacket syn6 = captured(CapturedFrames.TCP6_SYN);
        assertThat(syn6.tcp().srcPort()).isEqualTo(46510);
        assertThat(syn6.tcp().checksum().value()).isEqualTo(0xa8cc);
        assertThat(syn6.isValid()).isTrue();

        DecodedPacket data = captured(CapturedFrames.TCP4_PSH_ACK);
        assertThat(data.tcp().hasFlags(Tcp.FLAG_PSH | Tcp.FLAG_ACK)).isTrue();
        assertThat(data.tcp().checksum().value()).isEqualTo(0x333c);
        assertThat(data.payload()).isEqualTo(HELLO);
        assertThat(data.summary()).endsWith("TCP 33036 > 7000 PA / Raw 11");
        assertThat(captured(CapturedFrames.TCP4_URG).tcp().urgentPointer()).isEqualTo(1);
        assertThat(captured(CapturedFrames.TCP4_RST_ACK).summary()).endsWith("TCP 8080 > 58602 RA");
    }

    @Test
    void shouldDecodeCapturedArpRequestAndReply() {
        DecodedPacket request = captured(CapturedFrames.ARP_REQUEST);
        assertThat(request.arp()).isEqualTo(new ArpLayer(1, Ethernet.ETHER_TYPE_IP4, 6, 4, Arp.OPCODE_REQUEST,
                MAC_A, IP4_A, 0, IP4_B));
        assertThat(request.summary()).isEqualTo("Ether / ARP who-has 192.0.2.2 tell 192.0.2.1");

        DecodedPacket reply = captured(CapturedFrames.ARP_REPLY);
        assertThat(reply.summary()).isEqualTo("Ether / ARP 192.0.2.2 is-at 02:fe:9a:bc:de:f0");
        assertThat(reply.isValid()).isTrue();
    }

    @Test
    void shouldDecodeCapturedEchoAndIcmp6() {
        DecodedPacket echo = captured(CapturedFrames.ICMP_ECHO_REQUEST);
        assertThat(echo.icmp().icmp6()).isFalse();
        assertThat(echo.icmp().type()).isEqualTo(Icmp.TYPE_ECHO_REQUEST);
        assertThat(echo.icmp().echoId()).isEqualTo(0x1909);
        assertThat(echo.icmp().echoSequence()).isEqualTo(1);
        assertThat(echo.icmp().checksum().value()).isEqualTo(0xc4bf);
        assertThat(echo.icmp().checksum().isCorrect()).isTrue();
        assertThat(echo.summary())
                .isEqualTo("Ether / IPv4 192.0.2.1 > 192.0.2.2 / ICMP echo-request id 6409 seq 1 / Raw 56");

        DecodedPacket solicitation = captured(CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION);
        assertThat(solicitation.icmp().icmp6()).isTrue();
        assertThat(solicitation.icmp().type()).isEqualTo(Icmp.TYPE6_NEIGHBOR_SOLICITATION);
        assertThat(solicitation.icmp().checksum().value()).isEqualTo(0xb27d);
        assertThat(solicitation.icmp().checksum().isCorrect()).isTrue();
        assertThat(solicitation.ip6().hopLimit()).isEqualTo(255);

        DecodedPacket echo6 = captured(CapturedFrames.ICMP6_ECHO_REQUEST);
        assertThat(echo6.ip6().trafficClass()).isEqualTo(0x6a);
        assertThat(echo6.icmp().checksum().isCorrect()).isTrue();
        assertThat(echo6.summary()).contains("ICMPv6 echo-request id 6489 seq 1");
    }

    @Test
    void shouldDecodeCapturedIp4OptionsAndFragments() {
        DecodedPacket recordRoute = captured(CapturedFrames.IP4_RECORD_ROUTE);
        assertThat(recordRoute.ip4().ihl()).isEqualTo(15);
        assertThat(recordRoute.ip4().options().length()).isEqualTo(40);
        assertThat(recordRoute.ip4().options().get(1)).isEqualTo(7); // record route after a NOP
        assertThat(recordRoute.ip4().tos()).isEqualTo(0xb9);
        assertThat(recordRoute.ip4().checksum().value()).isEqualTo(0xcc30);
        assertThat(recordRoute.isValid()).isTrue();

        DecodedPacket first = captured(CapturedFrames.IP4_FIRST_FRAGMENT);
        assertThat(first.ip4().isMoreFragments()).isTrue();
        assertThat(first.icmp().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.UNVERIFIED);
        assertThat(first.summary()).startsWith("Ether / IPv4 192.0.2.1 > 192.0.2.2 frag 0+ / ICMP echo-request");

        DecodedPacket last = captured(CapturedFrames.IP4_LAST_FRAGMENT);
        assertThat(last.ip4().fragmentOffset() * 8).isEqualTo(552);
        assertThat(classes(last)).containsExactly(EthernetLayer.class, Ip4Layer.class, RawLayer.class);
        assertThat(last.isValid()).isTrue();
    }

    @Test
    void shouldDecodeStackedVlanTagsOuterFirst() {
        DecodedPacket qinq = captured(CapturedFrames.QINQ_ICMP_ECHO_REQUEST);
        assertThat(qinq.vlans()).containsExactly(
                new VlanLayer(Ethernet.ETHER_TYPE_QINQ, 3, false, 200, Ethernet.ETHER_TYPE_VLAN),
                new VlanLayer(Ethernet.ETHER_TYPE_VLAN, 0, true, 300, Ethernet.ETHER_TYPE_IP4));
        assertThat(qinq.icmp().checksum().isCorrect()).isTrue();
        assertThat(qinq.summary()).startsWith("Ether / 802.1ad vlan 200 prio 3 / 802.1Q vlan 300 dei / IPv4");

        DecodedPacket tagged = captured(CapturedFrames.VLAN_ICMP_ECHO_REQUEST);
        assertThat(tagged.vlans()).containsExactly(
                new VlanLayer(Ethernet.ETHER_TYPE_VLAN, 5, false, 100, Ethernet.ETHER_TYPE_IP4));
    }

    @Test
    void shouldSplitEthernetPaddingFromThePayload() {
        byte[] frame = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).udp(1, 2).payload(new byte[] {7, 7})
                .padTo(60).build();

        DecodedPacket packet = DecodedPacket.decode(frame);

        assertThat(packet.payload()).containsExactly(7, 7);
        assertThat(packet.layer(PaddingLayer.class).bytes()).isEqualTo(Bytes.of(new byte[60 - 44]));
        assertThat(packet.isValid()).isTrue();
        assertThat(packet.summary()).endsWith("UDP 1 > 2 / Raw 2 / Padding 16");
    }

    @Test
    void shouldKeepIp6ExtensionHeadersOpaqueAndDecodeWhatFollows() {
        byte[] frame = PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).nextHeader(IpProtocol.HOP_BY_HOP)
                .payload(new byte[8]).build();
        // a hop-by-hop header of 8 bytes naming UDP, then a UDP header with a correct checksum
        byte[] udp = PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).udp(5, 6).payload(HELLO).build();
        byte[] withExtension = new byte[frame.length + udp.length - 54];
        System.arraycopy(frame, 0, withExtension, 0, frame.length);
        System.arraycopy(udp, 54, withExtension, frame.length, udp.length - 54);
        withExtension[54] = (byte) IpProtocol.UDP;
        withExtension[19] = (byte) (8 + udp.length - 54); // payload length low byte
        DecodedPacket packet = DecodedPacket.decode(withExtension);

        assertThat(classes(packet)).containsExactly(EthernetLayer.class, Ip6Layer.class, Ip6ExtensionLayer.class,
                UdpLayer.class, RawLayer.class);
        Ip6ExtensionLayer extension = packet.layer(Ip6ExtensionLayer.class);
        assertThat(extension.type()).isEqualTo(IpProtocol.HOP_BY_HOP);
        assertThat(extension.nextHeader()).isEqualTo(IpProtocol.UDP);
        assertThat(extension.length()).isEqualTo(8);
        assertThat(packet.udp().checksum().isCorrect()).isTrue();
        assertThat(packet.payload()).isEqualTo(HELLO);
        assertThat(packet.summary()).contains("/ IPv6Ext hop-by-hop 8 / UDP 5 > 6 /");
    }

    @Test
    void shouldTreatUnknownEtherTypesAndProtocolsAsPayload() {
        byte[] frame = PacketBuilder.ethernet(MAC_B, MAC_A).etherType(0x88b5).payload(HELLO).padTo(60).build();
        DecodedPacket unknown = DecodedPacket.decode(frame);
        assertThat(classes(unknown)).containsExactly(EthernetLayer.class, RawLayer.class);
        assertThat(unknown.payload()).hasSize(60 - 14);

        DecodedPacket gre = DecodedPacket.decode(PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B)
                .protocol(IpProtocol.GRE).payload(HELLO).build());
        assertThat(classes(gre)).containsExactly(EthernetLayer.class, Ip4Layer.class, RawLayer.class);
        assertThat(gre.payload()).isEqualTo(HELLO);
    }

    @Test
    void shouldDecodeFromAnIpHeaderWhenTheBytesStartThere() {
        byte[] frame = CapturedFrames.bytes(CapturedFrames.UDP4);
        DecodedPacket packet = DecodedPacket.decode(Arrays.copyOfRange(frame, 14, frame.length),
                DecodedPacket.Start.IP4);
        assertThat(packet.summary()).isEqualTo("IPv4 192.0.2.1 > 192.0.2.2 / UDP 40000 > 30000 / Raw 11");

        byte[] frame6 = CapturedFrames.bytes(CapturedFrames.UDP6);
        assertThat(DecodedPacket.decode(Arrays.copyOfRange(frame6, 14, frame6.length), DecodedPacket.Start.IP6)
                .udp().checksum().isCorrect()).isTrue();
    }

    @Test
    void shouldNameTheMissingLayerAndThePacketWhenAskedForOne() {
        DecodedPacket packet = captured(CapturedFrames.UDP4);
        assertThatThrownBy(packet::tcp).isInstanceOf(NoSuchElementException.class)
                .hasMessage("decoded packet has no TcpLayer: Ether / IPv4 192.0.2.1 > 192.0.2.2 / UDP 40000 > 30000 "
                        + "/ Raw 11");
        assertThat(packet.find(TcpLayer.class)).isEmpty();
    }

    @Test
    void shouldShowEveryFieldWithChecksumVerdicts() {
        String show = captured(CapturedFrames.UDP4).show();

        assertThat(show).isEqualTo("""
                ###[ Ethernet ]###
                  dst       = 02:fe:9a:bc:de:f0
                  src       = 02:fe:12:34:56:78
                  type      = 0x0800 (IPv4)
                ###[ IPv4 ]###
                  version   = 4
                  ihl       = 5 (20 bytes)
                  tos       = 0x00 (dscp 0, ecn 0)
                  len       = 39
                  id        = 0x9026
                  flags     = DF
                  frag      = 0 (0 bytes)
                  ttl       = 64
                  proto     = 17 (udp)
                  chksum    = 0x269c (correct)
                  src       = 192.0.2.1
                  dst       = 192.0.2.2
                  options   = none
                ###[ UDP ]###
                  sport     = 40000
                  dport     = 30000
                  len       = 19
                  chksum    = 0xeb86 (correct)
                ###[ Raw ]###
                  load      = 11 bytes: 68 65 6c 6c 6f 20 76 65 63 74 61
                """);
    }
}
