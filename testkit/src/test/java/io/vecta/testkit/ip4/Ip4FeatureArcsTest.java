package io.vecta.testkit.ip4;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.sdk.packet.DecodedPacket;
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

/**
 * The ip4-unicast and ip4-output feature arcs with the test plugin's pass-through features:
 * a packet runs the features of its interface (rx for ip4-unicast, tx for ip4-output) in the
 * arc's order and goes on to ip4-lookup or interface-output; other interfaces' packets do not.
 */
class Ip4FeatureArcsTest {

    private static final String PG1_NEIGHBOUR = "02:00:00:00:01:02";
    private static final String PG2_NEIGHBOUR = "02:00:00:00:02:02";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg0;
    private PgPort pg1;
    private PgPort pg2;

    @BeforeEach
    void threeSubnetsATaggedOneAndTwoRoutes() {
        pg0 = vecta.pg(0);
        pg1 = vecta.pg(1);
        pg2 = vecta.pg(2);
        vecta.cli("create sub-interfaces pg0 100");
        vecta.cli("set interface state pg0.100 up");
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set interface ip address pg0.100 10.0.100.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24");
        vecta.cli("set interface ip address pg2 10.0.2.1/24");
        vecta.cli("set ip neighbor pg1 10.0.1.2 " + PG1_NEIGHBOUR);
        vecta.cli("set ip neighbor pg2 10.0.2.2 " + PG2_NEIGHBOUR);
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2 pg1");
        vecta.cli("ip route add 49.0.0.0/8 via 10.0.2.2 pg2");
    }

    private Packets udpTo(String dst) {
        return Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", dst).udp(1234, 5678).payload(18);
    }

    private Packets taggedUdpTo(String dst) {
        return Packets.ethernet(pg0.peerMac(), pg0.mac()).vlan(100).ip4("10.0.100.2", dst).udp(1234, 5678)
                .payload(18);
    }

    @Test
    void shouldRunEnabledUnicastFeaturesInTheArcsOrderThenLookUp() {
        vecta.cli("set interface feature pg0 test-unicast-b arc ip4-unicast");
        vecta.cli("set interface feature pg0 test-unicast-a arc ip4-unicast");

        List<DecodedPacket> out = vecta.sendAndExpect(pg0, udpTo("48.0.0.1").times(3), pg1);

        assertThat(out).allSatisfy(p -> assertThat(p.ethernet().dst()).isEqualTo(MacAddress.parse(PG1_NEIGHBOUR)));
        assertThat(vecta.vectors("test-unicast-a")).isEqualTo(3);
        assertThat(vecta.vectors("test-unicast-b")).isEqualTo(3);
        String first = firstPacketTrace();
        assertThat(first).containsSubsequence("ip4-input", "test-unicast-a: rx " + pg0.swIfIndex(),
                "test-unicast-b: rx " + pg0.swIfIndex(), "ip4-lookup", "ip4-rewrite");
        assertThat(vecta.cli("show interface features pg0")).isEqualTo("""
                Feature paths configured on pg0...

                ip4-unicast:
                  test-unicast-a
                  test-unicast-b

                ip4-output:
                  none configured

                l2-input-feat:
                  none configured

                l2-output-feat:
                  none configured
                """);
    }

    @Test
    void shouldRunUnicastFeaturesOnlyForThePacketsOfTheEnabledInterfaceInAMixedFrame() {
        vecta.cli("set interface feature pg0.100 test-unicast-a arc ip4-unicast");
        List<byte[]> mixed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mixed.add((i % 2 == 0 ? taggedUdpTo("48.0.0." + i) : udpTo("48.0.0." + i)).build());
        }

        List<DecodedPacket> out = vecta.sendAndExpect(pg0, mixed, pg1);

        assertThat(out).extracting(p -> Ip4Address.format(p.ip4().dst()))
                .containsExactlyInAnyOrder("48.0.0.0", "48.0.0.1", "48.0.0.2", "48.0.0.3", "48.0.0.4");
        assertThat(vecta.vectors("ip4-input")).isEqualTo(5);
        assertThat(vecta.vectors("test-unicast-a")).isEqualTo(3);
        assertThat(vecta.vectors("test-unicast-b")).isZero();
        assertThat(vecta.vectors("ip4-lookup")).isEqualTo(5);
    }

    @Test
    void shouldRunOutputFeaturesOfTheTxInterfaceOnly() {
        vecta.cli("set interface feature pg1 test-output-a arc ip4-output");
        List<byte[]> mixed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mixed.add(udpTo((i < 3 ? "48.0.0." : "49.0.0.") + i).build());
        }

        List<DecodedPacket> out = vecta.sendAndExpect(pg0, mixed, pg1, 3);

        assertThat(out).allSatisfy(p -> assertThat(p.ip4().ttl()).isEqualTo(63));
        assertThat(vecta.counter(pg2, InterfaceCounters.Kind.TX_PACKETS)).isEqualTo(2);
        assertThat(vecta.vectors("test-output-a")).isEqualTo(3);
        assertThat(firstPacketTrace()).containsSubsequence("ip4-rewrite",
                "test-output-a: rx " + pg0.swIfIndex() + " tx " + pg1.swIfIndex(), "interface-output", "pg-tx");
        assertThat(vecta.cli("show interface features pg1 verbose")).contains("""
                ip4-output:
                  [ 0] test-output-a
                  [end] interface-output
                """);
    }

    @Test
    void shouldStopRunningAFeatureOnceDisabled() {
        vecta.cli("set interface feature pg0 test-unicast-a arc ip4-unicast");
        vecta.cli("set interface feature pg0 test-unicast-a arc ip4-unicast disable");

        vecta.sendAndExpect(pg0, udpTo("48.0.0.1").times(2), pg1);

        assertThat(vecta.vectors("test-unicast-a")).isZero();
        assertThat(vecta.cli("show interface features pg0")).contains("ip4-unicast:\n  none configured\n");
    }

    @Test
    void shouldRejectAFeatureThatIsNotOnTheArc() {
        assertThat(vecta.cliError("set interface feature pg0 test-output-a arc ip4-unicast"))
                .contains("'test-output-a' is not a feature of arc 'ip4-unicast' (its features: [test-unicast-a,"
                        + " test-unicast-b])").doesNotContain("help:");
        assertThat(vecta.cliError("set interface feature pg0 test-unicast-a arc ip9-unicast"))
                .contains("no feature arc 'ip9-unicast'");
    }

    private String firstPacketTrace() {
        String trace = vecta.cli("show trace");
        int second = trace.indexOf("Packet 2");
        return second < 0 ? trace : trace.substring(0, second);
    }
}
