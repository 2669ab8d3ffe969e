package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EthernetTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadBroadcastArpRequestHeader() {
        // tshark: Destination: Broadcast (ff:ff:ff:ff:ff:ff), Source: 02:fe:12:34:56:78, Type: ARP (0x0806)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ARP_REQUEST);
        assertThat(Ethernet.dst(m, HEADROOM)).isEqualTo(0xffff_ffff_ffffL).isEqualTo(Ethernet.BROADCAST);
        assertThat(Ethernet.src(m, HEADROOM)).isEqualTo(0x02fe12345678L);
        assertThat(Ethernet.etherType(m, HEADROOM)).isEqualTo(0x0806).isEqualTo(Ethernet.ETHER_TYPE_ARP);
        assertThat(Ethernet.isMulticastDst(m, HEADROOM)).isTrue();
    }

    @Test
    void shouldReadUnicastIp4Header() {
        // tshark: Destination: 02:fe:9a:bc:de:f0, Source: 02:fe:12:34:56:78, Type: IPv4 (0x0800)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REQUEST);
        assertThat(MacAddress.format(Ethernet.dst(m, HEADROOM))).isEqualTo("02:fe:9a:bc:de:f0");
        assertThat(MacAddress.format(Ethernet.src(m, HEADROOM))).isEqualTo("02:fe:12:34:56:78");
        assertThat(Ethernet.etherType(m, HEADROOM)).isEqualTo(Ethernet.ETHER_TYPE_IP4);
        assertThat(Ethernet.isMulticastDst(m, HEADROOM)).isFalse();
    }

    @Test
    void shouldReadIp6MulticastHeader() {
        // tshark: Destination: IPv6mcast_ff:00:00:02 (33:33:ff:00:00:02), Type: IPv6 (0x86dd)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP6_NEIGHBOR_SOLICITATION);
        assertThat(MacAddress.format(Ethernet.dst(m, HEADROOM))).isEqualTo("33:33:ff:00:00:02");
        assertThat(Ethernet.etherType(m, HEADROOM)).isEqualTo(0x86dd).isEqualTo(Ethernet.ETHER_TYPE_IP6);
        assertThat(Ethernet.isMulticastDst(m, HEADROOM)).isTrue();
    }

    @Test
    void shouldCopyAddressesToAndFromBytes() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.ICMP_ECHO_REPLY);
        byte[] dst = new byte[6];
        byte[] src = new byte[6];
        Ethernet.copyDst(m, HEADROOM, dst);
        Ethernet.copySrc(m, HEADROOM, src);
        assertThat(dst).containsExactly(0x02, 0xfe, 0x12, 0x34, 0x56, 0x78);
        assertThat(src).containsExactly(0x02, 0xfe, 0x9a, 0xbc, 0xde, 0xf0);

        // swapping the addresses as an echo responder would
        Ethernet.setDst(m, HEADROOM, src);
        Ethernet.setSrc(m, HEADROOM, dst);
        assertThat(Ethernet.dst(m, HEADROOM)).isEqualTo(CapturedFrames.MAC_B);
        assertThat(Ethernet.src(m, HEADROOM)).isEqualTo(CapturedFrames.MAC_A);
        assertThat(Ethernet.etherType(m, HEADROOM)).isEqualTo(Ethernet.ETHER_TYPE_IP4);
    }

    @Test
    void shouldWriteFieldsWithoutTouchingNeighbours() {
        MemorySegment m = arena.allocate(HEADROOM + Ethernet.HEADER_LENGTH + 2);
        m.fill((byte) 0x5a);
        Ethernet.setDst(m, HEADROOM, 0x0102030405_06L);
        Ethernet.setSrc(m, HEADROOM, 0xa1a2a3a4a5a6L);
        Ethernet.setEtherType(m, HEADROOM, Ethernet.ETHER_TYPE_QINQ);
        assertThat(m.asSlice(HEADROOM - 1, Ethernet.HEADER_LENGTH + 2).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))
                .isEqualTo(CapturedFrames.bytes("5a 010203040506 a1a2a3a4a5a6 88a8 5a"));
    }

    @Test
    void shouldRejectEtherTypeWiderThan16Bits() {
        MemorySegment m = arena.allocate(Ethernet.HEADER_LENGTH);
        assertThatThrownBy(() -> Ethernet.setEtherType(m, 0, 0x10800))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ethernet ether type")
                .hasMessageContaining("16 bits");
    }

    @Test
    void shouldRejectMacArrayOfWrongLength() {
        MemorySegment m = arena.allocate(Ethernet.HEADER_LENGTH);
        assertThatThrownBy(() -> Ethernet.setSrc(m, 0, new byte[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 bytes, got 5");
    }

    @Test
    void shouldThrowIndexOutOfBoundsOnTruncatedHeader() {
        MemorySegment m = arena.allocate(13);
        assertThat(Ethernet.src(m, 0)).isZero();
        assertThatThrownBy(() -> Ethernet.etherType(m, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
