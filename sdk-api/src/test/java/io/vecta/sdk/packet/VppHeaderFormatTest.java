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
 * {@code format_ip4_header} and {@code format_udp_header}; the field values are the ones tshark
 * decoded from the capture.
 */
class VppHeaderFormatTest {

    private static DecodedPacket captured(String hex) {
        return DecodedPacket.decode(CapturedFrames.bytes(hex));
    }

    @Test
    void shouldFormatEthernetIp4AndUdpAsVppDoes() {
        assertThat(VppHeaderFormat.ethernet(captured(CapturedFrames.UDP4))).isEqualTo("""
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

        assertThat(VppHeaderFormat.ethernet(head)).isEqualTo(VppHeaderFormat.ethernet(captured(CapturedFrames.UDP4)));
    }

    @Test
    void shouldFormatAnIp4HeaderWhereTheBufferStarts() {
        byte[] frame = CapturedFrames.bytes(CapturedFrames.UDP4);
        DecodedPacket fromIp = DecodedPacket.decode(Arrays.copyOfRange(frame, 14, frame.length),
                DecodedPacket.Start.IP4);

        assertThat(VppHeaderFormat.ip4(fromIp)).isEqualTo("""
                UDP: 192.0.2.1 -> 192.0.2.2
                  tos 0x00, ttl 64, length 39, checksum 0x269c dscp CS0 ecn NON_ECN
                  fragment id 0x9026, flags DONT_FRAGMENT
                UDP: 40000 -> 30000
                  length 19, checksum 0xeb86""");
        assertThat(VppHeaderFormat.udp(fromIp.udp())).isEqualTo("UDP: 40000 -> 30000\n  length 19, checksum 0xeb86");
    }

    @Test
    void shouldListVlanTagsOnTheEthernetLineAndStopAtProtocolsItDoesNotFormat() {
        assertThat(VppHeaderFormat.ethernet(captured(CapturedFrames.VLAN_ICMP_ECHO_REQUEST))).isEqualTo("""
                IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0 802.1q vlan 100 priority 5
                ICMP: 192.0.2.1 -> 192.0.2.2
                  tos 0x00, ttl 64, length 84, checksum 0xbd86 dscp CS0 ecn NON_ECN
                  fragment id 0xf91e, flags DONT_FRAGMENT""");
        // VPP labels every tag by the outer tag's TPID
        assertThat(VppHeaderFormat.ethernet(captured(CapturedFrames.QINQ_ICMP_ECHO_REQUEST))).startsWith(
                "IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0 802.1ad vlan 200 priority 3 802.1ad vlan 300 cfi\n");
    }

    @Test
    void shouldShowUnusualHeaderLengthsDscpAndFragments() {
        assertThat(VppHeaderFormat.ethernet(captured(CapturedFrames.IP4_RECORD_ROUTE))).isEqualTo("""
                IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0
                ICMP: 192.0.2.1 -> 192.0.2.2
                  version 4, header length 60
                  tos 0xb9, ttl 64, length 124, checksum 0xcc30 dscp EF ecn ECT_0
                  fragment id 0xf582, flags DONT_FRAGMENT""");
        assertThat(VppHeaderFormat.ip4(captured(CapturedFrames.IP4_FIRST_FRAGMENT)))
                .endsWith("\n  fragment id 0xf785, flags MORE_FRAGMENTS");
        assertThat(VppHeaderFormat.ip4(captured(CapturedFrames.IP4_LAST_FRAGMENT)))
                .endsWith("\n  fragment id 0xf785 offset 552");
    }

    @Test
    void shouldSayWhatTheChecksumShouldBe() {
        PacketBuilder good = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).tos(0xb8).udp(1, 2);
        int right = DecodedPacket.decode(good.build()).ip4().checksum().value();
        DecodedPacket bad = DecodedPacket.decode(good.ip4Checksum(right ^ 0xffff).build());

        assertThat(VppHeaderFormat.ip4(bad)).contains(String.format(
                "\n  tos 0xb8, ttl 64, length 28, checksum 0x%04x (should be 0x%04x) dscp EF ecn NON_ECN\n",
                right ^ 0xffff, right));
    }

    @Test
    void shouldPrintVppsTruncationLines() {
        byte[] frame = CapturedFrames.bytes(CapturedFrames.UDP4);

        assertThat(VppHeaderFormat.ethernet(DecodedPacket.decode(Arrays.copyOf(frame, 10))))
                .isEqualTo("ethernet header truncated");
        assertThat(VppHeaderFormat.ethernet(DecodedPacket.decode(Arrays.copyOf(frame, 14 + 10))))
                .isEqualTo("IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0\nIP header truncated");
        assertThat(VppHeaderFormat.ethernet(DecodedPacket.decode(Arrays.copyOf(frame, 34 + 4))))
                .endsWith("\n  fragment id 0x9026, flags DONT_FRAGMENT\nUDP header truncated");
        assertThat(VppHeaderFormat.ethernet(DecodedPacket.decode(Arrays.copyOf(frame, 34))))
                .endsWith("\n  fragment id 0x9026, flags DONT_FRAGMENT");
        assertThat(VppHeaderFormat.ethernet(DecodedPacket.decode(Arrays.copyOf(frame, 14))))
                .isEqualTo("IP4: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0");
    }

    @Test
    void shouldNameEtherTypesAndProtocolsAsVppDoes() {
        assertThat(VppHeaderFormat.ethernet(captured(CapturedFrames.ARP_REQUEST)))
                .isEqualTo("ARP: 02:fe:12:34:56:78 -> ff:ff:ff:ff:ff:ff");
        assertThat(VppHeaderFormat.ethernet(captured(CapturedFrames.UDP6)))
                .isEqualTo("IP6: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0");
        byte[] other = PacketBuilder.ethernet(MAC_B, MAC_A).etherType(0x88b5).padTo(60).build();
        assertThat(VppHeaderFormat.ethernet(DecodedPacket.decode(other)))
                .isEqualTo("0x88b5: 02:fe:12:34:56:78 -> 02:fe:9a:bc:de:f0");
        byte[] experimental = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).protocol(253).build();
        assertThat(VppHeaderFormat.ip4(DecodedPacket.decode(experimental))).startsWith("unknown 253: 192.0.2.1 -> ");
        assertThat(VppHeaderFormat.ip4(captured(CapturedFrames.TCP4_SYN))).startsWith("TCP: 192.0.2.1 -> 192.0.2.2\n");
    }

    @Test
    void shouldRefuseAPacketWithoutAnIp4Header() {
        assertThatThrownBy(() -> VppHeaderFormat.ip4(captured(CapturedFrames.UDP6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vpp header format: the packet has no IPv4 header: Ether / IPv6 2001:db8::1 > 2001:db8::2 "
                        + "/ UDP 40000 > 30000 / Raw 11");
    }
}
