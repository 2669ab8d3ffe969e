package io.vecta.testkit.l2;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.testkit.Packets;
import io.vecta.testkit.PgPort;
import io.vecta.testkit.VectaExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * L2 features on the arcs {@code l2-input-feat} (by rx interface) and {@code l2-output-feat} (by
 * tx interface), seen through the counting nodes of {@link io.vecta.testkit.l2feat} (in the
 * {@code test-xconnect} plugin), in bridge domain 10 of pg1, pg2 and pg3.
 */
class L2FeaturesTest {

    private static final String HOST_A = "02:00:00:00:0a:01";
    private static final String HOST_B = "02:00:00:00:0b:02";
    private static final String NOBODY = "02:00:00:00:ee:ee";
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";
    private static final String IN_COUNT = "test-l2-input-count";
    private static final String OUT_COUNT = "test-l2-output-count";

    @RegisterExtension
    final VectaExtension vecta = VectaExtension.withDefaults();

    private PgPort pg1;
    private PgPort pg2;
    private PgPort pg3;

    @BeforeEach
    void bridgeThree() {
        pg1 = vecta.pg(1);
        pg2 = vecta.pg(2);
        pg3 = vecta.pg(3);
    }

    private void bridgeAll() {
        vecta.cli("create bridge-domain 10");
        for (PgPort port : List.of(pg1, pg2, pg3)) {
            vecta.cli("set interface l2 bridge " + port.name() + " 10");
        }
    }

    private static List<byte[]> frames(String src, String dst, int n) {
        return Packets.ethernet(src, dst).ip4("10.0.0.1", "10.0.0.2").udp(1000, 2000).payload(18).times(n);
    }

    private long seen(String node) {
        return vecta.errors(node, "packets seen");
    }

    private long tx(PgPort port) {
        return vecta.counter(port, InterfaceCounters.Kind.TX_PACKETS);
    }

    @Test
    void shouldPassFramesThroughAnInputFeatureOfTheirRxInterfaceOnly() {
        bridgeAll();
        vecta.cli("set interface feature pg1 " + IN_COUNT + " arc l2-input-feat");

        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 3), pg2, 3);
        vecta.sendAndExpect(pg2, frames(HOST_B, HOST_A, 2), pg1, 2);

        assertThat(seen(IN_COUNT)).isEqualTo(3);
        assertThat(tx(pg3)).isEqualTo(3);
        assertThat(vecta.errors("l2-learn", "L2 learn misses")).as("learnt after the feature").isEqualTo(2);
        assertThat(vecta.vectors("l2-input-feat-end")).as("back on the bridge's path after the features").isEqualTo(3);
    }

    @Test
    void shouldPassFramesThroughAnOutputFeatureOfTheirTxInterfaceOnly() {
        bridgeAll();
        vecta.cli("set interface feature pg3 " + OUT_COUNT + " arc l2-output-feat");

        vecta.sendAndExpect(pg1, frames(HOST_A, NOBODY, 4), pg3, 4);
        long flooded = seen(OUT_COUNT);
        vecta.sendAndExpect(pg3, frames(HOST_B, HOST_A, 2), pg1, 2);

        assertThat(flooded).as("only the copies that left by pg3").isEqualTo(4);
        assertThat(tx(pg2)).isEqualTo(4);
        assertThat(seen(OUT_COUNT)).as("frames leaving by pg1 pass no feature").isEqualTo(4);
        assertThat(seen(IN_COUNT)).isZero();
    }

    @Test
    void shouldStopPassingFramesThroughAFeatureOnceDisabled() {
        bridgeAll();
        vecta.cli("set interface feature pg1 " + IN_COUNT + " arc l2-input-feat");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 2), pg2, 2);

        vecta.cli("set interface feature pg1 " + IN_COUNT + " arc l2-input-feat disable");
        vecta.sendAndExpect(pg1, frames(HOST_A, BROADCAST, 5), pg2, 5);

        assertThat(seen(IN_COUNT)).isEqualTo(2);
        assertThat(vecta.cli("show interface features pg1")).contains("l2-input-feat:\n  none configured");
    }

    @Test
    void shouldRunInputFeaturesOnACrossConnectToo() {
        vecta.cli("set interface l2 xconnect pg1 pg2");
        vecta.cli("set interface feature pg1 " + IN_COUNT + " arc l2-input-feat");
        vecta.cli("set interface feature pg2 " + OUT_COUNT + " arc l2-output-feat");

        vecta.sendAndExpect(pg1, frames(HOST_A, NOBODY, 3), pg2, 3);

        assertThat(seen(IN_COUNT)).isEqualTo(3);
        assertThat(seen(OUT_COUNT)).isEqualTo(3);
        assertThat(vecta.cli("show interface features pg1")).contains("l2-input-feat:\n  " + IN_COUNT);
    }

    @Test
    void shouldRefuseAnUnknownFeatureOrArc() {
        assertThat(vecta.cliError("set interface feature pg1 " + IN_COUNT + " arc l2-output-feat"))
                .contains("'" + IN_COUNT + "' is not a feature of arc 'l2-output-feat'");
        assertThat(vecta.cliError("set interface feature pg1 " + IN_COUNT + " arc l2-nowhere"))
                .contains("no feature arc 'l2-nowhere'");
    }
}
