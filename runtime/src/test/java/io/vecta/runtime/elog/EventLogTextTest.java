package io.vecta.runtime.elog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTextTest {

    private final EventCatalog catalog = new EventCatalog();

    @Test
    void shouldShowEventsInTimeOrderWithTheirTrackWhenThereAreSeveral() {
        EventType type = catalog.register("packet %d");
        EventLog main = new EventLog(0, "vecta_main", 8);
        EventLog worker = new EventLog(1, "vecta_wk_0", 8);
        long origin = 1_000_000_000L;
        main.log(origin + 123_456, type.id(), 1, 0);
        worker.log(origin + 200_000, type.id(), 2, 0);
        main.log(origin + 1_500_000_001L, type.id(), 3, 0);

        String two = EventLogText.show(List.of(main, worker), catalog, origin, 250);
        String one = EventLogText.show(List.of(main), catalog, origin, 1);

        assertThat(two.lines()).containsExactly(
                "3 of 3 events in 2 rings, 0 overwritten",
                "   0.000123456: vecta_main: packet 1",
                "   0.000200000: vecta_wk_0: packet 2",
                "   1.500000001: vecta_main: packet 3");
        assertThat(one.lines()).containsExactly(
                "1 of 2 events in 1 ring, 0 overwritten",
                "   1.500000001: packet 3");
    }
}
