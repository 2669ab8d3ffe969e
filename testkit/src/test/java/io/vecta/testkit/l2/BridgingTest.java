package io.vecta.testkit.l2;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.l2.L2FibAgeScanner;
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

/** Bridge domain 10 of pg1, pg2 and pg3: learning, forwarding, flooding, ageing, and the CLI that sets them. */
class BridgingTest {

    private static final String HOST_A = "02:00:00:00:0a:01";
    private static final String HOST_B = "02:00:00:00:0b:02";
    private static final String NOBODY = "02:00:00:00:ee:ee";
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg1;
    private PgPort pg2;
    private PgPort pg3;

    @BeforeEach
    void createPorts() {
        pg1 = vecta.pg(1);
        pg2 = vecta.pg(2);
        pg3 = vecta.pg(3);
    }

    private void bridgeAll(String options) {
        vecta.cli("create bridge-domain 10" + options);
        for (PgPort port : List.of(pg1, pg2, pg3)) {
            vecta.cli("set interface l2 bridge " + port.name() + " 10");
        }
    }

    private static List<byte[]> frames(String src, String dst, int n) {
        return Packets.ethernet(src, dst).ip4("10.0.0.1", "10.0.0.2").udp(1000, 2000).payload(18).times(n);
    }

    private long tx(PgPort port) {
        return vecta.counter(port, InterfaceCounters.Kind.TX_PACKETS);
    }

    private List<String> fibRows() {
        return vecta.cli("show l2fib verbose").lines().filter(line -> line.startsWith(" ") && !line.contains("Mac-Address"))
                .map(line -> String.join(" ", line.strip().split(" +"))).toList();
    }

    @Test
    void shouldLearnTheSourceOnTheRxInterfaceAndListIt() {
        bridgeAll("");

        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 3), pg2, 3);

        assertThat(fibRows()).containsExactly(HOST_A + " 1 " + pg1.swIfIndex() + " 0/1 - - - - pg1");
        assertThat(vecta.errors("l2-learn", "L2 learn misses")).isEqualTo(1);
        assertThat(vecta.errors("l2-learn", "L2 learn hits")).isEqualTo(2);
        assertThat(vecta.cli("show l2fib")).contains("L2FIB total/learned entries: 1/1");
    }

    @Test
    void shouldForwardKnownUnicastToTheOnePortBehindIt() {
        bridgeAll("");
        vecta.sendAndExpect(pg2, frames(HOST_B, BROADCAST, 1), pg1, 1);
        long pg3Before = tx(pg3);

        List<DecodedPacket> out = vecta.sendAndExpect(pg1, frames(HOST_A, HOST_B, 5), pg2, 5);

        assertThat(out).allSatisfy(p -> assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse(HOST_B)));
        assertThat(tx(pg3)).isEqualTo(pg3Before);
        assertThat(tx(pg1)).isEqualTo(1);
        assertThat(vecta.errors("l2-fwd", "L2 forward hits")).isEqualTo(5);
        assertThat(vecta.cli("show trace")).contains("l2-fwd: sw_if_index " + pg1.swIfIndex() + " dst " + HOST_B
                + " src " + HOST_A + " bd_index 1 result [0x").contains(", " + pg2.swIfIndex() + "]");
    }

    @Test
    void shouldFloodUnknownUnicastToEveryOtherMemberButNotBack() {
        bridgeAll("");

        List<DecodedPacket> out = vecta.sendAndExpect(pg1, frames(HOST_A, NOBODY, 4), pg2, 4);

        assertThat(out).allSatisfy(p -> assertThat(p.isValid()).isTrue());
        assertThat(tx(pg3)).isEqualTo(4);
        assertThat(tx(pg1)).isZero();
        assertThat(vecta.errors("l2-fwd", "L2 forward misses")).isEqualTo(4);
        assertThat(vecta.errors("l2-flood", "L2 flood packets")).isEqualTo(4);
    }

    @Test
    void shouldFloodBroadcastToEveryOtherMember() {
        bridgeAll("");

        List<DecodedPacket> out = vecta.sendAndExpect(pg2, frames(HOST_B, BROADCAST, 2), pg3, 2);

        assertThat(out).allSatisfy(p -> assertThat(p.ethernet().src()).isEqualTo(MacAddress.parse(HOST_B)));
        assertThat(tx(pg1)).isEqualTo(2);
        assertThat(tx(pg2)).isZero();
    }

    @Test
    void shouldFloodALargeFrameIntactToEveryMemberSharingItsTail() {
        bridgeAll("");
        List<byte[]> large = Packets.ethernet(HOST_A, BROADCAST).ip4("10.0.0.1", "10.0.0.2").udp(1000, 2000)
                .payload(1200).times(2);

        List<DecodedPacket> toPg2 = vecta.sendAndExpect(pg1, large, pg2, 2);

        assertThat(toPg2).allSatisfy(p -> {
            assertThat(p.isValid()).isTrue();
            assertThat(p.length()).isEqualTo(large.getFirst().length);
        });
        assertThat(tx(pg3)).isEqualTo(2);
        assertThat(vecta.errors("l2-flood", "L2 replication failure")).isZero();
    }

    @Test
    void shouldDropWhatABridgeMayNotFloodCountingWhy() {
        bridgeAll(" flood 0 uu-flood 0");

        vecta.sendAndAssertNoReplies(pg1, frames(HOST_A, BROADCAST, 3), pg1, pg2, pg3);
        vecta.sendAndAssertNoReplies(pg1, frames(HOST_A, NOBODY, 2), pg1, pg2, pg3);

        assertThat(vecta.errors("l2-fwd", "L2 flooding off")).isEqualTo(3);
        assertThat(vecta.errors("l2-fwd", "L2 unknown unicast flooding off")).isEqualTo(2);
        assertThat(vecta.cli("show bridge-domain 10")).contains("drop").contains(" off ");
    }

    @Test
    void shouldNotLearnWhenLearningIsOff() {
        bridgeAll(" learn 0");

        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 2), pg2, 2);

        assertThat(fibRows()).isEmpty();
        assertThat(vecta.vectors("l2-learn")).isZero();
    }

    @Test
    void shouldAgeOutLearntEntriesNotSeenForMacAgeMinutesKeepingStaticOnes() {
        vecta.freezeClock();
        bridgeAll(" mac-age 2");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);
        vecta.cli("l2fib add " + HOST_B + " 10 pg2 static");

        vecta.advanceClock(Duration.ofSeconds(119));
        assertThat(fibRows()).hasSize(2);
        assertThat(vecta.cli("show l2fib")).contains("aged out: 0");

        vecta.advanceClock(Duration.ofSeconds(1));
        assertThat(fibRows()).containsExactly(HOST_B + " 1 " + pg2.swIfIndex() + " 0/1 - * - - pg2");
        assertThat(vecta.cli("show l2fib")).contains("L2FIB total/learned entries: 1/0").contains("aged out: 1");
    }

    @Test
    void shouldRestartTheAgeOfAnEntrySeenAgain() {
        vecta.freezeClock();
        bridgeAll(" mac-age 2");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);
        vecta.advanceClock(Duration.ofSeconds(90));

        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);
        vecta.advanceClock(Duration.ofSeconds(30));
        assertThat(fibRows()).as("seen 30 s ago at the scan of 120 s").hasSize(1);
        assertThat(fibRows().getFirst()).startsWith(HOST_A);

        vecta.advanceClock(Duration.ofSeconds(120));
        assertThat(fibRows()).as("120 s unseen at the scan of 240 s").isEmpty();
    }

    @Test
    void shouldNeverAgeInABridgeWithoutMacAge() {
        vecta.freezeClock();
        bridgeAll("");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);

        vecta.advanceClock(Duration.ofHours(5));

        assertThat(fibRows()).hasSize(1);
        assertThat(vecta.cli("show l2fib")).contains("Mac age scans: 0  aged out: 0");
        assertThat(vecta.cli("show runtime")).contains(L2FibAgeScanner.NODE);
    }

    @Test
    void shouldStartAgeingWhenMacAgeIsSetOnAnExistingBridge() {
        vecta.freezeClock();
        bridgeAll("");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);
        vecta.advanceClock(Duration.ofMinutes(10));

        vecta.cli("set bridge-domain mac-age 10 1");
        vecta.advanceClock(Duration.ZERO);

        assertThat(fibRows()).as("the scan at once removes what is older than a minute").isEmpty();
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);
        vecta.advanceClock(Duration.ofSeconds(59));
        assertThat(fibRows()).hasSize(1);
        vecta.advanceClock(Duration.ofSeconds(1));
        assertThat(fibRows()).isEmpty();
        assertThat(vecta.cliError("set bridge-domain mac-age 10 256")).contains("256");
        assertThat(vecta.cliError("set bridge-domain mac-age 20 1")).contains("no bridge domain 20");
    }

    @Test
    void shouldKeepAStaticEntryWhereItWasSetDroppingFramesThatWouldMoveIt() {
        bridgeAll("");
        vecta.cli("l2fib add " + HOST_B + " 10 pg2 static");

        vecta.sendAndAssertNoReplies(pg1, frames(HOST_B, BROADCAST, 2), pg1, pg2, pg3);
        vecta.sendAndExpect(pg3, frames(HOST_A, HOST_B, 1), pg2, 1);

        assertThat(vecta.errors("l2-learn", "L2 mac conflicts")).isEqualTo(2);
        assertThat(fibRows()).contains(HOST_B + " 1 " + pg2.swIfIndex() + " 0/1 - * - - pg2");
    }

    @Test
    void shouldMoveALearntEntryToTheInterfaceItIsSeenOnNow() {
        bridgeAll("");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);

        vecta.sendAndExpect(pg3, frames(HOST_A, BROADCAST, 1), pg2, 1);

        assertThat(vecta.errors("l2-learn", "L2 mac moves")).isEqualTo(1);
        assertThat(fibRows()).containsExactly(HOST_A + " 1 " + pg3.swIfIndex() + " 0/1 - - - - pg3");
    }

    @Test
    void shouldDropAFrameForTheInterfaceItCameFrom() {
        bridgeAll("");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);

        vecta.sendAndAssertNoReplies(pg1, frames(HOST_B, HOST_A, 2), pg1, pg2, pg3);

        assertThat(vecta.errors("l2-fwd", "Reflection Drop")).isEqualTo(2);
    }

    @Test
    void shouldNotFloodWithinASplitHorizonGroup() {
        vecta.cli("create bridge-domain 10");
        vecta.cli("set interface l2 bridge pg1 10 shg 1");
        vecta.cli("set interface l2 bridge pg2 10 shg 1");
        vecta.cli("set interface l2 bridge pg3 10");

        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 2), pg3, 2);

        assertThat(tx(pg2)).isZero();
        assertThat(vecta.cli("show bridge-domain 10 detail")).contains(
                "              pg2                " + pg2.swIfIndex() + "     1    1    -      *                 none");
    }

    @Test
    void shouldBridgeASubInterfaceKeepingItsTag() {
        vecta.cli("create bridge-domain 10");
        vecta.cli("create sub-interfaces pg1 100");
        vecta.cli("set interface state pg1.100 up");
        vecta.cli("set interface l2 bridge pg1.100 10");
        vecta.cli("set interface l2 bridge pg2 10");

        List<DecodedPacket> out = vecta.sendAndExpect(pg1, Packets.ethernet(HOST_A, BROADCAST).vlan(100)
                .ip4("10.0.0.1", "10.0.0.2").udp(1000, 2000).payload(18).times(2), pg2, 2);
        vecta.sendAndAssertNoReplies(pg1, frames(HOST_B, BROADCAST, 1), pg2);

        assertThat(out).allSatisfy(p -> assertThat(p.vlans()).singleElement()
                .satisfies(tag -> assertThat(tag.vid()).isEqualTo(100)));
        assertThat(fibRows()).singleElement().satisfies(row -> assertThat(row).startsWith(HOST_A).endsWith("pg1.100"));
        assertThat(vecta.errors("ethernet-input", "l3 mac mismatch")).as("untagged on pg1 is routed").isZero();
    }

    @Test
    void shouldForgetADeletedMemberAndWhatWasLearntOnIt() {
        bridgeAll("");
        String loop = vecta.cli("create loopback interface").strip();
        vecta.cli("set interface l2 bridge " + loop + " 10");
        vecta.cli("l2fib add " + HOST_B + " 10 " + loop);

        vecta.cli("delete loopback interface intfc " + loop);

        assertThat(vecta.cli("show bridge-domain 10 detail")).doesNotContain(loop);
        assertThat(fibRows()).isEmpty();
        vecta.sendAndExpect(pg1, frames(HOST_A, HOST_B, 1), pg2, 1);
    }

    @Test
    void shouldShowTheBridgeDomainAsVppLaysItOut() {
        bridgeAll("");

        String text = vecta.cli("show bridge-domain 10 detail");

        assertThat(text.lines().toList()).containsExactly(
                "  BD-ID   Index   BSN  Age(min)  Learning  U-Forwrd   UU-Flood   Flooding  ARP-Term  arp-ufwd"
                        + " Learn-co Learn-li   BVI-Intf ",
                "   10       1      0     off        on        on       flood        on       off       off"
                        + "        0     49152       N/A    ",
                "l2-learn l2-fwd l2-flood l2-flood l2-output ",
                "",
                "           Interface           If-idx ISN  SHG  BVI  TxFlood        VLAN-Tag-Rewrite       ",
                "              pg1                " + pg1.swIfIndex() + "     1    0    -      *                 none"
                        + "             ",
                "              pg2                " + pg2.swIfIndex() + "     1    0    -      *                 none"
                        + "             ",
                "              pg3                " + pg3.swIfIndex() + "     1    0    -      *                 none"
                        + "             ");
    }

    @Test
    void shouldCrossConnectEachWayAsConfigured() {
        vecta.cli("set interface l2 xconnect pg1 pg2");
        vecta.cli("set interface l2 xconnect pg2 pg1");

        List<DecodedPacket> there = vecta.sendAndExpect(pg1, frames(HOST_A, NOBODY, 3), pg2, 3);
        List<DecodedPacket> back = vecta.sendAndExpect(pg2, frames(NOBODY, HOST_A, 2), pg1, 2);

        assertThat(there).allSatisfy(p -> assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse(NOBODY)));
        assertThat(back).allSatisfy(p -> assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse(HOST_A)));
        assertThat(tx(pg3)).isZero();
        assertThat(fibRows()).isEmpty();
    }

    @Test
    void shouldRouteAgainOnceBackInL3() {
        bridgeAll("");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 1), pg2, 1);

        vecta.cli("set interface l3 pg1");
        vecta.sendAndAssertNoReplies(pg1, frames(HOST_A, NOBODY, 2), pg1, pg2, pg3);

        assertThat(vecta.errors("ethernet-input", "l3 mac mismatch")).isEqualTo(2);
        assertThat(fibRows()).isEmpty();
        assertThat(vecta.cli("show bridge-domain 10 detail")).doesNotContain("pg1");
    }

    @Test
    void shouldAnswerArpForTheBviAddressFromABridgeMember() {
        bridgeAll("");
        String loop = vecta.cli("create loopback interface mac 02:00:00:00:10:10").strip();
        vecta.cli("set interface l2 bridge " + loop + " 10 bvi");
        vecta.cli("set interface state " + loop + " up");
        vecta.cli("set interface ip address " + loop + " 10.0.0.1/24");

        List<DecodedPacket> out = vecta.sendAndExpect(pg1, List.of(Packets.ethernet(HOST_A, BROADCAST)
                .arpRequest(HOST_A, "10.0.0.2", "10.0.0.1").padTo(60).build()), pg1, 1);

        DecodedPacket reply = out.getFirst();
        assertThat(reply.ethernet().src()).isEqualTo(MacAddress.parse("02:00:00:00:10:10"));
        assertThat(reply.ethernet().dst()).isEqualTo(MacAddress.parse(HOST_A));
        assertThat(reply.ethernet().etherType()).isEqualTo(Ethernet.ETHER_TYPE_ARP);
        ArpLayer arp = reply.arp();
        assertThat(arp.opcode()).isEqualTo(2);
        assertThat(arp.senderIp()).isEqualTo(Ip4Address.parse("10.0.0.1"));
        assertThat(arp.senderMac()).isEqualTo(MacAddress.parse("02:00:00:00:10:10"));
        assertThat(tx(pg2)).isEqualTo(1);
        assertThat(vecta.cli("show bridge-domain 10")).contains(loop);
        int loopIndex = InterfaceTable.of(vecta.runtime().graph()).byName(loop).swIfIndex();
        assertThat(fibRows()).contains("02:00:00:00:10:10 1 " + loopIndex + " 0/1 - - - - " + loop,
                HOST_A + " 1 " + pg1.swIfIndex() + " 0/1 - - - - pg1");
    }

    @Test
    void shouldRefuseBadL2Commands() {
        vecta.cli("create bridge-domain 10");
        vecta.cli("create bridge-domain 20");
        vecta.cli("set interface l2 bridge pg1 10");

        assertThat(vecta.cliError("set interface l2 bridge pg2 30")).contains("no bridge domain 30");
        assertThat(vecta.cliError("set interface l2 bridge pg1 20"))
                .contains("pg1 is in bridge domain 10: set interface l3 pg1 first");
        assertThat(vecta.cliError("l2fib add 02:00:00:00:00:zz 10 pg1")).contains("mac");
        assertThat(vecta.cliError("l2fib add 01:00:5e:00:00:01 10 pg1")).contains("group address");
        assertThat(vecta.cliError("l2fib add " + HOST_A + " 10 pg2")).contains("pg2 is not a member of bridge domain 10");
        assertThat(vecta.cliError("create bridge-domain 10")).contains("bridge domain 10 exists");
        assertThat(vecta.cliError("create bridge-domain 10 del")).contains("bridge domain 10 is in use by 1 interface(s) (pg1)");
        assertThat(vecta.cliError("set interface l2 bridge pg2 10 bvi")).contains("only a loopback interface can");
        assertThat(vecta.cliError("set interface l2 xconnect pg1 pg2")).contains("pg1 is in bridge domain 10");
        assertThat(vecta.cliError("l2fib del " + HOST_A + " 10")).contains("no entry for " + HOST_A);
        vecta.cli("create bridge-domain 20 del");
        assertThat(vecta.cliError("show bridge-domain 20")).contains("no bridge domain 20 (bridge domains: 10)");
    }
}
