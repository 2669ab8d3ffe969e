package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.HEADROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VlanTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void shouldReadSingle8021qTag() {
        // tshark: Type: 802.1Q Virtual LAN (0x8100); 802.1Q Virtual LAN, PRI: 5, DEI: 0, ID: 100; Type: IPv4 (0x0800)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.VLAN_ICMP_ECHO_REQUEST);
        assertThat(Ethernet.etherType(m, HEADROOM)).isEqualTo(0x8100).isEqualTo(Ethernet.ETHER_TYPE_VLAN);
        assertThat(Vlan.isTagType(Ethernet.etherType(m, HEADROOM))).isTrue();
        long tag = HEADROOM + Ethernet.HEADER_LENGTH;
        assertThat(Vlan.pcp(m, tag)).isEqualTo(5);
        assertThat(Vlan.dei(m, tag)).isFalse();
        assertThat(Vlan.vid(m, tag)).isEqualTo(100);
        assertThat(Vlan.tci(m, tag)).isEqualTo(0xa064);
        assertThat(Vlan.etherType(m, tag)).isEqualTo(Ethernet.ETHER_TYPE_IP4);
        assertThat(Vlan.isTagType(Vlan.etherType(m, tag))).isFalse();
        // the IPv4 header follows the tag: tshark Src: 192.0.2.1, Dst: 192.0.2.2
        long ip = tag + Vlan.TAG_LENGTH;
        assertThat(Ip4.version(m, ip)).isEqualTo(4);
        assertThat(Ip4Address.format(Ip4.src(m, ip))).isEqualTo("192.0.2.1");
    }

    @Test
    void shouldReadQinqTagStack() {
        // tshark: Type: 802.1ad (0x88a8); IEEE 802.1ad, Priority: 3, DEI: 0, ID: 200; Type: 802.1Q (0x8100);
        //         802.1Q Virtual LAN, PRI: 0, DEI: 1, ID: 300; Type: IPv4 (0x0800)
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.QINQ_ICMP_ECHO_REQUEST);
        assertThat(Ethernet.etherType(m, HEADROOM)).isEqualTo(0x88a8).isEqualTo(Ethernet.ETHER_TYPE_QINQ);
        long outer = HEADROOM + Ethernet.HEADER_LENGTH;
        assertThat(Vlan.pcp(m, outer)).isEqualTo(3);
        assertThat(Vlan.dei(m, outer)).isFalse();
        assertThat(Vlan.vid(m, outer)).isEqualTo(200);
        assertThat(Vlan.etherType(m, outer)).isEqualTo(Ethernet.ETHER_TYPE_VLAN);
        long inner = outer + Vlan.TAG_LENGTH;
        assertThat(Vlan.pcp(m, inner)).isZero();
        assertThat(Vlan.dei(m, inner)).isTrue();
        assertThat(Vlan.vid(m, inner)).isEqualTo(300);
        assertThat(Vlan.etherType(m, inner)).isEqualTo(Ethernet.ETHER_TYPE_IP4);
        assertThat(Ip4.isChecksumValid(m, inner + Vlan.TAG_LENGTH)).isTrue();
    }

    @Test
    void shouldRewriteEachTciPartAlone() {
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.VLAN_ICMP_ECHO_REQUEST);
        long tag = HEADROOM + Ethernet.HEADER_LENGTH;
        Vlan.setVid(m, tag, 4095);
        assertThat(Vlan.vid(m, tag)).isEqualTo(4095);
        assertThat(Vlan.pcp(m, tag)).isEqualTo(5);
        Vlan.setPcp(m, tag, 7);
        Vlan.setDei(m, tag, true);
        assertThat(Vlan.tci(m, tag)).isEqualTo(0xffff);
        Vlan.setDei(m, tag, false);
        Vlan.setPcp(m, tag, 0);
        Vlan.setVid(m, tag, 1);
        assertThat(Vlan.tci(m, tag)).isEqualTo(0x0001);
        assertThat(Vlan.etherType(m, tag)).isEqualTo(Ethernet.ETHER_TYPE_IP4);
        assertThat(Vlan.tci(5, false, 100)).isEqualTo(0xa064);
    }

    @Test
    void shouldRejectVidAndPcpOutOfRange() {
        MemorySegment m = arena.allocate(Vlan.TAG_LENGTH);
        assertThatThrownBy(() -> Vlan.setVid(m, 0, 4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vlan vid 4096 (0x1000) does not fit in 12 bits (0..4095)");
        assertThatThrownBy(() -> Vlan.setPcp(m, 0, 8)).hasMessageContaining("vlan pcp 8");
        assertThatThrownBy(() -> Vlan.tci(0, false, -1)).hasMessageContaining("vlan vid -1");
        assertThat(Vlan.tci(m, 0)).isZero();
    }
}
