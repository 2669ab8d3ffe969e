package io.vecta.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample plugin's feature in a running runtime: enabled on one interface's
 * {@code ip4-unicast} arc, it sees that interface's packets, traces them and passes them on to
 * the lookup; other interfaces' packets and packets sent after it is disabled do not meet it.
 */
class Ip4InspectTest {

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg0;
    private PgPort pg1;

    @BeforeEach
    void twoSubnetsAndARoute() {
        pg0 = vecta.pg(0);
        pg1 = vecta.pg(1);
        vecta.cli("set interface ip address pg0 10.0.0.1/24");
        vecta.cli("set interface ip address pg1 10.0.1.1/24");
        vecta.cli("set ip neighbor pg1 10.0.1.2 02:00:00:00:01:02");
        vecta.cli("ip route add 48.0.0.0/8 via 10.0.1.2 pg1");
    }

    private List<byte[]> udp(int count) {
        return Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.2", "48.0.0.1").udp(1234, 5678).payload(18)
                .times(count);
    }

    @Test
    void shouldCountTraceAndForwardThePacketsOfTheInterfaceItIsEnabledOn() {
        vecta.cli("set interface feature pg0 sample-ip4-inspect arc ip4-unicast");

        List<DecodedPacket> forwarded = vecta.sendAndExpect(pg0, udp(5), pg1);

        assertThat(forwarded).hasSize(5).allSatisfy(p -> {
            assertThat(p.ip4().dst()).isEqualTo(Ip4Address.parse("48.0.0.1"));
            assertThat(p.ip4().ttl()).isEqualTo(63);
        });
        assertThat(vecta.errors("sample-ip4-inspect", "ip4 packets inspected")).isEqualTo(5);
        assertThat(vecta.cli("show trace")).contains("sample-ip4-inspect: header 20 bytes, ttl 64, next ")
                .contains("ip4-lookup");
    }

    @Test
    void shouldBeSwitchedOnAndOffByThePluginsOwnCommand() {
        vecta.cli("sample inspect pg0");
        vecta.sendAndExpect(pg0, udp(2), pg1);
        assertThat(vecta.cli("show interface features pg0")).contains("sample-ip4-inspect");
        vecta.cli("sample inspect pg0 disable");

        vecta.sendAndExpect(pg0, udp(3), pg1);

        assertThat(vecta.errors("sample-ip4-inspect", "ip4 packets inspected")).isEqualTo(2);
        assertThat(vecta.cliError("sample inspect pg9")).contains("no interface named 'pg9'");
    }
}
