package io.vecta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What a user sees when a test that uses the kit fails: the runtime's trace, errors and interfaces. */
class FailureReportTest {

    /** A test that fails on purpose; run only by {@link #shouldPrintTheTraceErrorsAndInterfacesOfAFailedTest}. */
    static final class FailingExample {

        @RegisterExtension
        final VectaExtension vecta = VectaExtension.withDefaults().inputNode("test-xconnect");

        @Test
        void expectsATtlThatIsNotThere() {
            PgPort pg1 = vecta.pg(1);
            PgPort pg2 = vecta.pg(2);
            List<byte[]> packet = List.of(Packets.ethernet(pg1.peerMac(), pg1.mac()).ip4("10.0.0.1", "10.0.1.1")
                    .ttl(1).udp(1, 2).build());
            vecta.sendAndExpect(pg1, packet, pg2);
        }
    }

    @Test
    void shouldPrintTheTraceErrorsAndInterfacesOfAFailedTest() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Events events;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingExample.class)).execute()
                    .testEvents();
        } finally {
            System.setErr(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);

        assertThat(events.failed().count()).isEqualTo(1);
        assertThat(printed).contains("==== expectsATtlThatIsNotThere() failed; the runtime's view ====")
                .contains("vecta# show trace").contains(": pg-input\n").contains(": error-drop\n  rx:pg1\n  test-xconnect: ttl expired\n")
                .contains("vecta# show errors").contains("ttl expired")
                .contains("vecta# show interface").contains("drops");
    }
}
