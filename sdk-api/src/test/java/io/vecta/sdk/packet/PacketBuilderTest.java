package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.IP4_A;
import static io.vecta.sdk.packet.CapturedFrames.IP4_B;
import static io.vecta.sdk.packet.CapturedFrames.MAC_A;
import static io.vecta.sdk.packet.CapturedFrames.MAC_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The builder, given the field values tshark decoded from each captured frame, must produce
 * the captured bytes exactly: every length, EtherType, protocol and checksum it fills in
 * matches what the kernel sent. Opaque data (echo payload, fragment contents) is taken from
 * the capture; header fields and TCP/IP options are written from the decode.
 */
class PacketBuilderTest {

    private static final byte[] IP6_A = Ip6Address.parse("2001:db8::1");
    private static final byte[] IP6_B = Ip6Address.parse("2001:db8::2");
    private static final byte[] HELLO = "hello vecta".getBytes(StandardCharsets.US_ASCII);

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    private static void assertBuilds(PacketBuilder builder, String captured) {
        byte[] expected = CapturedFrames.bytes(captured);
        assertThat(builder.length()).isEqualTo(expected.length);
        assertThat(HexFormat.of().formatHex(builder.build())).isEqualTo(HexFormat.of().formatHex(expected));
    }

    /** The captured bytes from {@code from} to the end: opaque payload the decode does not spell out. */
    private static byte[] capturedFrom(String captured, int from) {
        byte[] frame = CapturedFrames.bytes(captured);
        return Arrays.copyOfRange(frame, from, frame.length);
    }

    /** TCP options of Linux's SYN: MSS, SACK permitted, timestamps, NOP, window scale (tshark WS=1024: shift 10). */
    private static byte[] synOptions(int mss, long tsValue) {
        return ByteBuffer.allocate(20).put((byte) 2).put((byte) 4).putShort((short) mss)
                .put((byte) 4).put((byte) 2)
                .put((byte) 8).put((byte) 10).putInt((int) tsValue).putInt(0)
                .put((byte) 1)
                .put((byte) 3).put((byte) 3).put((byte) 10)
                .array();
    }

    /** NOP, NOP, timestamps. */
    private static byte[] timestampOptions(long tsValue, long tsEcho) {
        return ByteBuffer.allocate(12).put((byte) 1).put((byte) 1).put((byte) 8).put((byte) 10)
                .putInt((int) tsValue).putInt((int) tsEcho).array();
    }

    @Test
    void shouldReproduceCapturedArpRequestAndReply() {
        assertBuilds(PacketBuilder.ethernet(Ethernet.BROADCAST, MAC_A).arp(Arp.OPCODE_REQUEST, MAC_A, IP4_A, 0, IP4_B),
                CapturedFrames.ARP_REQUEST);
        assertBuilds(PacketBuilder.ethernet(MAC_A, MAC_B).arp(Arp.OPCODE_REPLY, MAC_B, IP4_B, MAC_A, IP4_A),
                CapturedFrames.ARP_REPLY);
    }

    @Test
    void shouldReproduceCapturedEchoRequestAndReply() {
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0xf551).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT).ttl(64)
                .icmpEcho(Icmp.TYPE_ECHO_REQUEST, 6409, 1)
                .payload(capturedFrom(CapturedFrames.ICMP_ECHO_REQUEST, 42)), CapturedFrames.ICMP_ECHO_REQUEST);
        assertBuilds(PacketBuilder.ethernet(MAC_A, MAC_B)
                .ip4(IP4_B, IP4_A).identification(0x8f15)
                .icmpEcho(Icmp.TYPE_ECHO_REPLY, 6409, 1)
                .payload(capturedFrom(CapturedFrames.ICMP_ECHO_REPLY, 42)), CapturedFrames.ICMP_ECHO_REPLY);
    }

    @Test
    void shouldReproduceCapturedRecordRouteOptions() {
        // tshark: NOP; Record Route, Length 39, Pointer 8, Recorded Route 192.0.2.1, eight empty routes
        byte[] options = ByteBuffer.allocate(40).put((byte) 1).put((byte) 7).put((byte) 39).put((byte) 8)
                .putInt(IP4_A).array();
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).tos(0xb9).identification(0xf582).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .ip4Options(options)
                .icmpEcho(Icmp.TYPE_ECHO_REQUEST, 0x191d, 1)
                .payload(capturedFrom(CapturedFrames.IP4_RECORD_ROUTE, 14 + 60 + 8)), CapturedFrames.IP4_RECORD_ROUTE);
    }

    @Test
    void shouldReproduceCapturedFragments() {
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0xf785).flagsAndFragmentOffset(Ip4.FLAG_MORE_FRAGMENTS)
                .protocol(IpProtocol.ICMP)
                .payload(capturedFrom(CapturedFrames.IP4_FIRST_FRAGMENT, 34)), CapturedFrames.IP4_FIRST_FRAGMENT);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0xf785).flagsAndFragmentOffset(552 / 8)
                .protocol(IpProtocol.ICMP)
                .payload(capturedFrom(CapturedFrames.IP4_LAST_FRAGMENT, 34)), CapturedFrames.IP4_LAST_FRAGMENT);
    }

    @Test
    void shouldReproduceCapturedTaggedFrames() {
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .vlan(Ethernet.ETHER_TYPE_VLAN, 5, false, 100)
                .ip4(IP4_A, IP4_B).identification(0xf91e).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .icmpEcho(Icmp.TYPE_ECHO_REQUEST, 0x19a4, 1)
                .payload(capturedFrom(CapturedFrames.VLAN_ICMP_ECHO_REQUEST, 46)), CapturedFrames.VLAN_ICMP_ECHO_REQUEST);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .vlan(Ethernet.ETHER_TYPE_QINQ, 3, false, 200)
                .vlan(Ethernet.ETHER_TYPE_VLAN, 0, true, 300)
                .ip4(IP4_A, IP4_B).identification(0xfb96).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .icmpEcho(Icmp.TYPE_ECHO_REQUEST, 0x19d3, 1)
                .payload(capturedFrom(CapturedFrames.QINQ_ICMP_ECHO_REQUEST, 50)), CapturedFrames.QINQ_ICMP_ECHO_REQUEST);
    }

    @Test
    void shouldReproduceCapturedIcmp6() {
        // tshark: Target Address: 2001:db8::2; Source link-layer address option (type 1, length 1): 02:fe:12:34:56:78
        byte[] solicitation = ByteBuffer.allocate(24).put(IP6_B).put((byte) 1).put((byte) 1)
                .put(MacAddress.toBytes(MAC_A)).array();
        assertBuilds(PacketBuilder.ethernet(MacAddress.parse("33:33:ff:00:00:02"), MAC_A)
                .ip6(IP6_A, Ip6Address.parse("ff02::1:ff00:2")).hopLimit(255)
                .icmp(Icmp.TYPE6_NEIGHBOR_SOLICITATION, 0, 0)
                .payload(solicitation), CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip6(IP6_A, IP6_B).trafficClass(0x6a).flowLabel(0xa7ca8).hopLimit(64)
                .icmpEcho(Icmp.TYPE6_ECHO_REQUEST, 0x1959, 1)
                .payload(capturedFrom(CapturedFrames.ICMP6_ECHO_REQUEST, 14 + 40 + 8)), CapturedFrames.ICMP6_ECHO_REQUEST);
    }

    @Test
    void shouldReproduceCapturedTcpSegments() {
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0x7ab4).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .tcp(33036, 7000).sequence(3491166591L).tcpFlags(Tcp.FLAG_SYN).window(64240)
                .tcpOptions(synOptions(1460, 2176645182L)), CapturedFrames.TCP4_SYN);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0x7ab6).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .tcp(33036, 7000).sequence(3491166592L).acknowledgment(3157923653L)
                .tcpFlags(Tcp.FLAG_PSH | Tcp.FLAG_ACK).window(63)
                .tcpOptions(timestampOptions(2176645182L, 247430696L))
                .payload(HELLO), CapturedFrames.TCP4_PSH_ACK);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0x7ab7).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .tcp(33036, 7000).sequence(3491166603L).acknowledgment(3157923653L)
                .tcpFlags(Tcp.FLAG_URG | Tcp.FLAG_PSH | Tcp.FLAG_ACK).window(63).urgentPointer(1)
                .tcpOptions(timestampOptions(2176645383L, 247430696L))
                .payload("!".getBytes(StandardCharsets.US_ASCII)), CapturedFrames.TCP4_URG);
        assertBuilds(PacketBuilder.ethernet(MAC_A, MAC_B)
                .ip4(IP4_B, IP4_A).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .tcp(8080, 58602).acknowledgment(352422377L).tcpFlags(Tcp.FLAG_RST | Tcp.FLAG_ACK),
                CapturedFrames.TCP4_RST_ACK);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip6(IP6_A, IP6_B).flowLabel(0x9165f)
                .tcp(46510, 8080).sequence(3791933507L).tcpFlags(Tcp.FLAG_SYN).window(64800)
                .tcpOptions(synOptions(1440, 3834600088L)), CapturedFrames.TCP6_SYN);
    }

    @Test
    void shouldReproduceCapturedUdpDatagrams() {
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).identification(0x9026).flagsAndFragmentOffset(Ip4.FLAG_DONT_FRAGMENT)
                .udp(40000, 30000).payload(HELLO), CapturedFrames.UDP4);
        assertBuilds(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip6(IP6_A, IP6_B).flowLabel(0x058a4)
                .udp(40000, 30000).payload(HELLO), CapturedFrames.UDP6);
    }

    @Test
    void shouldWriteIntoSegmentAtOffsetAndLeaveNeighboursAlone() {
        PacketBuilder builder = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).udp(1, 2).payload(HELLO);
        MemorySegment m = arena.allocate(128);
        m.fill((byte) 0x77);
        assertThat(builder.writeTo(m, 9)).isEqualTo(53);
        assertThat(m.asSlice(9, 53).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(builder.build());
        assertThat(m.get(ValueLayout.JAVA_BYTE, 8)).isEqualTo((byte) 0x77);
        assertThat(m.get(ValueLayout.JAVA_BYTE, 62)).isEqualTo((byte) 0x77);
        assertThat(Ip4.isChecksumValid(m, 9 + 14)).isTrue();
        assertThat(Udp.isChecksumValidIp4(m, 9 + 14, 9 + 34)).isTrue();
    }

    @Test
    void shouldRefuseFrameThatDoesNotFit() {
        PacketBuilder builder = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).udp(1, 2);
        MemorySegment m = arena.allocate(50);
        assertThatThrownBy(() -> builder.writeTo(m, 10))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("packet builder: a frame of 42 bytes does not fit at offset 10 of a segment of 50 bytes");
        assertThat(m.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
    }

    @Test
    void shouldPadShortFramesWithoutChangingLengths() {
        byte[] frame = PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).udp(1, 2).padTo(60).build();
        assertThat(frame).hasSize(60);
        MemorySegment m = MemorySegment.ofArray(frame);
        assertThat(Ip4.totalLength(m, 14)).isEqualTo(28);
        assertThat(Udp.length(m, 34)).isEqualTo(8);
        assertThat(Arrays.copyOfRange(frame, 42, 60)).containsOnly(0);
    }

    @Test
    void shouldBuildBadPacketsOnRequest() {
        MemorySegment badIpChecksum = MemorySegment.ofArray(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).ip4Checksum(0x1234).udp(1, 2).build());
        assertThat(Ip4.checksum(badIpChecksum, 14)).isEqualTo(0x1234);
        assertThat(Ip4.isChecksumValid(badIpChecksum, 14)).isFalse();
        assertThat(Udp.isChecksumValidIp4(badIpChecksum, 14, 34)).isTrue();

        MemorySegment badUdpChecksum = MemorySegment.ofArray(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).udp(1, 2).transportChecksum(0xbeef).payload(HELLO).build());
        assertThat(Udp.checksum(badUdpChecksum, 34)).isEqualTo(0xbeef);
        assertThat(Udp.isChecksumValidIp4(badUdpChecksum, 14, 34)).isFalse();
        assertThat(Ip4.isChecksumValid(badUdpChecksum, 14)).isTrue();

        MemorySegment badVersion = MemorySegment.ofArray(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).ip4Version(6).icmpEcho(Icmp.TYPE_ECHO_REQUEST, 1, 1).build());
        assertThat(Ip4.version(badVersion, 14)).isEqualTo(6);
        assertThat(Ip4.isChecksumValid(badVersion, 14)).isTrue(); // only the version is wrong

        byte[] shortLength = PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip4(IP4_A, IP4_B).ip4TotalLength(24).ihl(4).tcp(1, 2).tcpFlags(Tcp.FLAG_SYN).dataOffset(4).build();
        MemorySegment shortSegment = MemorySegment.ofArray(shortLength);
        assertThat(shortLength).hasSize(54);
        assertThat(Ip4.totalLength(shortSegment, 14)).isEqualTo(24);
        assertThat(Ip4.ihl(shortSegment, 14)).isEqualTo(4);
        assertThat(Tcp.dataOffset(shortSegment, 34)).isEqualTo(4);

        MemorySegment shortUdp = MemorySegment.ofArray(PacketBuilder.ethernet(MAC_B, MAC_A)
                .ip6(IP6_A, IP6_B).ip6PayloadLength(4).udp(1, 2).udpLength(7).payload(HELLO).build());
        assertThat(Ip6.payloadLength(shortUdp, 14)).isEqualTo(4);
        assertThat(Udp.length(shortUdp, 54)).isEqualTo(7);

        MemorySegment wrongType = MemorySegment.ofArray(PacketBuilder.ethernet(MAC_B, MAC_A)
                .vlan(Ethernet.ETHER_TYPE_VLAN, 0, false, 7).etherType(Ethernet.ETHER_TYPE_IP6).ip4(IP4_A, IP4_B)
                .protocol(253).build());
        assertThat(Ethernet.etherType(wrongType, 0)).isEqualTo(Ethernet.ETHER_TYPE_VLAN);
        assertThat(Vlan.etherType(wrongType, 14)).isEqualTo(Ethernet.ETHER_TYPE_IP6);
        assertThat(Ip4.protocol(wrongType, 18)).isEqualTo(253);
    }

    @Test
    void shouldDefaultIp6WithoutTransportToNoNextHeader() {
        MemorySegment m = MemorySegment.ofArray(PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).build());
        assertThat(Ip6.nextHeader(m, 14)).isEqualTo(IpProtocol.NO_NEXT_HEADER);
        assertThat(Ip6.payloadLength(m, 14)).isZero();
        assertThat(Ip6.hopLimit(m, 14)).isEqualTo(64);
    }

    @Test
    void shouldExplainLayerMisuse() {
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ttl(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("packet builder: ttl(...) sets a field of the ip4 header; call ip4(...) first");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B).ttl(3))
                .hasMessage("packet builder: ttl(...) sets a field of the ip4 header; call ip4(...) first"
                        + " (the frame has ip6(...))");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).arp(1, MAC_A, IP4_A, 0, IP4_B).udp(1, 2))
                .hasMessage("packet builder: udp(...) needs an ip4 or ip6 layer first, found arp(...)");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).vlan(0x8100, 0, false, 1))
                .hasMessageContaining("call it before ip4(...)");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).ip6(IP6_A, IP6_B))
                .hasMessage("packet builder: ip6(...) adds a second network layer after ip4(...); a frame carries one");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).udp(1, 2).tcp(1, 2))
                .hasMessage("packet builder: tcp(...) adds a second transport layer after udp(...)");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).udp(1, 2).window(5))
                .hasMessage("packet builder: window(...) sets a field of the tcp header; call tcp(...) first");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).build())
                .hasMessage("packet builder: an ip4 layer without a transport layer needs protocol(...) to say what"
                        + " the payload is");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).payload(HELLO).build())
                .hasMessageContaining("nothing after the ethernet header gives the ether type");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).ip4Options(new byte[3]))
                .hasMessageContaining("multiple of 4").hasMessageContaining("got 3");
        assertThatThrownBy(() -> PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).ttl(300).udp(1, 2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ipv4 ttl 300");
    }
}
