package io.vecta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit's packet builder, read back with the packet decoder. */
class PacketsTest {

    @Test
    void shouldStackEthernetVlanIp4AndUdpSourceFirst() {
        DecodedPacket p = DecodedPacket.decode(Packets.ethernet("02:01:00:00:00:01", "02:fe:00:00:00:01").vlan(100)
                .ip4("10.0.0.1", "10.0.1.1").ttl(5).tos(0x10).udp(1234, 80).payload(18).build());

        assertThat(p.isValid()).as(p.show()).isTrue();
        assertThat(p.ethernet().src()).isEqualTo(MacAddress.parse("02:01:00:00:00:01"));
        assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse("02:fe:00:00:00:01"));
        assertThat(p.vlans()).singleElement().satisfies(tag -> assertThat(tag.vid()).isEqualTo(100));
        assertThat(p.ip4().src()).isEqualTo(Ip4Address.parse("10.0.0.1"));
        assertThat(p.ip4().ttl()).isEqualTo(5);
        assertThat(p.ip4().tos()).isEqualTo(0x10);
        assertThat(p.udp().dstPort()).isEqualTo(80);
        assertThat(p.payload()).hasSize(18).startsWith((byte) 0, (byte) 1, (byte) 2).endsWith((byte) 17);
    }

    @Test
    void shouldBuildArpIcmp6AndTcpWithValidChecksums() {
        DecodedPacket arp = DecodedPacket.decode(Packets.ethernet("02:01:00:00:00:01", "ff:ff:ff:ff:ff:ff")
                .arpRequest("02:01:00:00:00:01", "10.0.0.1", "10.0.0.2").build());
        DecodedPacket echo = DecodedPacket.decode(Packets.ethernet("02:01:00:00:00:01", "02:fe:00:00:00:01")
                .ip6("2001:db8::1", "2001:db8::2").hopLimit(9).icmpEcho(7, 3).payload("ping").build());
        DecodedPacket syn = DecodedPacket.decode(Packets.ethernet("02:01:00:00:00:01", "02:fe:00:00:00:01")
                .ip4("10.0.0.1", "10.0.1.1").tcp(40000, 443, 0x02).build());

        assertThat(arp.arp().opcode()).isEqualTo(1);
        assertThat(arp.arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.0.2"));
        assertThat(echo.isValid()).as(echo.show()).isTrue();
        assertThat(echo.icmp().icmp6()).isTrue();
        assertThat(echo.icmp().type()).isEqualTo(128);
        assertThat(syn.isValid()).as(syn.show()).isTrue();
        assertThat(syn.tcp().flags()).isEqualTo(0x02);
    }

    @Test
    void shouldMakeOnePacketPerIndexOrCopiesOfOne() {
        List<byte[]> flows = Packets.each(3, i -> Packets.ethernet("02:01:00:00:00:01", "02:fe:00:00:00:01")
                .ip4("10.0.0." + (i + 1), "10.0.1.1").udp(1, 2).padTo(64));
        List<byte[]> copies = Packets.ethernet("02:01:00:00:00:01", "02:fe:00:00:00:01").ip4("10.0.0.1", "10.0.1.1")
                .udp(1, 2).times(2);

        assertThat(flows).extracting(f -> DecodedPacket.decode(f).ip4().src())
                .containsExactly(Ip4Address.parse("10.0.0.1"), Ip4Address.parse("10.0.0.2"), Ip4Address.parse("10.0.0.3"));
        assertThat(flows).allSatisfy(f -> assertThat(f).hasSize(64));
        assertThat(copies.get(0)).isEqualTo(copies.get(1)).isNotSameAs(copies.get(1));
    }
}
