package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpTest {

    private static final long IP = HEADROOM + Ethernet.HEADER_LENGTH;
    private static final long UDP4 = IP + Ip4.MIN_HEADER_LENGTH;
    private static final long UDP6 = IP + Ip6.HEADER_LENGTH;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadDatagramOverIp4() {
        // tshark: Source Port: 40000, Destination Port: 30000, Length: 19, Checksum: 0xeb86 [correct],
        // UDP payload (11 bytes)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.UDP4);
        assertThat(Ip4.protocol(m, IP)).isEqualTo(IpProtocol.UDP);
        assertThat(Udp.srcPort(m, UDP4)).isEqualTo(40000);
        assertThat(Udp.dstPort(m, UDP4)).isEqualTo(30000);
        assertThat(Udp.length(m, UDP4)).isEqualTo(19);
        assertThat(Udp.checksum(m, UDP4)).isEqualTo(0xeb86);
        assertThat(Udp.isChecksumValidIp4(m, IP, UDP4)).isTrue();
        assertThat(Udp.computeChecksumIp4(m, IP, UDP4)).isEqualTo(0xeb86);
        assertThat(new String(m.asSlice(UDP4 + Udp.HEADER_LENGTH).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                StandardCharsets.US_ASCII)).isEqualTo("hello vecta");
    }

    @Test
    void shouldReadDatagramOverIp6() {
        // tshark: Source Port: 40000, Destination Port: 30000, Length: 19, Checksum: 0x1416 [correct]
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.UDP6);
        assertThat(Udp.srcPort(m, UDP6)).isEqualTo(40000);
        assertThat(Udp.dstPort(m, UDP6)).isEqualTo(30000);
        assertThat(Udp.length(m, UDP6)).isEqualTo(19);
        assertThat(Udp.checksum(m, UDP6)).isEqualTo(0x1416);
        assertThat(Udp.isChecksumValidIp6(m, IP, UDP6)).isTrue();
        assertThat(Udp.computeChecksumIp6(m, IP, UDP6)).isEqualTo(0x1416);
    }

    @Test
    void shouldTreatZeroChecksumAsAbsentOverIp4Only() {
        MemorySegment v4 = CapturedFrames.load(arena, CapturedFrames.UDP4);
        Udp.setChecksum(v4, UDP4, Udp.NO_CHECKSUM);
        assertThat(Udp.isChecksumValidIp4(v4, IP, UDP4)).isTrue();
        Udp.setChecksum(v4, UDP4, 0xeb87);
        assertThat(Udp.isChecksumValidIp4(v4, IP, UDP4)).isFalse();

        MemorySegment v6 = CapturedFrames.load(arena, CapturedFrames.UDP6);
        Udp.setChecksum(v6, UDP6, Udp.NO_CHECKSUM);
        assertThat(Udp.isChecksumValidIp6(v6, IP, UDP6)).isFalse();
    }

    @Test
    void shouldSendComputedZeroAsAllOnes() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.UDP4);
        // rewrite the first payload word so that the datagram sums to 0xffff: a computed checksum of 0
        long word = UDP4 + Udp.HEADER_LENGTH;
        int sum = Checksum.complement(Udp.computeChecksumIp4(m, IP, UDP4));
        int old = NetworkOrder.u16(m, word);
        NetworkOrder.setU16(m, word, Checksum.complement(Checksum.add(sum, ~old & 0xffff)));
        Udp.setChecksum(m, UDP4, Udp.NO_CHECKSUM);
        int pseudo = Checksum.pseudoHeaderSumIp4(m, IP, IpProtocol.UDP, Udp.length(m, UDP4));
        assertThat(Checksum.sum(m, UDP4, Udp.length(m, UDP4), pseudo)).isEqualTo(0xffff);

        assertThat(Udp.computeChecksumIp4(m, IP, UDP4)).isEqualTo(0xffff);
        Udp.setChecksum(m, UDP4, 0xffff);
        assertThat(Udp.isChecksumValidIp4(m, IP, UDP4)).isTrue();
    }

    @Test
    void shouldRejectPortAbove16Bits() {
        MemorySegment m = arena.allocate(Udp.HEADER_LENGTH);
        assertThatThrownBy(() -> Udp.setDstPort(m, 0, 65536)).hasMessageContaining("udp destination port 65536");
        Udp.setSrcPort(m, 0, 65535);
        Udp.setLength(m, 0, 8);
        assertThat(Udp.srcPort(m, 0)).isEqualTo(65535);
        assertThat(Udp.length(m, 0)).isEqualTo(8);
    }
}
