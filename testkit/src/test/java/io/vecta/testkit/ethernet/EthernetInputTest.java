package io.vecta.testkit.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import io.vecta.sdk.packet.DecodedPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ethernet-input}: dispatch by EtherType, VLANs to sub-interfaces, the MAC check, its trace. */
class EthernetInputTest {

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    @Test
    void shouldDispatchByEtherTypeAndCountEachReason() {
        PgPort pg0 = vecta.pg(0);
        List<byte[]> packets = new ArrayList<>();
        packets.addAll(Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "10.0.0.1").udp(1, 2).times(3));
        packets.add(Packets.ethernet(pg0.peerMac(), "ff:ff:ff:ff:ff:ff").ip4("10.0.0.2", "10.0.0.255").udp(1, 2).build());
        packets.add(Packets.ethernet(pg0.peerMac(), "01:00:5e:00:00:05").ip4("10.0.0.2", "224.0.0.5").udp(1, 2).build());
        packets.addAll(Packets.ethernet(pg0.peerMac(), pg0.mac()).ip6("2001:db8::2", "2001:db8::1").udp(1, 2).times(2));
        Packets lldp = Packets.ethernet(pg0.peerMac(), pg0.mac()).payload(46);
        lldp.builder().etherType(0x88cc);
        packets.add(lldp.build());
        packets.addAll(Packets.ethernet(pg0.peerMac(), "02:fe:00:00:99:99").ip4("10.0.0.2", "10.0.0.1").udp(1, 2)
                .times(4));

        vecta.sendAndAssertNoReplies(pg0, packets, pg0);

        assertThat(vecta.vectors("ip4-input")).isEqualTo(5);
        assertThat(vecta.errors("ip6-input", "ip6 not supported")).isEqualTo(2);
        assertThat(vecta.errors("ethernet-input", "unknown ethernet type")).isEqualTo(1);
        assertThat(vecta.errors("ethernet-input", "l3 mac mismatch")).isEqualTo(4);
        assertThat(vecta.errors("ethernet-input", "unknown vlan")).isZero();
        assertThat(vecta.vectors("error-punt")).isEqualTo(1);
        assertThat(vecta.vectors("ethernet-input")).isEqualTo(packets.size());
    }

    @Test
    void shouldGiveATaggedFrameToTheSubInterfaceOfItsVlan() {
        PgPort pg0 = vecta.pg(0);
        assertThat(vecta.cli("create sub-interfaces pg0 100")).isEqualTo("pg0.100\n");
        vecta.cli("set interface state pg0.100 up");
        vecta.cli("set interface ip address pg0.100 10.0.100.1/24");

        List<DecodedPacket> out = vecta.sendAndExpect(pg0, Packets.ethernet(pg0.peerMac(), "ff:ff:ff:ff:ff:ff")
                .vlan(100).arpRequest(pg0.peerMac(), "10.0.100.2", "10.0.100.1").times(2), pg0);

        assertThat(out).allSatisfy(reply -> {
            assertThat(reply.vlans()).singleElement().satisfies(tag -> assertThat(tag.vid()).isEqualTo(100));
            assertThat(reply.arp().opcode()).isEqualTo(2);
        });
        InterfaceTable table = InterfaceTable.of(vecta.runtime().graph());
        int sub = table.byName("pg0.100").swIfIndex();
        assertThat(table.counters().get(sub, InterfaceCounters.Kind.RX_PACKETS)).isEqualTo(2);
        assertThat(table.counters().get(sub, InterfaceCounters.Kind.TX_PACKETS)).isEqualTo(2);
        assertThat(vecta.counter(pg0, InterfaceCounters.Kind.RX_PACKETS)).isEqualTo(2);
        assertThat(vecta.errors("arp-input", "ARP replies sent")).isEqualTo(2);
    }

    @Test
    void shouldDropUnknownVlansDoubleTagsOnExactMatchAndDownSubInterfaces() {
        PgPort pg0 = vecta.pg(0);
        vecta.cli("create sub-interfaces pg0 100");
        vecta.cli("set interface state pg0.100 up");
        vecta.cli("create sub-interfaces pg0 7 dot1q 200");
        List<byte[]> packets = new ArrayList<>();
        packets.addAll(Packets.ethernet(pg0.peerMac(), pg0.mac()).vlan(300).ip4("10.0.0.2", "10.0.0.1").udp(1, 2)
                .times(3));
        packets.addAll(Packets.ethernet(pg0.peerMac(), pg0.mac()).vlan(100).vlan(5).ip4("10.0.0.2", "10.0.0.1")
                .udp(1, 2).times(2));
        packets.add(Packets.ethernet(pg0.peerMac(), pg0.mac()).vlan(200).ip4("10.0.0.2", "10.0.0.1").udp(1, 2)
                .build());

        vecta.sendAndAssertNoReplies(pg0, packets, pg0);

        assertThat(vecta.errors("ethernet-input", "unknown vlan")).isEqualTo(5);
        assertThat(vecta.errors("ethernet-input", "subinterface down")).isEqualTo(1);
        assertThat(vecta.vectors("ip4-input")).isZero();
    }

    @Test
    void shouldTakeDoubleTaggedFramesOnASubInterfaceThatIsNotExactMatch() {
        PgPort pg0 = vecta.pg(0);
        vecta.cli("create sub-interfaces pg0 1 dot1q 100");
        vecta.cli("set interface state pg0.1 up");

        vecta.sendAndAssertNoReplies(pg0, Packets.ethernet(pg0.peerMac(), pg0.mac()).vlan(100).vlan(5)
                .ip4("10.0.0.2", "10.0.0.1").udp(1, 2).times(2), pg0);

        assertThat(vecta.errors("ethernet-input", "unknown vlan")).isZero();
        assertThat(vecta.vectors("ip4-input")).isEqualTo(2);
    }

    @Test
    void shouldTraceTheL2HeaderAsVppDoes() {
        PgPort pg0 = vecta.pg(0);
        vecta.cli("create sub-interfaces pg0 100");
        vecta.cli("set interface state pg0.100 up");

        vecta.sendAndAssertNoReplies(pg0, List.of(
                Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "10.0.0.1").udp(1, 2).build(),
                Packets.ethernet(pg0.peerMac(), pg0.mac()).vlan(100).ip4("10.0.0.2", "10.0.0.1").udp(1, 2).build(),
                Packets.ethernet(pg0.peerMac(), "02:00:00:00:00:09").ip4("10.0.0.2", "10.0.0.1").udp(1, 2).build()),
                pg0);

        String trace = vecta.cli("show trace");
        assertThat(trace).contains("ethernet-input\n  IP4: 02:01:00:00:00:01 -> 02:fe:00:00:00:00\n")
                .contains("ethernet-input\n  IP4: 02:01:00:00:00:01 -> 02:fe:00:00:00:00 802.1q vlan 100\n")
                .contains("ethernet-input\n  IP4: 02:01:00:00:00:01 -> 02:00:00:00:00:09\n");
        assertThat(trace).contains("l3 mac mismatch");
    }

    @Test
    void shouldSendAWholeFrameOfIp4ForUsOnAndDropOnlyTheLastPacketThatIsNot() {
        PgPort pg0 = vecta.pg(0);
        List<byte[]> ours = new ArrayList<>(
                Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "10.0.0.1").udp(1, 2).times(6));
        ours.add(Packets.ethernet(pg0.peerMac(), "ff:ff:ff:ff:ff:ff").ip4("10.0.0.2", "10.0.0.255").udp(1, 2).build());
        vecta.sendAndAssertNoReplies(pg0, ours, pg0);

        assertThat(vecta.vectors("ip4-input")).isEqualTo(7);
        assertThat(vecta.cli("show trace")).contains("ethernet-input\n  IP4: 02:01:00:00:00:01 -> 02:fe:00:00:00:00\n")
                .contains("ethernet-input\n  IP4: 02:01:00:00:00:01 -> ff:ff:ff:ff:ff:ff\n");

        List<byte[]> lastNotOurs = new ArrayList<>(
                Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "10.0.0.1").udp(1, 2).times(5));
        lastNotOurs.add(Packets.ethernet(pg0.peerMac(), "02:fe:00:00:99:99").ip4("10.0.0.2", "10.0.0.1").udp(1, 2)
                .build());
        vecta.sendAndAssertNoReplies(pg0, lastNotOurs, pg0);

        assertThat(vecta.vectors("ip4-input")).isEqualTo(12);
        assertThat(vecta.errors("ethernet-input", "l3 mac mismatch")).isEqualTo(1);
        assertThat(vecta.vectors("ethernet-input")).isEqualTo(13);
    }
}
