package io.vecta.testkit.l2;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing into and out of bridge domain 10 (pg2, pg3 and the BVI loop0, 10.0.10.1/24) from the
 * routed interface pg0 (10.0.0.1/24), as a VPP BVI does.
 */
class BviRoutingTest {

    private static final String BVI_MAC = "02:00:00:00:10:10";
    private static final String HOST_A = "02:00:00:00:0a:02";
    private static final String HOST_B = "02:00:00:00:0b:03";
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg0;
    private PgPort pg2;
    private PgPort pg3;

    @BeforeEach
    void aBridgeWithABviAndARoutedInterface() {
        pg0 = vecta.pg(0);
        pg2 = vecta.pg(2);
        pg3 = vecta.pg(3);
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set ip neighbor pg0 10.0.0.2 " + pg0.peerMac());
        vecta.cli("create bridge-domain 10");
        vecta.cli("set interface l2 bridge pg2 10");
        vecta.cli("set interface l2 bridge pg3 10");
        String loop = vecta.cli("create loopback interface mac " + BVI_MAC).strip();
        assertThat(loop).isEqualTo("loop0");
        vecta.cli("set interface l2 bridge loop0 10 bvi");
        vecta.cli("set interface state loop0 up");
        vecta.cli("set interface ip address loop0 10.0.10.1/24");
    }

    @Test
    void shouldAnswerAPingToTheBviAddressFromAHostBehindABridgeMember() {
        vecta.sendAndExpect(pg2, List.of(Packets.ethernet(HOST_A, BROADCAST)
                .arpRequest(HOST_A, "10.0.10.2", "10.0.10.1").padTo(60).build()), pg2);
        byte[] ping = Packets.ethernet(HOST_A, BVI_MAC).ip4("10.0.10.2", "10.0.10.1").icmpEcho(9, 1).payload(24)
                .build();

        DecodedPacket reply = vecta.sendAndExpect(pg2, List.of(ping), pg2).getFirst();

        assertThat(reply.ethernet().src()).isEqualTo(MacAddress.parse(BVI_MAC));
        assertThat(reply.ethernet().dst()).isEqualTo(MacAddress.parse(HOST_A));
        assertThat(reply.ip4().src()).isEqualTo(Ip4Address.parse("10.0.10.1"));
        assertThat(reply.ip4().dst()).isEqualTo(Ip4Address.parse("10.0.10.2"));
        assertThat(reply.icmp().type()).isEqualTo(Icmp.TYPE_ECHO_REPLY);
        assertThat(reply.icmp().echoId()).isEqualTo(9);
        assertThat(reply.icmp().checksum().isCorrect()).as(reply.show()).isTrue();
        assertThat(vecta.counter(pg3, InterfaceCounters.Kind.TX_PACKETS))
                .as("only the broadcast ARP request: the reply goes to the learnt host alone").isEqualTo(1);
    }

    @Test
    void shouldRouteFromARoutedInterfaceThroughTheBviToTheMemberTheHostIsBehind() {
        List<byte[]> toHostB = Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "10.0.10.3")
                .udp(1234, 5678).payload(18).times(1);

        DecodedPacket request = vecta.sendAndExpect(pg0, toHostB, pg3).getFirst();

        assertThat(request.ethernet().dst()).isEqualTo(Ethernet.BROADCAST);
        assertThat(request.ethernet().src()).isEqualTo(MacAddress.parse(BVI_MAC));
        assertThat(request.arp().senderIp()).isEqualTo(Ip4Address.parse("10.0.10.1"));
        assertThat(request.arp().targetIp()).isEqualTo(Ip4Address.parse("10.0.10.3"));
        assertThat(vecta.counter(pg2, InterfaceCounters.Kind.TX_PACKETS)).as("flooded to every member").isEqualTo(1);

        vecta.sendAndAssertNoReplies(pg3, List.of(Packets.ethernet(HOST_B, BVI_MAC)
                .arpReply(HOST_B, "10.0.10.3", BVI_MAC, "10.0.10.1").padTo(60).build()), pg2, pg3);
        List<DecodedPacket> routed = vecta.sendAndExpect(pg0, toHostB, pg3);

        DecodedPacket out = routed.getFirst();
        assertThat(out.ethernet().src()).isEqualTo(MacAddress.parse(BVI_MAC));
        assertThat(out.ethernet().dst()).isEqualTo(MacAddress.parse(HOST_B));
        assertThat(out.ip4().dst()).isEqualTo(Ip4Address.parse("10.0.10.3"));
        assertThat(out.ip4().ttl()).isEqualTo(63);
        assertThat(out.ip4().checksum().isCorrect()).isTrue();
        assertThat(vecta.counter(pg2, InterfaceCounters.Kind.TX_PACKETS)).as("known on pg3: not flooded")
                .isEqualTo(1);
    }
}
