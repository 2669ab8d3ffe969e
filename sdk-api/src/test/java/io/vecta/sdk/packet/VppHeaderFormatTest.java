package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.IP4_A;
import static io.vecta.sdk.packet.CapturedFrames.IP4_B;
import static io.vecta.sdk.packet.CapturedFrames.MAC_A;
import static io.vecta.sdk.packet.CapturedFrames.MAC_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Captured frames print in the layout of VPP's {@code format_ethernet_header},
 * {@code format_ip4_header}, {@code format_ip6_header}, {@code format_udp_header},
 * {@code format_tcp_header} and its ICMP header formats; the field values are the ones tshark
 * decoded from the capture.
 */
class VppHeaderFormatTest {

    private static final byte[] IP6_A = Ip6Address.parse("2001:db8::1");
    private static final byte[] IP6_B = Ip6Address.parse("2001:db8::2");

    private static DecodedPacket captured(String hex) {
        return DecodedPacket.decode(CapturedFrames.bytes(hex));
    }

    /** The captured frame without its Ethernet header, decoded from the IP header on. */
    private static DecodedPacket fromIp(String hex, DecodedPacket.Start start) {
        byte[] frame = CapturedFrames.bytes(hex);
        return DecodedPacket.decode(Arrays.copyOfRange(frame, Ethernet.HEADER_LENGTH, frame.length), start);
    }

    private static String text(DecodedPacket packet) {
        return VppHeaderFormat.format(packet).text();
    }

    private static String text(byte[] frame) {
        return text(DecodedPacket.decode(frame));
    }

    @Test
    void shouldFormatEthernetIp4AndUdpAsVppDoes() {
        assertThat(text(captured(CapturedFrames.UDP4))).isEqualTo("""
                IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                UDP: 192.0.2.1 -> 192.0.2.2
                  tos 0x00, ttl 64, length 39, checksum 0x269c dscp CS0 ecn NON_ECN
                  fragment id 0x9026, flags DONT_FRAGMENT
                UDP: 40000 -> 30000
                  length 19, checksum 0xeb86""");
    }

    @Test
    void shouldFormatTheHeadBytesAPacketTraceKeeps() {
        byte[] frame = CapturedFrames.bytes(CapturedFrames.UDP4);
        DecodedPacket head = DecodedPacket.decode(Arrays.copyOf(frame, 42));

        assertThat(VppHeaderFormat.format(head)).isEqualTo(VppHeaderFormat.format(captured(CapturedFrames.UDP4)));
    }

    @Test
    void shouldFormatAnIp4HeaderWhereTheBufferStarts() {
        assertThat(text(fromIp(CapturedFrames.UDP4, DecodedPacket.Start.IP4))).isEqualTo("""
                UDP: 192.0.2.1 -> 192.0.2.2
                  tos 0x00, ttl 64, length 39, checksum 0x269c dscp CS0 ecn NON_ECN
                  fragment id 0x9026, flags DONT_FRAGMENT
                UDP: 40000 -> 30000
                  length 19, checksum 0xeb86""");
    }

    @Test
    void shouldFormatIp6AndUdpAsVppDoes() {
        assertThat(text(captured(CapturedFrames.UDP6))).isEqualTo("""
                IP6: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                UDP: 2001:db8::1 -> 2001:db8::2
                  tos 0x00, flow label 0x58a4, hop limit 64, payload length 19
                UDP: 40000 -> 30000
                  length 19, checksum 0x1416""");
        assertThat(text(fromIp(CapturedFrames.UDP6, DecodedPacket.Start.IP6))).isEqualTo("""
                UDP: 2001:db8::1 -> 2001:db8::2
                  tos 0x00, flow label 0x58a4, hop limit 64, payload length 19
                UDP: 40000 -> 30000
                  length 19, checksum 0x1416""");
    }

    @Test
    void shouldShowTheTrafficClassAndAnUnusualIp6Version() {
        byte[] frame = PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).trafficClass(0xb9).flowLabel(0xabcde)
                .hopLimit(3).ip6Version(5).nextHeader(IpProtocol.NO_NEXT_HEADER).build();

        assertThat(text(frame)).isEqualTo("""
                IP6: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                IP6_NONXT: 2001:db8::1 -> 2001:db8::2
                  version 5
                  tos 0xb9, flow label 0xabcde, hop limit 3, payload length 0""");
    }

    @Test
    void shouldFormatTcpOverIp6WithItsFlagsNamed() {
        assertThat(text(captured(CapturedFrames.TCP6_SYN))).isEqualTo("""
                IP6: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                TCP: 2001:db8::1 -> 2001:db8::2
                  tos 0x00, flow label 0x9165f, hop limit 64, payload length 40
                TCP: 46510 -> 8080
                  seq. 0xe2045043 ack 0x00000000
                  flags 0x02 SYN, tcp header: 40 bytes
                  window 64800, checksum 0xa8cc""");
    }

    @Test
    void shouldFormatTcpOverIp4() {
        assertThat(text(captured(CapturedFrames.TCP4_URG))).endsWith("""
                  fragment id 0x7ab7, flags DONT_FRAGMENT
                TCP: 33036 -> 7000
                  seq. 0xd016f98b ack 0xbc3a1745
                  flags 0x38 PSH ACK URG, tcp header: 32 bytes
                  window 63, checksum 0x901d""");
        assertThat(text(captured(CapturedFrames.TCP4_RST_ACK))).contains("\n  flags 0x14 RST ACK, tcp header: 20 bytes\n");
        byte[] everyFlag = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).tcp(1, 2).tcpFlags(0xff).build();
        assertThat(text(everyFlag)).contains("\n  flags 0xff FIN SYN RST PSH ACK URG ECE CWR, tcp header: 20 bytes\n");
    }

    @Test
    void shouldFormatIcmpAsVppDoes() {
        assertThat(text(captured(CapturedFrames.VLAN_ICMP_ECHO_REQUEST))).isEqualTo("""
                IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0 802.1q vlan 100 priority 5
                ICMP: 192.0.2.1 -> 192.0.2.2
                  tos 0x00, ttl 64, length 84, checksum 0xbd86 dscp CS0 ecn NON_ECN
                  fragment id 0xf91e, flags DONT_FRAGMENT
                ICMP echo_request checksum 0xa9f4 id 6564""");
        byte[] unreachable = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B)
                .icmp(Icmp.TYPE_DESTINATION_UNREACHABLE, 3, 0).transportChecksum(0x0a0b).build();
        assertThat(text(unreachable)).endsWith("\nICMP destination_unreachable port_unreachable checksum 0xa0b");
        byte[] unknown = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).icmp(42, 1, 0).build();
        assertThat(text(unknown)).containsPattern("\nICMP unknown 0x2a checksum 0x[0-9a-f]{1,4}$");
    }

    @Test
    void shouldFormatIcmp6AsVppDoes() {
        assertThat(text(captured(CapturedFrames.ICMP6_ECHO_REQUEST))).isEqualTo("""
                IP6: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                ICMP6: 2001:db8::1 -> 2001:db8::2
                  tos 0x6a, flow label 0xa7ca8, hop limit 64, payload length 64
                ICMP echo_request checksum 0xbe6e""");
        assertThat(text(captured(CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION))).isEqualTo("""
                IP6: 02:fe:12:34:56:78 -> 33:33:ff:00:00:02
                ICMP6: 2001:db8::1 -> ff02::1:ff00:2
                  tos 0x00, flow label 0x0, hop limit 255, payload length 32
                ICMP neighbor_solicitation checksum 0xb27d
                  target address 2001:db8::2""");
        byte[] tooBig = PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).icmp(Icmp.TYPE6_TIME_EXCEEDED, 1, 0)
                .transportChecksum(0x1234).build();
        assertThat(text(tooBig)).endsWith("\nICMP time_exceeded fragment_reassembly_time_exceeded checksum 0x1234");
    }

    @Test
    void shouldSayWhereTheFormattedHeadersEnd() {
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.UDP4)).length()).isEqualTo(14 + 20 + 8);
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.IP4_RECORD_ROUTE)).length())
                .as("IPv4 options belong to the header, the ICMP message after type, code and checksum does not")
                .isEqualTo(14 + 60 + 4);
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.TCP6_SYN)).length())
                .as("TCP options are left for the hex").isEqualTo(14 + 40 + 20);
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION)).length())
                .as("up to the target address").isEqualTo(14 + 40 + 24);
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.QINQ_ICMP_ECHO_REQUEST)).length())
                .isEqualTo(14 + 8 + 20 + 4);
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.ARP_REQUEST)).length()).isEqualTo(14);
        assertThat(VppHeaderFormat.format(captured(CapturedFrames.IP4_LAST_FRAGMENT)).length()).isEqualTo(14 + 20);
        assertThat(VppHeaderFormat.format(fromIp(CapturedFrames.UDP6, DecodedPacket.Start.IP6)).length())
                .isEqualTo(40 + 8);
        byte[] frame = CapturedFrames.bytes(CapturedFrames.UDP4);
        assertThat(VppHeaderFormat.format(DecodedPacket.decode(Arrays.copyOf(frame, 34 + 4))).length())
                .as("a truncated header is left for the hex").isEqualTo(34);
        assertThat(VppHeaderFormat.format(DecodedPacket.decode(Arrays.copyOf(frame, 10))).length()).isZero();
    }

    @Test
    void shouldListVlanTagsOnTheEthernetLine() {
        // VPP labels every tag by the outer tag's TPID
        assertThat(text(captured(CapturedFrames.QINQ_ICMP_ECHO_REQUEST))).startsWith(
                "IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0 802.1ad vlan 200 priority 3 802.1ad vlan 300 cfi\n");
    }

    @Test
    void shouldStopAtHeadersVppDoesNotFormat() {
        byte[] hopByHop = PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).nextHeader(IpProtocol.HOP_BY_HOP)
                .payload(new byte[] {IpProtocol.UDP, 0, 0, 0, 0, 0, 0, 0}).build();
        assertThat(text(hopByHop)).endsWith("\n  tos 0x00, flow label 0x0, hop limit 64, payload length 8");
        assertThat(VppHeaderFormat.format(DecodedPacket.decode(hopByHop)).length()).isEqualTo(14 + 40);
    }

    @Test
    void shouldShowUnusualHeaderLengthsDscpAndFragments() {
        assertThat(text(captured(CapturedFrames.IP4_RECORD_ROUTE))).startsWith("""
                IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                ICMP: 192.0.2.1 -> 192.0.2.2
                  version 4, header length 60
                  tos 0xb9, ttl 64, length 124, checksum 0xcc30 dscp EF ecn ECT_0
                  fragment id 0xf582, flags DONT_FRAGMENT
                ICMP echo_request checksum 0x""");
        assertThat(text(captured(CapturedFrames.IP4_FIRST_FRAGMENT)))
                .contains("\n  fragment id 0xf785, flags MORE_FRAGMENTS\n");
        assertThat(text(captured(CapturedFrames.IP4_LAST_FRAGMENT)))
                .endsWith("\n  fragment id 0xf785 offset 552");
    }

    @Test
    void shouldSayWhatTheChecksumShouldBe() {
        PacketBuilder good = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).tos(0xb8).udp(1, 2);
        int right = DecodedPacket.decode(good.build()).ip4().checksum().value();
        DecodedPacket bad = DecodedPacket.decode(good.ip4Checksum(right ^ 0xffff).build());

        assertThat(text(bad)).contains(String.format(
                "\n  tos 0xb8, ttl 64, length 28, checksum 0x%04x (should be 0x%04x) dscp EF ecn NON_ECN\n",
                right ^ 0xffff, right));
    }

    @Test
    void shouldPrintVppsTruncationLines() {
        byte[] frame = CapturedFrames.bytes(CapturedFrames.UDP4);

        assertThat(text(Arrays.copyOf(frame, 10))).isEqualTo("ethernet header truncated");
        assertThat(text(Arrays.copyOf(frame, 14 + 10)))
                .isEqualTo("IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0\nIP header truncated");
        assertThat(text(Arrays.copyOf(frame, 34 + 4)))
                .endsWith("\n  fragment id 0x9026, flags DONT_FRAGMENT\nUDP header truncated");
        assertThat(text(Arrays.copyOf(frame, 34))).endsWith("\n  fragment id 0x9026, flags DONT_FRAGMENT");
        assertThat(text(Arrays.copyOf(frame, 14))).isEqualTo("IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0");
        byte[] ip6 = CapturedFrames.bytes(CapturedFrames.TCP6_SYN);
        assertThat(text(Arrays.copyOf(ip6, 14 + 39)))
                .isEqualTo("IP6: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0\nIP header truncated");
        assertThat(text(Arrays.copyOf(ip6, 54 + 19))).endsWith(", payload length 40\nTCP header truncated");
        assertThat(text(Arrays.copyOf(ip6, 54 + 30))).endsWith("\n  window 64800, checksum 0xa8cc\n  options: truncated");
        byte[] icmp = CapturedFrames.bytes(CapturedFrames.ICMP6_ECHO_REQUEST);
        assertThat(text(Arrays.copyOf(icmp, 54 + 7))).endsWith(", payload length 64\nICMP header truncated");
        byte[] fromIp4 = Arrays.copyOfRange(CapturedFrames.bytes(CapturedFrames.TCP4_SYN), 14, 14 + 19);
        assertThat(text(DecodedPacket.decode(fromIp4, DecodedPacket.Start.IP4))).isEqualTo("IP header truncated");
    }

    @Test
    void shouldNameEtherTypesAndProtocolsAsVppDoes() {
        assertThat(text(captured(CapturedFrames.ARP_REQUEST))).isEqualTo("ARP: 02:fe:12:34:56:78 -> ff:ff:ff:ff:ff:ff");
        byte[] other = PacketBuilder.ethernet(MAC_B, MAC_A).etherType(0x88b5).padTo(60).build();
        assertThat(text(other)).isEqualTo("0x88b5: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0");
        byte[] experimental = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).protocol(253).build();
        assertThat(text(experimental)).contains("\nunknown 253: 192.0.2.1 -> ");
    }
}
