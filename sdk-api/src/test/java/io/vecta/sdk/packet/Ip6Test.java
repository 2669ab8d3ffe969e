package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Ip6Test {

    private static final long IP = HEADROOM + Ethernet.HEADER_LENGTH;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadNeighborSolicitationHeader() {
        // tshark: Version: 6, DSCP 0, ECN 0, Flow Label: 0x00000, Payload Length: 32, Next Header: ICMPv6 (58),
        // Hop Limit: 255, Src: 2001:db8::1, Dst: ff02::1:ff00:2
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION);
        assertThat(Ip6.version(m, IP)).isEqualTo(6);
        assertThat(Ip6.trafficClass(m, IP)).isZero();
        assertThat(Ip6.flowLabel(m, IP)).isZero();
        assertThat(Ip6.payloadLength(m, IP)).isEqualTo(32);
        assertThat(Ip6.nextHeader(m, IP)).isEqualTo(IpProtocol.ICMP6);
        assertThat(Ip6.hopLimit(m, IP)).isEqualTo(255);
        assertThat(Ip6Address.format(Ip6.srcHi(m, IP), Ip6.srcLo(m, IP))).isEqualTo("2001:db8::1");
        assertThat(Ip6Address.format(Ip6.dstHi(m, IP), Ip6.dstLo(m, IP))).isEqualTo("ff02::1:ff00:2");
        assertThat(Ip6.srcHi(m, IP)).isEqualTo(0x20010db800000000L);
        assertThat(Ip6.srcLo(m, IP)).isEqualTo(1L);
        assertThat(Ip6.dstHi(m, IP)).isEqualTo(0xff02000000000000L);
        assertThat(Ip6.dstLo(m, IP)).isEqualTo(0x00000001ff000002L);
    }

    @Test
    void shouldReadTrafficClassAndFlowLabel() {
        // tshark: DSCP: Assured Forwarding 31 (26), ECN: ECT(0) (2), Flow Label: 0xa7ca8, Payload Length: 64,
        // Next Header: ICMPv6 (58), Hop Limit: 64, Src: 2001:db8::1, Dst: 2001:db8::2
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP6_ECHO_REQUEST);
        assertThat(Ip6.trafficClass(m, IP)).isEqualTo(0x6a);
        assertThat(Ip6.dscp(m, IP)).isEqualTo(26);
        assertThat(Ip6.ecn(m, IP)).isEqualTo(2);
        assertThat(Ip6.flowLabel(m, IP)).isEqualTo(0xa7ca8);
        assertThat(Ip6.payloadLength(m, IP)).isEqualTo(64);
        assertThat(Ip6.hopLimit(m, IP)).isEqualTo(64);
        assertThat(Ip6Address.format(Ip6.dstHi(m, IP), Ip6.dstLo(m, IP))).isEqualTo("2001:db8::2");
    }

    @Test
    void shouldReadTransportNextHeaders() {
        // tshark tcp6: Flow Label: 0x9165f, Payload Length: 40, Next Header: TCP (6), Hop Limit: 64
        MemorySegment tcp = CapturedFrames.load(arena, CapturedFrames.TCP6_SYN);
        assertThat(Ip6.flowLabel(tcp, IP)).isEqualTo(0x9165f);
        assertThat(Ip6.payloadLength(tcp, IP)).isEqualTo(40);
        assertThat(Ip6.nextHeader(tcp, IP)).isEqualTo(IpProtocol.TCP);
        // tshark udp6: Flow Label: 0x058a4, Payload Length: 19, Next Header: UDP (17)
        MemorySegment udp = CapturedFrames.load(arena, CapturedFrames.UDP6);
        assertThat(Ip6.flowLabel(udp, IP)).isEqualTo(0x058a4);
        assertThat(Ip6.payloadLength(udp, IP)).isEqualTo(19);
        assertThat(Ip6.nextHeader(udp, IP)).isEqualTo(IpProtocol.UDP);
    }

    @Test
    void shouldCopyAddressesToAndFromBytes() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.UDP6);
        byte[] src = new byte[16];
        byte[] dst = new byte[16];
        Ip6.copySrc(m, IP, src);
        Ip6.copyDst(m, IP, dst);
        assertThat(src).isEqualTo(Ip6Address.parse("2001:db8::1"));
        assertThat(dst).isEqualTo(Ip6Address.parse("2001:db8::2"));
        Ip6.setSrc(m, IP, dst);
        Ip6.setDst(m, IP, src);
        assertThat(Ip6.srcLo(m, IP)).isEqualTo(2);
        assertThat(Ip6.dstLo(m, IP)).isEqualTo(1);
        // swapping both addresses leaves the pseudo-header sum, and so the UDP checksum, valid
        assertThat(Udp.isChecksumValidIp6(m, IP, IP + Ip6.HEADER_LENGTH)).isTrue();
    }

    @Test
    void shouldWriteFirstWordFieldsWithoutTouchingEachOther() {
        MemorySegment m = arena.allocate(HEADROOM + Ip6.HEADER_LENGTH);
        long off = HEADROOM;
        Ip6.setVersionClassFlow(m, off, 6, 0xb8, 0xfffff);
        assertThat(NetworkOrder.i32(m, off)).isEqualTo(0x6b8fffff);
        Ip6.setTrafficClass(m, off, 0x01);
        assertThat(Ip6.version(m, off)).isEqualTo(6);
        assertThat(Ip6.flowLabel(m, off)).isEqualTo(0xfffff);
        Ip6.setFlowLabel(m, off, 0x12345);
        assertThat(Ip6.trafficClass(m, off)).isEqualTo(0x01);
        assertThat(NetworkOrder.i32(m, off)).isEqualTo(0x60112345);
        Ip6.setPayloadLength(m, off, 1280);
        Ip6.setNextHeader(m, off, IpProtocol.NO_NEXT_HEADER);
        Ip6.setHopLimit(m, off, 1);
        Ip6.setSrc(m, off, 0x20010db800000000L, 0x0000000000000001L);
        Ip6.setDst(m, off, 0xfe80000000000000L, 0x00fe12fffe345678L);
        assertThat(Ip6.payloadLength(m, off)).isEqualTo(1280);
        assertThat(Ip6.nextHeader(m, off)).isEqualTo(59);
        assertThat(Ip6.hopLimit(m, off)).isEqualTo(1);
        assertThat(Ip6Address.format(Ip6.dstHi(m, off), Ip6.dstLo(m, off))).isEqualTo("fe80::fe:12ff:fe34:5678");
    }

    @Test
    void shouldRejectFlowLabelWiderThan20Bits() {
        MemorySegment m = arena.allocate(Ip6.HEADER_LENGTH);
        assertThatThrownBy(() -> Ip6.setFlowLabel(m, 0, 0x100000))
                .hasMessage("ipv6 flow label 1048576 (0x100000) does not fit in 20 bits (0..1048575)");
        assertThatThrownBy(() -> Ip6.setVersionClassFlow(m, 0, 16, 0, 0)).hasMessageContaining("ipv6 version 16");
        assertThatThrownBy(() -> Ip6.setSrc(m, 0, new byte[4])).hasMessageContaining("16 bytes, got 4");
    }
}
