package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IcmpTest {

    private static final long IP = HEADROOM + Ethernet.HEADER_LENGTH;
    private static final long ICMP = IP + Ip4.MIN_HEADER_LENGTH;
    private static final long ICMP6 = IP + Ip6.HEADER_LENGTH;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadEchoRequestAndReply() {
        // tshark request: Type: 8, Code: 0, Checksum: 0xc4bf [correct], Identifier (BE): 6409 (0x1909), Sequence (BE): 1
        MemorySegment request = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REQUEST);
        assertThat(Icmp.type(request, ICMP)).isEqualTo(Icmp.TYPE_ECHO_REQUEST);
        assertThat(Icmp.code(request, ICMP)).isZero();
        assertThat(Icmp.checksum(request, ICMP)).isEqualTo(0xc4bf);
        assertThat(Icmp.echoId(request, ICMP)).isEqualTo(6409);
        assertThat(Icmp.echoSequence(request, ICMP)).isEqualTo(1);
        assertThat(Icmp.restOfHeader(request, ICMP)).isEqualTo(0x19090001);
        assertThat(Icmp.isChecksumValidIp4(request, IP, ICMP)).isTrue();
        assertThat(Icmp.computeChecksumIp4(request, IP, ICMP)).isEqualTo(0xc4bf);

        // tshark reply: Type: 0, Code: 0, Checksum: 0xccbf [correct], Identifier (BE): 6409, Sequence (BE): 1
        MemorySegment reply = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REPLY);
        assertThat(Icmp.type(reply, ICMP)).isEqualTo(Icmp.TYPE_ECHO_REPLY);
        assertThat(Icmp.checksum(reply, ICMP)).isEqualTo(0xccbf);
        assertThat(Icmp.echoId(reply, ICMP)).isEqualTo(6409);
        assertThat(Icmp.isChecksumValidIp4(reply, IP, ICMP)).isTrue();
    }

    @Test
    void shouldReadEchoBehindTagsAndOptions() {
        // tshark: VLAN frame ICMP Checksum: 0xa9f4, Identifier (BE): 0x19a4;
        //         QinQ frame ICMP Checksum: 0x4050, Identifier (BE): 0x19d3;
        //         record route frame ICMP Checksum: 0x69b4 after 40 bytes of options
        MemorySegment vlan = CapturedFrames.load(arena, CapturedFrames.VLAN_ICMP_ECHO_REQUEST);
        long vlanIp = IP + Vlan.TAG_LENGTH;
        long vlanIcmp = vlanIp + Ip4.MIN_HEADER_LENGTH;
        assertThat(Icmp.checksum(vlan, vlanIcmp)).isEqualTo(0xa9f4);
        assertThat(Icmp.echoId(vlan, vlanIcmp)).isEqualTo(0x19a4);
        assertThat(Icmp.isChecksumValidIp4(vlan, vlanIp, vlanIcmp)).isTrue();

        MemorySegment qinq = CapturedFrames.load(arena, CapturedFrames.QINQ_ICMP_ECHO_REQUEST);
        long qinqIp = IP + 2 * Vlan.TAG_LENGTH;
        long qinqIcmp = qinqIp + Ip4.MIN_HEADER_LENGTH;
        assertThat(Icmp.checksum(qinq, qinqIcmp)).isEqualTo(0x4050);
        assertThat(Icmp.echoId(qinq, qinqIcmp)).isEqualTo(0x19d3);
        assertThat(Icmp.isChecksumValidIp4(qinq, qinqIp, qinqIcmp)).isTrue();

        MemorySegment options = CapturedFrames.load(arena, CapturedFrames.IP4_RECORD_ROUTE);
        long optionsIcmp = Ip4.payloadOffset(options, IP);
        assertThat(Icmp.checksum(options, optionsIcmp)).isEqualTo(0x69b4);
        assertThat(Icmp.isChecksumValidIp4(options, IP, optionsIcmp)).isTrue();
        assertThat(Icmp.computeChecksumIp4(options, IP, optionsIcmp)).isEqualTo(0x69b4);
    }

    @Test
    void shouldVerifyIcmp6ChecksumsOverPseudoHeader() {
        // tshark: Type: Neighbor Solicitation (135), Code: 0, Checksum: 0xb27d [correct]
        MemorySegment ns = CapturedFrames.load(arena, CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION);
        assertThat(Icmp.type(ns, ICMP6)).isEqualTo(Icmp.TYPE6_NEIGHBOR_SOLICITATION);
        assertThat(Icmp.code(ns, ICMP6)).isZero();
        assertThat(Icmp.checksum(ns, ICMP6)).isEqualTo(0xb27d);
        assertThat(Icmp.isChecksumValidIp6(ns, IP, ICMP6)).isTrue();
        assertThat(Icmp.computeChecksumIp6(ns, IP, ICMP6)).isEqualTo(0xb27d);

        // tshark: Type: Echo (ping) request (128), Checksum: 0xbe6e [correct], Identifier: 0x1959, Sequence: 1
        MemorySegment echo = CapturedFrames.load(arena, CapturedFrames.ICMP6_ECHO_REQUEST);
        assertThat(Icmp.type(echo, ICMP6)).isEqualTo(Icmp.TYPE6_ECHO_REQUEST);
        assertThat(Icmp.checksum(echo, ICMP6)).isEqualTo(0xbe6e);
        assertThat(Icmp.echoId(echo, ICMP6)).isEqualTo(0x1959);
        assertThat(Icmp.echoSequence(echo, ICMP6)).isEqualTo(1);
        assertThat(Icmp.isChecksumValidIp6(echo, IP, ICMP6)).isTrue();
        assertThat(Icmp.computeChecksumIp6(echo, IP, ICMP6)).isEqualTo(0xbe6e);
    }

    @Test
    void shouldAnswerEchoInPlaceWithIncrementalChecksum() {
        // an echo responder flips the type and patches the checksum: the result is the kernel's own reply
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REQUEST);
        int before = NetworkOrder.u16(m, ICMP);
        Icmp.setType(m, ICMP, Icmp.TYPE_ECHO_REPLY);
        Icmp.setChecksum(m, ICMP, Checksum.update16(Icmp.checksum(m, ICMP), before, NetworkOrder.u16(m, ICMP)));
        assertThat(Icmp.checksum(m, ICMP)).isEqualTo(0xccbf);
        assertThat(Icmp.isChecksumValidIp4(m, IP, ICMP)).isTrue();
        byte[] reply = CapturedFrames.bytes(CapturedFrames.ICMP_ECHO_REPLY);
        byte[] icmp = m.asSlice(ICMP).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        assertThat(icmp).isEqualTo(java.util.Arrays.copyOfRange(reply, 34, reply.length));
    }

    @Test
    void shouldDetectCorruptedPayloadAndIcmp6PseudoHeader() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REQUEST);
        m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, m.byteSize() - 1, (byte) 0);
        assertThat(Icmp.isChecksumValidIp4(m, IP, ICMP)).isFalse();

        MemorySegment echo6 = CapturedFrames.load(arena, CapturedFrames.ICMP6_ECHO_REQUEST);
        Ip6.setDst(echo6, IP, 0x20010db800000000L, 3);
        assertThat(Icmp.isChecksumValidIp6(echo6, IP, ICMP6)).isFalse();
        Icmp.setChecksum(echo6, ICMP6, Icmp.computeChecksumIp6(echo6, IP, ICMP6));
        assertThat(Icmp.isChecksumValidIp6(echo6, IP, ICMP6)).isTrue();
    }
}
