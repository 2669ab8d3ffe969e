package io.vecta.testkit.ip4;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routing out of an 802.1Q sub-interface: the 18-byte rewrite, and ARP for its neighbours, tagged both ways. */
class Ip4SubInterfaceTest {

    private static final String UNTAGGED_NEIGHBOUR = "02:00:00:00:01:02";
    private static final String TAGGED_NEIGHBOUR = "02:00:00:00:64:02";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg0;
    private PgPort pg1;

    @BeforeEach
    void aSubInterfaceWithVlan100OnPg1() {
        pg0 = vecta.pg(0);
        pg1 = vecta.pg(1);
        vecta.cli("create sub-interfaces pg1 100");
        vecta.cli("set interface state pg1.100 up");
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24");
        vecta.cli("set interface ip address pg1.100 10.0.100.1/24");
        vecta.cli("set ip neighbor pg0 10.0.0.2 " + pg0.peerMac());
        vecta.cli("set ip neighbor pg1 10.0.1.2 " + UNTAGGED_NEIGHBOUR);
        vecta.cli("set ip neighbor pg1.100 10.0.100.2 " + TAGGED_NEIGHBOUR);
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2 pg1");
        vecta.cli("ip route add 50.0.0.0/8 via 10.0.100.2 pg1.100");
    }

    private Packets udpTo(String dst) {
        return Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", dst).udp(1234, 5678).payload(18);
    }

    @Test
    void shouldTagWhatIsRoutedThroughANeighbourOnASubInterface() {
        byte[] sent = udpTo("50.0.0.1").build();

        DecodedPacket out = vecta.sendAndExpect(pg0, List.of(sent), pg1).getFirst();

        assertThat(out.ethernet().dst()).isEqualTo(MacAddress.parse(TAGGED_NEIGHBOUR));
        assertThat(out.ethernet().src()).isEqualTo(pg1.macValue());
        assertThat(out.vlans()).singleElement().satisfies(tag -> assertThat(tag.vid()).isEqualTo(100));
        assertThat(out.ip4().dst()).isEqualTo(Ip4Address.parse("50.0.0.1"));
        assertThat(out.ip4().ttl()).isEqualTo(63);
        assertThat(out.ip4().checksum().isCorrect()).as(out.show()).isTrue();
        assertThat(out.udp()).isEqualTo(DecodedPacket.decode(sent).udp());
        assertThat(out.length()).isEqualTo(sent.length + 4);
        assertThat(out.isValid()).as(out.show()).isTrue();
        String rewrite = "020000006402" + pg1.mac().replace(":", "") + "810000640800";
        assertThat(vecta.cli("show ip fib 50.0.0.0/8")).contains("ipv4 via 10.0.100.2 pg1.100: mtu:9000")
                .contains(rewrite);
        assertThat(vecta.cli("show trace")).contains("00000000: " + rewrite + "45");
    }

    @Test
    void shouldTagOnlyThePacketsRoutedToTheSubInterfaceInAMixedFrame() {
        List<byte[]> mixed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mixed.add(udpTo((i % 2 == 0 ? "50.0.0." : "48.0.0.") + i).build());
        }

        List<DecodedPacket> out = vecta.sendAndExpect(pg0, mixed, pg1);

        assertThat(out).allSatisfy(p -> {
            boolean tagged = Ip4Address.format(p.ip4().dst()).startsWith("50.");
            assertThat(p.vlans()).hasSize(tagged ? 1 : 0);
            assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse(tagged ? TAGGED_NEIGHBOUR : UNTAGGED_NEIGHBOUR));
            assertThat(p.ip4().checksum().isCorrect()).isTrue();
            assertThat(p.isValid()).as(p.show()).isTrue();
        });
        assertThat(out.stream().filter(p -> !p.vlans().isEmpty())).hasSize(3);
    }

    @Test
    void shouldArpTaggedForAnUnresolvedNextHopOnASubInterfaceAndForwardOnceTheTaggedReplyArrives() {
        vecta.cli("ip route add 51.0.0.0/8 via 10.0.100.9 pg1.100");

        DecodedPacket request = vecta.sendAndExpect(pg0, List.of(udpTo("51.0.0.1").build()), pg1).getFirst();

        assertThat(request.vlans()).singleElement().satisfies(tag -> assertThat(tag.vid()).isEqualTo(100));
        assertThat(request.ethernet().dst()).isEqualTo(Ethernet.BROADCAST);
        assertThat(request.arp().opcode()).isEqualTo(1);
        assertThat(request.arp().senderIp()).isEqualTo(Ip4Address.parse("10.0.100.1"));
        assertThat(request.arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.100.9"));

        vecta.sendAndAssertNoReplies(pg1, List.of(Packets.ethernet("02:00:00:00:64:09", pg1.mac()).vlan(100)
                .arpReply("02:00:00:00:64:09", "10.0.100.9", pg1.mac(), "10.0.100.1").build()), pg0, pg1);
        List<DecodedPacket> forwarded = vecta.sendAndExpect(pg0, udpTo("51.0.0.1").times(2), pg1);

        assertThat(forwarded).allSatisfy(p -> {
            assertThat(p.vlans()).singleElement().satisfies(tag -> assertThat(tag.vid()).isEqualTo(100));
            assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse("02:00:00:00:64:09"));
            assertThat(p.ip4().ttl()).isEqualTo(63);
        });
        assertThat(vecta.cli("show ip neighbors pg1.100")).contains("10.0.100.9").contains("02:00:00:00:64:09");
    }

    @Test
    void shouldGleanTaggedForAnUnknownHostOfTheSubInterfacesSubnet() {
        DecodedPacket request = vecta.sendAndExpect(pg0, List.of(udpTo("10.0.100.77").build()), pg1).getFirst();

        assertThat(request.vlans()).singleElement().satisfies(tag -> assertThat(tag.vid()).isEqualTo(100));
        assertThat(request.arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.100.77"));
        assertThat(request.arp().senderIp()).isEqualTo(Ip4Address.parse("10.0.100.1"));
        assertThat(vecta.errors("ip4-glean", "ARP requests sent")).isEqualTo(1);
    }
}
