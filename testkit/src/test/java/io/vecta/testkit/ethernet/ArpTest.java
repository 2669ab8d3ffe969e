package io.vecta.testkit.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.sdk.packet.ArpLayer;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code arp-input}: replies for our addresses, neighbours learnt, set and aged, every drop counted. */
class ArpTest {

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg0;

    @BeforeEach
    void addressPg0() {
        pg0 = vecta.pg(0);
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
    }

    private List<String> neighborRows() {
        return vecta.cli("show ip neighbors").lines().skip(1).map(line -> String.join(" ", line.strip().split(" +")))
                .toList();
    }

    @Test
    void shouldReplyToARequestForOurAddressOutOfTheSamePortWithEveryFieldRight() {
        List<DecodedPacket> out = vecta.sendAndExpect(pg0, List.of(Packets.ethernet(pg0.peerMac(), "ff:ff:ff:ff:ff:ff")
                .arpRequest(pg0.peerMac(), "10.0.0.2", "10.0.0.1").padTo(60).build()), pg0);

        DecodedPacket reply = out.getFirst();
        assertThat(reply.ethernet().dst()).isEqualTo(MacAddress.parse(pg0.peerMac()));
        assertThat(reply.ethernet().src()).isEqualTo(pg0.macValue());
        assertThat(reply.ethernet().etherType()).isEqualTo(Ethernet.ETHER_TYPE_ARP);
        assertThat(reply.vlans()).isEmpty();
        ArpLayer arp = reply.arp();
        assertThat(arp.hardwareType()).isEqualTo(1);
        assertThat(arp.protocolType()).isEqualTo(Ethernet.ETHER_TYPE_IP4);
        assertThat(arp.hardwareSize()).isEqualTo(6);
        assertThat(arp.protocolSize()).isEqualTo(4);
        assertThat(arp.opcode()).isEqualTo(2);
        assertThat(arp.senderMac()).isEqualTo(pg0.macValue());
        assertThat(arp.senderIp()).isEqualTo(Ip4Address.parse("10.0.0.1"));
        assertThat(arp.targetMac()).isEqualTo(MacAddress.parse(pg0.peerMac()));
        assertThat(arp.targetIp()).isEqualTo(Ip4Address.parse("10.0.0.2"));
        assertThat(vecta.errors("arp-input", "ARP replies sent")).isEqualTo(1);
        assertThat(neighborRows()).singleElement().satisfies(row -> assertThat(row.split(" "))
                .endsWith("10.0.0.2", "D", pg0.peerMac(), "pg0"));
        assertThat(vecta.cli("show trace")).contains("arp-input\n  request, type ethernet/IP4, address size 6/4\n  "
                + pg0.peerMac() + "/10.0.0.2 -> 00:00:00:00:00:00/10.0.0.1\n");
    }

    @Test
    void shouldDropWhatItMustNotAnswerEachWithItsReason() {
        PgPort pg1 = vecta.pg(1);
        String peer = pg0.peerMac();
        Packets badOpcode = Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest(peer, "10.0.0.2", "10.0.0.1");
        byte[] opcode3 = badOpcode.build();
        opcode3[Ethernet.HEADER_LENGTH + 7] = 3;
        byte[] truncated = java.util.Arrays.copyOf(Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff")
                .arpRequest(peer, "10.0.0.2", "10.0.0.1").build(), Ethernet.HEADER_LENGTH + 20);
        List<byte[]> packets = List.of(
                Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest(peer, "10.0.0.2", "10.0.0.9").build(),
                Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest(peer, "192.168.1.2", "10.0.0.1").build(),
                Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest("02:99:99:99:99:99", "10.0.0.2", "10.0.0.1")
                        .build(),
                Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest(peer, "10.0.0.1", "10.0.0.3").build(),
                Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest(peer, "10.0.0.2", "10.0.0.2").build(),
                Packets.ethernet(peer, "ff:ff:ff:ff:ff:ff").arpRequest(peer, "10.0.0.2", "0.0.0.0").build(),
                opcode3, truncated);

        vecta.sendAndAssertNoReplies(pg0, packets, pg0, pg1);
        vecta.sendAndAssertNoReplies(pg1, Packets.ethernet(pg1.peerMac(), "ff:ff:ff:ff:ff:ff")
                .arpRequest(pg1.peerMac(), "10.0.0.2", "10.0.0.1").times(1), pg0, pg1);

        assertThat(vecta.errors("arp-input", "IP4 destination address not local to subnet")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "IP4 source address not local to subnet")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "ARP hw addr does not match L2 frame src addr")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "IP4 source address matches local interface")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "ARP probe or announcement dropped")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "IP4 destination address is unset")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "ARP opcode not request")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "ARP packet truncated")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "Interface is not IP enabled")).isEqualTo(1);
        assertThat(vecta.errors("arp-input", "ARP replies sent")).isZero();
        assertThat(neighborRows()).isEmpty();
    }

    @Test
    void shouldLearnFromRepliesButLeaveStaticEntriesAsSet() {
        vecta.cli("set ip neighbor pg0 10.0.0.5 02:00:00:00:00:05 static");

        vecta.sendAndAssertNoReplies(pg0, List.of(
                Packets.ethernet(pg0.peerMac(), pg0.mac()).arpReply(pg0.peerMac(), "10.0.0.2", pg0.mac(), "10.0.0.1")
                        .build(),
                Packets.ethernet("02:00:00:00:00:66", pg0.mac())
                        .arpReply("02:00:00:00:00:66", "10.0.0.5", pg0.mac(), "10.0.0.1").build()), pg0);

        assertThat(vecta.errors("arp-input", "ARP replies received")).isEqualTo(2);
        assertThat(neighborRows()).hasSize(2).satisfiesExactly(
                first -> assertThat(first.split(" ")).endsWith("10.0.0.2", "D", pg0.peerMac(), "pg0"),
                second -> assertThat(second.split(" ")).endsWith("10.0.0.5", "S", "02:00:00:00:00:05", "pg0"));
        vecta.cli("set ip neighbor del pg0 10.0.0.5 02:00:00:00:00:05");
        assertThat(neighborRows()).singleElement().satisfies(row -> assertThat(row).contains("10.0.0.2"));
        assertThat(vecta.cliError("set ip neighbor del pg0 10.0.0.5"))
                .contains("no ip4 neighbor 10.0.0.5 on pg0");
    }

    @Test
    void shouldAgeDynamicEntriesButNotStaticOnes() {
        vecta.freezeClock();
        Ip4NeighborTable neighbors = Ip4NeighborTable.of(vecta.runtime().graph());
        vecta.cli("set ip neighbor-config ip4 age 60");
        vecta.cli("set ip neighbor pg0 10.0.0.7 02:00:00:00:00:07 static");
        vecta.cli("set ip neighbor pg0 10.0.0.8 02:00:00:00:00:08");

        vecta.sendAndAssertNoReplies(pg0, Packets.ethernet(pg0.peerMac(), pg0.mac())
                .arpReply(pg0.peerMac(), "10.0.0.2", pg0.mac(), "10.0.0.1").times(1), pg0);

        vecta.advanceClock(Duration.ofSeconds(59));
        assertThat(neighborRows()).hasSize(3);
        assertThat(neighborRows().getFirst()).startsWith("59.0000 10.0.0.2 D");
        vecta.advanceClock(Duration.ofSeconds(1));
        assertThat(neighborRows()).singleElement().satisfies(row -> assertThat(row).contains("10.0.0.7 S"));
        assertThat(neighbors.find(pg0.swIfIndex(), Ip4Address.parse("10.0.0.2"))).isEmpty();
        assertThat(neighbors.find(pg0.swIfIndex(), Ip4Address.parse("10.0.0.7"))).isPresent();
        assertThat(vecta.cli("show ip neighbor-config")).isEqualTo("ip4:\n  limit:50000, age:60, recycle:0\n"
                + "  aged out:2\n");
    }

    @Test
    void shouldRestartANeighboursAgeWhenArpConfirmsIt() {
        vecta.freezeClock();
        vecta.cli("set ip neighbor-config ip4 age 60");
        List<byte[]> reply = Packets.ethernet(pg0.peerMac(), pg0.mac())
                .arpReply(pg0.peerMac(), "10.0.0.2", pg0.mac(), "10.0.0.1").times(1);
        vecta.sendAndAssertNoReplies(pg0, reply, pg0);
        vecta.advanceClock(Duration.ofSeconds(30));

        vecta.sendAndAssertNoReplies(pg0, reply, pg0);
        vecta.advanceClock(Duration.ofSeconds(59));
        assertThat(neighborRows()).singleElement().satisfies(row -> assertThat(row).startsWith("59.0000 10.0.0.2 D"));

        vecta.advanceClock(Duration.ofSeconds(1));
        assertThat(neighborRows()).isEmpty();
    }

    @Test
    void shouldKeepNeighboursForEverWithoutAnAge() {
        vecta.freezeClock();
        vecta.cli("set ip neighbor pg0 10.0.0.8 02:00:00:00:00:08");

        vecta.advanceClock(Duration.ofDays(3));

        assertThat(neighborRows()).singleElement().satisfies(row -> assertThat(row).contains("10.0.0.8 D"));
        assertThat(vecta.cli("show ip neighbor-config")).contains("age:0").contains("aged out:0");
    }

    @Test
    void shouldGiveANewNeighbourTheOldestPlaceOnlyWhenRecycling() {
        vecta.freezeClock();
        vecta.cli("set ip neighbor-config ip4 limit 2 recycle");
        vecta.cli("set ip neighbor pg0 10.0.0.7 02:00:00:00:00:07");
        vecta.advanceClock(Duration.ofSeconds(1));
        vecta.cli("set ip neighbor pg0 10.0.0.8 02:00:00:00:00:08");
        vecta.advanceClock(Duration.ofSeconds(1));

        vecta.cli("set ip neighbor pg0 10.0.0.9 02:00:00:00:00:09");
        assertThat(neighborRows()).extracting(row -> row.split(" ")[1]).containsExactly("10.0.0.8", "10.0.0.9");

        vecta.cli("set ip neighbor-config ip4 norecycle");
        assertThat(vecta.cliError("set ip neighbor pg0 10.0.0.10 02:00:00:00:00:10"))
                .contains("ip4 neighbor table is full (2 entries)");
        assertThat(vecta.cli("show ip neighbor-config")).contains("limit:2, age:0, recycle:0");
    }

    @Test
    void shouldForgetTheNeighboursAndAddressesOfADeletedInterface() {
        assertThat(vecta.cli("create loopback interface")).isEqualTo("loop0\n");
        vecta.cli("set interface ip address loop0 10.9.0.1/24");
        vecta.cli("set ip neighbor loop0 10.9.0.2 02:00:00:00:00:02");

        vecta.cli("delete loopback interface intfc loop0");

        assertThat(neighborRows()).isEmpty();
        assertThat(vecta.cli("show interface address")).doesNotContain("loop0").doesNotContain("10.9.0.1");
        assertThat(vecta.cli("create loopback interface")).isEqualTo("loop0\n");
        assertThat(vecta.cli("show interface address loop0")).isEqualTo("loop0 (dn):\n");
    }
}
