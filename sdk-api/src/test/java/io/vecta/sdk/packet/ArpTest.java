package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArpTest {

    private static final long ARP = HEADROOM + Ethernet.HEADER_LENGTH;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadCapturedRequest() {
        // tshark: Hardware type: Ethernet (1), Protocol type: IPv4 (0x0800), Hardware size: 6, Protocol size: 4,
        // Opcode: request (1), Sender MAC 02:fe:12:34:56:78, Sender IP 192.0.2.1,
        // Target MAC 00:00:00:00:00:00, Target IP 192.0.2.2
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ARP_REQUEST);
        assertThat(Arp.hardwareType(m, ARP)).isEqualTo(1);
        assertThat(Arp.protocolType(m, ARP)).isEqualTo(0x0800);
        assertThat(Arp.hardwareSize(m, ARP)).isEqualTo(6);
        assertThat(Arp.protocolSize(m, ARP)).isEqualTo(4);
        assertThat(Arp.isEthernetIp4(m, ARP)).isTrue();
        assertThat(Arp.opcode(m, ARP)).isEqualTo(Arp.OPCODE_REQUEST);
        assertThat(MacAddress.format(Arp.senderMac(m, ARP))).isEqualTo("02:fe:12:34:56:78");
        assertThat(Ip4Address.format(Arp.senderIp(m, ARP))).isEqualTo("192.0.2.1");
        assertThat(Arp.targetMac(m, ARP)).isZero();
        assertThat(Ip4Address.format(Arp.targetIp(m, ARP))).isEqualTo("192.0.2.2");
    }

    @Test
    void shouldReadCapturedReply() {
        // tshark: Opcode: reply (2), Sender MAC 02:fe:9a:bc:de:f0, Sender IP 192.0.2.2,
        // Target MAC 02:fe:12:34:56:78, Target IP 192.0.2.1
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ARP_REPLY);
        assertThat(Arp.opcode(m, ARP)).isEqualTo(Arp.OPCODE_REPLY);
        assertThat(Arp.senderMac(m, ARP)).isEqualTo(0x02fe9abcdef0L);
        assertThat(Arp.senderIp(m, ARP)).isEqualTo(0xc0000202);
        assertThat(Arp.targetMac(m, ARP)).isEqualTo(0x02fe12345678L);
        assertThat(Arp.targetIp(m, ARP)).isEqualTo(0xc0000201);
    }

    @Test
    void shouldTurnRequestIntoTheCapturedReply() {
        // what an ARP responder does in place: the result must be the kernel's own reply
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ARP_REQUEST);
        long requester = Arp.senderMac(m, ARP);
        int requesterIp = Arp.senderIp(m, ARP);
        int wantedIp = Arp.targetIp(m, ARP);
        Ethernet.setDst(m, HEADROOM, requester);
        Ethernet.setSrc(m, HEADROOM, CapturedFrames.MAC_B);
        Arp.setOpcode(m, ARP, Arp.OPCODE_REPLY);
        Arp.setSenderMac(m, ARP, CapturedFrames.MAC_B);
        Arp.setSenderIp(m, ARP, wantedIp);
        Arp.setTargetMac(m, ARP, requester);
        Arp.setTargetIp(m, ARP, requesterIp);
        assertThat(m.asSlice(HEADROOM).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))
                .isEqualTo(CapturedFrames.bytes(CapturedFrames.ARP_REPLY));
    }

    @Test
    void shouldNotClaimEthernetIp4ForOtherSizes() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ARP_REQUEST);
        Arp.setProtocolSize(m, ARP, 16);
        assertThat(Arp.isEthernetIp4(m, ARP)).isFalse();
        Arp.setProtocolSize(m, ARP, 4);
        Arp.setHardwareType(m, ARP, 6);
        assertThat(Arp.isEthernetIp4(m, ARP)).isFalse();
    }
}
