package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Ip4Test {

    private static final long IP = HEADROOM + Ethernet.HEADER_LENGTH;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadEchoRequestHeader() {
        // tshark: Version: 4, Header Length: 20 bytes (5), DSFIELD 0x00, Total Length: 84,
        // Identification: 0xf551, Flags: 0x2 Don't fragment, Fragment Offset: 0, TTL 64, Protocol: ICMP (1),
        // Header Checksum: 0xc153 [correct], Src: 192.0.2.1, Dst: 192.0.2.2
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REQUEST);
        assertThat(Ip4.version(m, IP)).isEqualTo(4);
        assertThat(Ip4.ihl(m, IP)).isEqualTo(5);
        assertThat(Ip4.headerLength(m, IP)).isEqualTo(20);
        assertThat(Ip4.optionsLength(m, IP)).isZero();
        assertThat(Ip4.tos(m, IP)).isZero();
        assertThat(Ip4.totalLength(m, IP)).isEqualTo(84);
        assertThat(Ip4.identification(m, IP)).isEqualTo(0xf551);
        assertThat(Ip4.flagsAndFragmentOffset(m, IP)).isEqualTo(Ip4.FLAG_DONT_FRAGMENT);
        assertThat(Ip4.isDontFragment(m, IP)).isTrue();
        assertThat(Ip4.isMoreFragments(m, IP)).isFalse();
        assertThat(Ip4.fragmentOffset(m, IP)).isZero();
        assertThat(Ip4.isFragment(m, IP)).isFalse();
        assertThat(Ip4.ttl(m, IP)).isEqualTo(64);
        assertThat(Ip4.protocol(m, IP)).isEqualTo(IpProtocol.ICMP);
        assertThat(Ip4.checksum(m, IP)).isEqualTo(0xc153);
        assertThat(Ip4.isChecksumValid(m, IP)).isTrue();
        assertThat(Ip4.computeChecksum(m, IP)).isEqualTo(0xc153);
        assertThat(Ip4Address.format(Ip4.src(m, IP))).isEqualTo("192.0.2.1");
        assertThat(Ip4Address.format(Ip4.dst(m, IP))).isEqualTo("192.0.2.2");
        assertThat(Ip4.payloadOffset(m, IP)).isEqualTo(IP + 20);
        assertThat(Ip4.payloadLength(m, IP)).isEqualTo(64);
    }

    @Test
    void shouldReadEchoReplyWithoutFlags() {
        // tshark: Total Length: 84, Identification: 0x8f15, Flags: 0x0, TTL 64, Header Checksum: 0x6790 [correct],
        // Src: 192.0.2.2, Dst: 192.0.2.1
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REPLY);
        assertThat(Ip4.identification(m, IP)).isEqualTo(0x8f15);
        assertThat(Ip4.flagsAndFragmentOffset(m, IP)).isZero();
        assertThat(Ip4.isDontFragment(m, IP)).isFalse();
        assertThat(Ip4.checksum(m, IP)).isEqualTo(0x6790);
        assertThat(Ip4.isChecksumValid(m, IP)).isTrue();
        assertThat(Ip4.src(m, IP)).isEqualTo(0xc0000202);
        assertThat(Ip4.dst(m, IP)).isEqualTo(0xc0000201);
    }

    @Test
    void shouldReadOptionsAndDiffServ() {
        // tshark: Header Length: 60 bytes (15), Differentiated Services Field: 0xb9 (DSCP: EF PHB (46), ECN: ECT(1)),
        // Total Length: 124, Identification: 0xf582, Header Checksum: 0xcc30 [correct],
        // Options: (40 bytes), Record Route
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.IP4_RECORD_ROUTE);
        assertThat(Ip4.ihl(m, IP)).isEqualTo(15);
        assertThat(Ip4.headerLength(m, IP)).isEqualTo(60);
        assertThat(Ip4.optionsLength(m, IP)).isEqualTo(40);
        assertThat(Ip4.tos(m, IP)).isEqualTo(0xb9);
        assertThat(Ip4.dscp(m, IP)).isEqualTo(46);
        assertThat(Ip4.ecn(m, IP)).isEqualTo(1);
        assertThat(Ip4.totalLength(m, IP)).isEqualTo(124);
        assertThat(Ip4.identification(m, IP)).isEqualTo(0xf582);
        assertThat(Ip4.checksum(m, IP)).isEqualTo(0xcc30);
        assertThat(Ip4.isChecksumValid(m, IP)).isTrue();
        assertThat(Ip4.computeChecksum(m, IP)).isEqualTo(0xcc30);
        assertThat(Ip4.payloadOffset(m, IP)).isEqualTo(IP + 60);
        // the ICMP header sits after the options: tshark Type: 8, Checksum: 0x69b4, Identifier (BE): 0x191d
        assertThat(Icmp.echoId(m, Ip4.payloadOffset(m, IP))).isEqualTo(0x191d);
    }

    @Test
    void shouldReadFirstAndLastFragment() {
        // tshark frame 1: Total Length: 572, Identification: 0xf785, Flags: 0x1 More fragments, Fragment Offset: 0,
        // Header Checksum: 0xdd37 [correct]
        MemorySegment first = CapturedFrames.load(arena, CapturedFrames.IP4_FIRST_FRAGMENT);
        assertThat(Ip4.totalLength(first, IP)).isEqualTo(572);
        assertThat(Ip4.identification(first, IP)).isEqualTo(0xf785);
        assertThat(Ip4.isMoreFragments(first, IP)).isTrue();
        assertThat(Ip4.isDontFragment(first, IP)).isFalse();
        assertThat(Ip4.fragmentOffset(first, IP)).isZero();
        assertThat(Ip4.isFragment(first, IP)).isTrue();
        assertThat(Ip4.checksum(first, IP)).isEqualTo(0xdd37);
        assertThat(Ip4.isChecksumValid(first, IP)).isTrue();

        // tshark frame 2: Total Length: 176, Identification: 0xf785, Flags: 0x0, Fragment Offset: 552 (bytes;
        // ip.frag_offset field 69), Header Checksum: 0xfe7e [correct]
        MemorySegment last = CapturedFrames.load(arena, CapturedFrames.IP4_LAST_FRAGMENT);
        assertThat(Ip4.totalLength(last, IP)).isEqualTo(176);
        assertThat(Ip4.identification(last, IP)).isEqualTo(0xf785);
        assertThat(Ip4.isMoreFragments(last, IP)).isFalse();
        assertThat(Ip4.fragmentOffset(last, IP)).isEqualTo(69);
        assertThat(Ip4.fragmentOffsetBytes(last, IP)).isEqualTo(552);
        assertThat(Ip4.isFragment(last, IP)).isTrue();
        assertThat(Ip4.checksum(last, IP)).isEqualTo(0xfe7e);
        assertThat(Ip4.isChecksumValid(last, IP)).isTrue();
    }

    @Test
    void shouldDetectCorruptedHeader() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.UDP4);
        assertThat(Ip4.isChecksumValid(m, IP)).isTrue();
        Ip4.setTtl(m, IP, 63); // no checksum update
        assertThat(Ip4.isChecksumValid(m, IP)).isFalse();
        Ip4.fillChecksum(m, IP);
        assertThat(Ip4.isChecksumValid(m, IP)).isTrue();
        assertThat(Ip4.checksum(m, IP)).isNotEqualTo(0x269c);
    }

    @Test
    void shouldDecrementTtlAndKeepChecksumValid() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_SYN);
        for (int expected = 63; expected >= 0; expected--) {
            assertThat(Ip4.decrementTtl(m, IP)).isEqualTo(expected);
            assertThat(Ip4.ttl(m, IP)).isEqualTo(expected);
            assertThat(Ip4.isChecksumValid(m, IP)).as("after decrement to %d", expected).isTrue();
            assertThat(Ip4.checksum(m, IP)).isEqualTo(Ip4.computeChecksum(m, IP));
        }
        assertThatThrownBy(() -> Ip4.decrementTtl(m, IP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ipv4 header at offset " + IP + ": ttl is already 0");
        assertThat(Ip4.ttl(m, IP)).isZero();
    }

    @Test
    void shouldWriteEveryFieldInPlace() {
        MemorySegment m = arena.allocate(HEADROOM + Ip4.MIN_HEADER_LENGTH);
        long off = HEADROOM;
        Ip4.setVersionAndIhl(m, off, 4, 5);
        Ip4.setTos(m, off, 0xb9);
        Ip4.setDscp(m, off, 10);
        Ip4.setEcn(m, off, 3);
        Ip4.setTotalLength(m, off, 65535);
        Ip4.setIdentification(m, off, 0xbeef);
        Ip4.setFlagsAndFragmentOffset(m, off, Ip4.FLAG_MORE_FRAGMENTS | 0x1fff);
        Ip4.setTtl(m, off, 255);
        Ip4.setProtocol(m, off, IpProtocol.UDP);
        Ip4.setSrc(m, off, Ip4Address.parse("198.51.100.7"));
        Ip4.setDst(m, off, Ip4Address.parse("203.0.113.255"));
        Ip4.fillChecksum(m, off);
        assertThat(Ip4.version(m, off)).isEqualTo(4);
        assertThat(Ip4.tos(m, off)).isEqualTo(10 << 2 | 3);
        assertThat(Ip4.totalLength(m, off)).isEqualTo(65535);
        assertThat(Ip4.identification(m, off)).isEqualTo(0xbeef);
        assertThat(Ip4.fragmentOffsetBytes(m, off)).isEqualTo(0x1fff * 8);
        assertThat(Ip4.isMoreFragments(m, off)).isTrue();
        assertThat(Ip4.ttl(m, off)).isEqualTo(255);
        assertThat(Ip4.protocol(m, off)).isEqualTo(17);
        assertThat(Ip4Address.format(Ip4.src(m, off))).isEqualTo("198.51.100.7");
        assertThat(Ip4Address.format(Ip4.dst(m, off))).isEqualTo("203.0.113.255");
        assertThat(Ip4.isChecksumValid(m, off)).isTrue();
        assertThat(m.asSlice(off).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)).startsWith(
                CapturedFrames.bytes("45 2b ffff beef 3fff ff 11"));
    }

    @Test
    void shouldRejectValuesThatDoNotFitTheirField() {
        MemorySegment m = arena.allocate(Ip4.MIN_HEADER_LENGTH);
        assertThatThrownBy(() -> Ip4.setTtl(m, 0, 256)).hasMessage("ipv4 ttl 256 (0x100) does not fit in 8 bits (0..255)");
        assertThatThrownBy(() -> Ip4.setVersionAndIhl(m, 0, 4, 16)).hasMessageContaining("ipv4 ihl 16");
        assertThatThrownBy(() -> Ip4.setDscp(m, 0, 64)).hasMessageContaining("ipv4 dscp 64");
        assertThatThrownBy(() -> Ip4.setEcn(m, 0, 4)).hasMessageContaining("ipv4 ecn 4");
        assertThatThrownBy(() -> Ip4.setTotalLength(m, 0, -1)).hasMessageContaining("ipv4 total length -1");
        assertThat(m.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)).containsOnly(0);
    }

    @Test
    void shouldThrowIndexOutOfBoundsWhenOptionsRunPastTheSegment() {
        MemorySegment m = arena.allocate(Ip4.MIN_HEADER_LENGTH);
        Ip4.setVersionAndIhl(m, 0, 4, 15);
        assertThatThrownBy(() -> Ip4.isChecksumValid(m, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ip4.ttl(m, 12)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldReportShortIhlAsInvalidRatherThanThrow() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REQUEST);
        Ip4.setVersionAndIhl(m, IP, 4, 2);
        assertThat(Ip4.headerLength(m, IP)).isEqualTo(8);
        assertThat(Ip4.optionsLength(m, IP)).isEqualTo(-12);
        assertThat(Ip4.isChecksumValid(m, IP)).isFalse();
    }
}
