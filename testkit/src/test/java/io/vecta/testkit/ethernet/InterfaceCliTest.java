package io.vecta.testkit.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loopbacks, sub-interfaces, MAC addresses, interface addresses and neighbours through the CLI,
 * in VPP's layouts: the header lines are VPP's own, character for character (as in
 * {@code show hardware-interfaces}, {@code show ip neighbors} of VPP 24).
 */
class InterfaceCliTest {

    private static final String HARDWARE_HEADER = "              Name                Idx   Link  Hardware";
    private static final String NEIGHBORS_HEADER = "     Age                       IP                    Flags      Ethernet"
            + "              Interface       ";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    @Test
    void shouldShowHardwareInterfacesInVppsLayout() {
        vecta.pg(0);
        vecta.cli("create packet-generator interface pg1");
        vecta.cli("create sub-interfaces pg0 100");

        assertThat(vecta.cli("show hardware-interfaces").lines().toList()).containsExactly(
                HARDWARE_HEADER,
                "local0                             0    down  local0",
                "  Link speed: unknown",
                "  local",
                "pg0                                1     up   pg0",
                "  Link speed: unknown",
                "  Ethernet address 02:fe:00:00:00:00",
                "pg1                                2    down  pg1",
                "  Link speed: unknown",
                "  Ethernet address 02:fe:00:00:00:01");
        assertThat(vecta.cli("sh hardware brief pg1").lines().toList()).containsExactly(
                HARDWARE_HEADER,
                "pg1                                2    down  pg1",
                "  Link speed: unknown");
        assertThat(vecta.cliError("show hardware-interfaces pg0.100")).contains("pg0.100 is a sub-interface");
    }

    @Test
    void shouldCreateAndDeleteLoopbacksReusingTheirInstanceNumbers() {
        assertThat(vecta.cli("create loopback interface")).isEqualTo("loop0\n");
        assertThat(vecta.cli("create loopback interface mac 02:aa:00:00:00:01 instance 5")).isEqualTo("loop5\n");
        assertThat(vecta.cli("create loopback interface")).isEqualTo("loop1\n");
        vecta.cli("set interface state loop0 up");

        assertThat(vecta.cli("show hardware-interfaces loop0 loop5").lines().toList()).containsExactly(
                HARDWARE_HEADER,
                "loop0                              1     up   loop0",
                "  Link speed: unknown",
                "  Ethernet address de:ad:00:00:00:00",
                "loop5                              2    down  loop5",
                "  Link speed: unknown",
                "  Ethernet address 02:aa:00:00:00:01");
        assertThat(vecta.cliError("create loopback interface instance 5")).contains("loopback instance 5 is in use");

        vecta.cli("delete loopback interface intfc loop0");

        assertThat(vecta.cli("show interface").lines().skip(1).map(line -> line.split(" +")[0]).toList())
                .containsExactly("local0", "loop5", "loop1");
        assertThat(vecta.cli("create loopback interface")).isEqualTo("loop0\n");
        assertThat(vecta.cli("show interface loop0").lines().toList().get(1).split(" +"))
                .as("a new sw_if_index, the deleted one left unused").startsWith("loop0", "4");
        assertThat(vecta.cliError("delete loopback interface intfc local0")).contains("local0 is not a loopback");
    }

    @Test
    void shouldSetTheMacOfAnInterfaceAndItsSubInterfaces() {
        PgPort pg0 = vecta.pg(0);
        vecta.cli("create sub-interfaces pg0 7 dot1q 70 exact-match");
        vecta.cli("set interface state pg0.7 up");
        vecta.cli("set interface ip address pg0.7 10.7.0.1/24");

        vecta.cli("set interface mac address pg0 02:12:34:56:78:9a");

        assertThat(vecta.cli("show hardware pg0")).contains("Ethernet address 02:12:34:56:78:9a");
        List<io.vecta.sdk.packet.DecodedPacket> out = vecta.sendAndExpect(pg0, io.vecta.testkit.Packets
                .ethernet(pg0.peerMac(), "02:12:34:56:78:9a").vlan(70)
                .arpRequest(pg0.peerMac(), "10.7.0.2", "10.7.0.1").times(1), pg0);
        assertThat(io.vecta.sdk.packet.MacAddress.format(out.getFirst().arp().senderMac()))
                .isEqualTo("02:12:34:56:78:9a");
        assertThat(vecta.cliError("set interface mac address pg0.7 02:00:00:00:00:01"))
                .contains("a sub-interface has its parent's");
        assertThat(vecta.cliError("set interface mac address pg0 03:00:00:00:00:01")).contains("must be unicast");
    }

    @Test
    void shouldShowInterfaceAddressesInVppsLayout() {
        vecta.pg(0);
        vecta.cli("create packet-generator interface pg1");
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set interface ip address pg0 10.0.9.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24");

        assertThat(vecta.cli("show interface address")).isEqualTo("""
                local0 (dn):
                pg0 (up):
                  L3 10.0.0.1/24
                  L3 10.0.9.1/24
                pg1 (dn):
                  L3 10.0.1.1/24
                """);
        vecta.cli("set interface ip address del pg0 10.0.9.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24 del");
        assertThat(vecta.cli("sh int addr pg0 pg1")).isEqualTo("pg0 (up):\n  L3 10.0.0.1/24\npg1 (dn):\n");
        vecta.cli("set interface ip address del pg0 all");
        assertThat(vecta.cli("show interface address pg0")).isEqualTo("pg0 (up):\n");
    }

    @Test
    void shouldShowNeighborsInVppsLayout() {
        vecta.pg(0);
        vecta.cli("set ip neighbor pg0 10.0.1.2 02:00:00:00:01:02 static");

        List<String> lines = vecta.cli("show ip neighbors").lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(NEIGHBORS_HEADER);
        String row = lines.get(1);
        assertThat(row.substring(12)).isEqualTo(" ".repeat(16) + "10.0.1.2" + " ".repeat(16) + "   S  "
                + "  02:00:00:00:01:02 " + "pg0");
        assertThat(row.substring(0, 12).strip()).matches("\\d*\\.\\d{4}");
        assertThat(row.substring(0, 12)).as("the age ends at column 12, as VPP's").doesNotEndWith(" ");
    }

    @Test
    void shouldRefuseBadInputWithAClearMessage() {
        vecta.pg(0);
        vecta.cli("create packet-generator interface pg1");
        vecta.cli("set interface ip address pg0 10.0.0.1/24");

        assertThat(vecta.cliError("set interface mac address pg0 02:00:00:00:00")).contains("mac address");
        assertThat(vecta.cliError("set interface mac address pg9 02:00:00:00:00:01")).contains("pg9");
        assertThat(vecta.cliError("set interface ip address pg0 10.0.0.300/24")).contains("10.0.0.300/24");
        assertThat(vecta.cliError("set interface ip address pg0 10.0.0.1/33")).contains("10.0.0.1/33");
        assertThat(vecta.cliError("set interface ip address pg0 10.0.0.1/24")).contains("pg0 has 10.0.0.1/24 already");
        assertThat(vecta.cliError("set interface ip address pg1 10.0.0.2/16"))
                .contains("failed to add 10.0.0.2/16 on pg1, which conflicts with 10.0.0.1/24 of pg0");
        assertThat(vecta.cliError("set interface ip address del pg0 10.0.5.1/24"))
                .contains("pg0 does not have 10.0.5.1/24");
        assertThat(vecta.cliError("set ip neighbor pg0 10.0.0.2 zz:00:00:00:00:01")).contains("mac address");
        assertThat(vecta.cliError("set ip neighbor pgx 10.0.0.2 02:00:00:00:00:01")).contains("pgx");
        assertThat(vecta.cliError("create sub-interfaces pg0 1 dot1q 4095")).contains("4095");
        vecta.cli("create sub-interfaces pg0 1 dot1q 10");
        assertThat(vecta.cliError("create sub-interfaces pg0 2 dot1q 10")).contains("vlan 10 of pg0 is taken by pg0.1");
        assertThat(vecta.cliError("create sub-interfaces pg0.1 3")).contains("it is a sub-interface itself");
        assertThat(vecta.cliError("create sub-interfaces local0 3")).contains("local0");
        assertThat(vecta.cliError("create loopback interface mac ff:ff:ff:ff:ff:ff"))
                .contains("must be unicast");
        assertThat(vecta.cliError("set ip neighbor-config ip6 age 5")).contains("ip6");
    }
}
