package io.vecta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vlib.VlibServiceClient;
import io.vecta.runtime.api.core.vpe.ShowVersion;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.api.core.vpe.VpeServiceClient;
import io.vecta.runtime.interfaces.InterfaceCounters.Kind;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.packet.DecodedPacket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kit against a real runtime: pg1 -> test-xconnect -> pg2. */
class VectaExtensionTest {

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults().inputNode("test-xconnect");

    private List<byte[]> udp(PgPort in, int count, int ttl) {
        return Packets.each(count, i -> Packets.ethernet(in.peerMac(), in.mac())
                .ip4("10.0.0." + (i + 1), "10.0.1.1").ttl(ttl).udp(1234 + i, 80).payload(18));
    }

    @Test
    void shouldReturnWhatTheExpectedInterfaceSentDecoded() {
        PgPort pg1 = vecta.pg(1);
        PgPort pg2 = vecta.pg(2);

        List<DecodedPacket> out = vecta.sendAndExpect(pg1, udp(pg1, 7, 64), pg2);

        assertThat(out).hasSize(7).allSatisfy(p -> {
            assertThat(p.isValid()).as(p.show()).isTrue();
            assertThat(p.ip4().ttl()).isEqualTo(63);
        });
        assertThat(out).extracting(p -> p.udp().srcPort()).containsExactly(1234, 1235, 1236, 1237, 1238, 1239, 1240);
        assertThat(vecta.counter(pg1, Kind.RX_PACKETS)).isEqualTo(7);
        assertThat(vecta.counter(pg2, Kind.TX_PACKETS)).isEqualTo(7);
        assertThat(vecta.vectors("test-xconnect")).isEqualTo(7);
    }

    @Test
    void shouldCrossConnectBackAndSendAgainOnTheSameInterfaces() {
        PgPort pg1 = vecta.pg(1);
        PgPort pg2 = vecta.pg(2);

        assertThat(vecta.sendAndExpect(pg2, udp(pg2, 3, 10), pg1)).hasSize(3);
        assertThat(vecta.sendAndExpect(pg2, udp(pg2, 4, 10), pg1)).hasSize(4);
        assertThat(vecta.counter(pg1, Kind.TX_PACKETS)).isEqualTo(7);
    }

    @Test
    void shouldSeeNothingComeOutOfPacketsThatAreDroppedAndReadTheirCounter() {
        PgPort pg1 = vecta.pg(1);
        PgPort pg2 = vecta.pg(2);
        List<byte[]> arp = Packets.ethernet(pg1.peerMac(), "ff:ff:ff:ff:ff:ff")
                .arpRequest(pg1.peerMac(), "10.0.0.1", "10.0.0.2").times(2);

        vecta.sendAndAssertNoReplies(pg1, udp(pg1, 3, 1), pg1, pg2);
        vecta.sendAndAssertNoReplies(pg1, arp, pg2);

        assertThat(vecta.errors("test-xconnect", "ttl expired")).isEqualTo(3);
        assertThat(vecta.errors("test-xconnect", "not an IPv4 packet")).isEqualTo(2);
        assertThat(vecta.counter(pg1, Kind.DROPS)).isEqualTo(5);
    }

    @Test
    void shouldFailNamingTheInterfaceWhenTooFewOrTooManyPacketsComeOut() {
        PgPort pg1 = vecta.pg(1);
        PgPort pg2 = vecta.pg(2);
        List<byte[]> mixed = udp(pg1, 2, 64);
        mixed.addAll(udp(pg1, 2, 1));

        assertThatThrownBy(() -> vecta.sendAndExpect(pg1, mixed, pg2))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected 4 packets out of pg2 after sending 4 into pg1, got 2 within");
        assertThatThrownBy(() -> vecta.sendAndAssertNoReplies(pg1, udp(pg1, 1, 64), pg2))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("pg2 sent 1 packets where none were expected; the first: Ether / IPv4 10.0.0.1");
    }

    @Test
    void shouldTraceWhatItSendsAndDriveTheCli() {
        PgPort pg1 = vecta.pg(1);
        PgPort pg2 = vecta.pg(2);

        vecta.sendAndExpect(pg1, udp(pg1, 1, 64), pg2);

        assertThat(vecta.cli("show trace")).contains(": pg-input\n")
                .contains(": interface-output\n  pg2\n").contains(": pg-tx\n  pg2 length");
        assertThat(vecta.cliError("show interface pg9")).contains("pg9");
        assertThatThrownBy(() -> vecta.cli("show nonsense")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'show nonsense' failed");
    }

    @Test
    void shouldDriveTheRuntimeThroughItsBinaryApi() {
        PgPort pg1 = vecta.pg(1);
        ApiConnection api = vecta.api(ApiCodecs.of(VpeModule.MESSAGES, VlibModule.MESSAGES));
        VpeServiceClient vpe = new VpeServiceClient(api);
        VlibServiceClient vlib = new VlibServiceClient(api);

        ShowVersionReply version = vpe.showVersion(new ShowVersion(0, 0));
        CliInbandReply interfaces = vlib.cliInband(new CliInband(0, 0, "show interface " + pg1.name()));

        assertThat(version.program()).isEqualTo("vecta");
        assertThat(interfaces.reply()).contains(pg1.name()).contains("up");
    }
}
