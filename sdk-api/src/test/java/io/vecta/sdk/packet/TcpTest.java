package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpTest {

    private static final long IP = HEADROOM + Ethernet.HEADER_LENGTH;
    private static final long TCP4 = IP + Ip4.MIN_HEADER_LENGTH;
    private static final long TCP6 = IP + Ip6.HEADER_LENGTH;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadSynWithOptions() {
        // tshark: Source Port: 33036, Destination Port: 7000, Sequence Number (raw): 3491166591,
        // Acknowledgment Number: 0, Header Length: 40 bytes (10), Flags: 0x002 (SYN), Window: 64240,
        // Checksum: 0xe911 [correct], Urgent Pointer: 0
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_SYN);
        assertThat(Tcp.srcPort(m, TCP4)).isEqualTo(33036);
        assertThat(Tcp.dstPort(m, TCP4)).isEqualTo(7000);
        assertThat(Tcp.sequence(m, TCP4)).isEqualTo(3491166591L);
        assertThat(Tcp.acknowledgment(m, TCP4)).isZero();
        assertThat(Tcp.dataOffset(m, TCP4)).isEqualTo(10);
        assertThat(Tcp.headerLength(m, TCP4)).isEqualTo(40);
        assertThat(Tcp.flags(m, TCP4)).isEqualTo(0x002).isEqualTo(Tcp.FLAG_SYN);
        assertThat(Tcp.hasFlags(m, TCP4, Tcp.FLAG_SYN)).isTrue();
        assertThat(Tcp.hasFlags(m, TCP4, Tcp.FLAG_SYN | Tcp.FLAG_ACK)).isFalse();
        assertThat(Tcp.window(m, TCP4)).isEqualTo(64240);
        assertThat(Tcp.checksum(m, TCP4)).isEqualTo(0xe911);
        assertThat(Tcp.urgentPointer(m, TCP4)).isZero();
        assertThat(Tcp.isChecksumValidIp4(m, IP, TCP4)).isTrue();
        assertThat(Tcp.computeChecksumIp4(m, IP, TCP4)).isEqualTo(0xe911);
    }

    @Test
    void shouldReadPushAckWithData() {
        // tshark: Seq (raw): 3491166592, Ack (raw): 3157923653, Header Length: 32 bytes (8), Flags: 0x018 (PSH, ACK),
        // Window: 63, Checksum: 0x333c [correct], Urgent Pointer: 0, TCP payload (11 bytes)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_PSH_ACK);
        assertThat(Tcp.sequence(m, TCP4)).isEqualTo(3491166592L);
        assertThat(Tcp.acknowledgment(m, TCP4)).isEqualTo(3157923653L);
        assertThat(Tcp.headerLength(m, TCP4)).isEqualTo(32);
        assertThat(Tcp.flags(m, TCP4)).isEqualTo(Tcp.FLAG_PSH | Tcp.FLAG_ACK);
        assertThat(Tcp.window(m, TCP4)).isEqualTo(63);
        assertThat(Tcp.checksum(m, TCP4)).isEqualTo(0x333c);
        assertThat(Tcp.isChecksumValidIp4(m, IP, TCP4)).isTrue();
        assertThat(Ip4.payloadLength(m, IP) - Tcp.headerLength(m, TCP4)).isEqualTo(11);
    }

    @Test
    void shouldReadUrgentData() {
        // tshark: Seq (raw): 3491166603, Ack (raw): 3157923653, Flags: 0x038 (PSH, ACK, URG), Window: 63,
        // Checksum: 0x901d [correct], Urgent Pointer: 1
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_URG);
        assertThat(Tcp.sequence(m, TCP4)).isEqualTo(3491166603L);
        assertThat(Tcp.flags(m, TCP4)).isEqualTo(0x038);
        assertThat(Tcp.hasFlags(m, TCP4, Tcp.FLAG_URG | Tcp.FLAG_PSH | Tcp.FLAG_ACK)).isTrue();
        assertThat(Tcp.urgentPointer(m, TCP4)).isEqualTo(1);
        assertThat(Tcp.checksum(m, TCP4)).isEqualTo(0x901d);
        assertThat(Tcp.isChecksumValidIp4(m, IP, TCP4)).isTrue();
    }

    @Test
    void shouldReadResetFromClosedPort() {
        // tshark: Source Port: 8080, Destination Port: 58602, Seq (raw): 0, Ack (raw): 352422377,
        // Header Length: 20 bytes (5), Flags: 0x014 (RST, ACK), Window: 0, Checksum: 0x8867 [correct]
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_RST_ACK);
        assertThat(Tcp.srcPort(m, TCP4)).isEqualTo(8080);
        assertThat(Tcp.dstPort(m, TCP4)).isEqualTo(58602);
        assertThat(Tcp.sequence(m, TCP4)).isZero();
        assertThat(Tcp.acknowledgment(m, TCP4)).isEqualTo(352422377L);
        assertThat(Tcp.dataOffset(m, TCP4)).isEqualTo(5);
        assertThat(Tcp.flags(m, TCP4)).isEqualTo(Tcp.FLAG_RST | Tcp.FLAG_ACK);
        assertThat(Tcp.window(m, TCP4)).isZero();
        assertThat(Tcp.checksum(m, TCP4)).isEqualTo(0x8867);
        assertThat(Tcp.isChecksumValidIp4(m, IP, TCP4)).isTrue();
    }

    @Test
    void shouldReadSynOverIp6() {
        // tshark: Source Port: 46510, Destination Port: 8080, Seq (raw): 3791933507, Header Length: 40 bytes (10),
        // Flags: 0x002 (SYN), Window: 64800, Checksum: 0xa8cc [correct], Urgent Pointer: 0
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP6_SYN);
        assertThat(Tcp.srcPort(m, TCP6)).isEqualTo(46510);
        assertThat(Tcp.dstPort(m, TCP6)).isEqualTo(8080);
        assertThat(Tcp.sequence(m, TCP6)).isEqualTo(3791933507L);
        assertThat(Tcp.headerLength(m, TCP6)).isEqualTo(40);
        assertThat(Tcp.flags(m, TCP6)).isEqualTo(Tcp.FLAG_SYN);
        assertThat(Tcp.window(m, TCP6)).isEqualTo(64800);
        assertThat(Tcp.checksum(m, TCP6)).isEqualTo(0xa8cc);
        assertThat(Tcp.isChecksumValidIp6(m, IP, TCP6)).isTrue();
        assertThat(Tcp.computeChecksumIp6(m, IP, TCP6)).isEqualTo(0xa8cc);
    }

    @Test
    void shouldWrapSequenceNumbersModulo2To32() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_SYN);
        Tcp.setSequence(m, TCP4, 0xffff_ffffL + 1);
        assertThat(Tcp.sequence(m, TCP4)).isZero();
        Tcp.setAcknowledgment(m, TCP4, 0xffff_ffffL);
        assertThat(Tcp.acknowledgment(m, TCP4)).isEqualTo(4294967295L);
        assertThat(Tcp.sequence(m, TCP4)).isZero();
    }

    @Test
    void shouldKeepReservedBitsWhenSettingDataOffset() {
        MemorySegment m = arena.allocate(Tcp.MIN_HEADER_LENGTH);
        m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, Tcp.DATA_OFFSET_OFFSET, (byte) 0x0f);
        Tcp.setDataOffset(m, 0, 15);
        assertThat(NetworkOrder.u8(m, Tcp.DATA_OFFSET_OFFSET)).isEqualTo(0xff);
        assertThat(Tcp.headerLength(m, 0)).isEqualTo(60);
        assertThatThrownBy(() -> Tcp.setDataOffset(m, 0, 16)).hasMessageContaining("tcp data offset 16");
        assertThatThrownBy(() -> Tcp.setFlags(m, 0, 0x100)).hasMessageContaining("tcp flags 256");
    }

    @Test
    void shouldDetectPayloadCorruption() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.TCP4_PSH_ACK);
        m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, m.byteSize() - 2, (byte) 'X');
        assertThat(Tcp.isChecksumValidIp4(m, IP, TCP4)).isFalse();
    }
}
