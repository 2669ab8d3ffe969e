package io.vecta.runtime.elog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventLogRingTest {

    private static final EventType TICK = EventCatalog.global().register("ring test tick %d of %d");

    @Test
    void shouldKeepEverythingUntilTheRingIsFull() {
        EventLog log = new EventLog(0, "vecta_main", 8);
        for (int i = 0; i < 8; i++) {
            log.log(100 + i, TICK.id(), i, -i);
        }

        assertThat(log.events()).extracting(LoggedEvent::a).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(log.events()).extracting(LoggedEvent::b).containsExactly(0L, -1L, -2L, -3L, -4L, -5L, -6L, -7L);
        assertThat(log.events()).extracting(LoggedEvent::nanos).startsWith(100L).endsWith(107L);
        assertThat(log.events()).allSatisfy(e -> {
            assertThat(e.typeId()).isEqualTo(TICK.id());
            assertThat(e.track()).isZero();
        });
        assertThat(log.overwritten()).isZero();
    }

    @Test
    void shouldOverwriteTheOldestAndCountWhatWasLost() {
        EventLog log = new EventLog(3, "vecta_wk_2", 4);
        for (int i = 0; i < 11; i++) {
            log.log(i, TICK.id(), i, 0);
        }

        assertThat(log.events()).extracting(LoggedEvent::a).containsExactly(7L, 8L, 9L, 10L);
        assertThat(log.events()).extracting(LoggedEvent::track).containsOnly(3);
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.logged()).isEqualTo(11);
        assertThat(log.overwritten()).isEqualTo(7);
    }

    @Test
    void shouldStartAgainEmptyAfterClearAndResize() {
        EventLog log = new EventLog(0, "vecta_main", 4);
        for (int i = 0; i < 6; i++) {
            log.log(TICK, i, i);
        }
        log.clear();
        assertThat(log.events()).isEmpty();
        assertThat(log.overwritten()).isZero();

        log.log(TICK, 1, 2);
        log.resize(100);
        assertThat(log.capacity()).isEqualTo(128);
        assertThat(log.events()).isEmpty();
    }

    @Test
    void shouldRoundCapacitiesUpToAPowerOfTwoAndRefuseImpossibleOnes() {
        assertThat(EventLog.capacityFor(1)).isEqualTo(1);
        assertThat(EventLog.capacityFor(5)).isEqualTo(8);
        assertThat(EventLog.capacityFor(1024)).isEqualTo(1024);
        assertThat(EventLog.capacityFor(EventLog.MAX_CAPACITY)).isEqualTo(EventLog.MAX_CAPACITY);
        assertThatThrownBy(() -> new EventLog(0, "vecta_main", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event log: 0 events is not a ring size (1 to " + EventLog.MAX_CAPACITY + ")");
        assertThatThrownBy(() -> EventLog.capacityFor(EventLog.MAX_CAPACITY + 1L))
                .hasMessageContaining("is not a ring size");
    }

    @Test
    void shouldMatchAQueueModelOverRandomLogsClearsAndResizes() {
        long seed = 0x5eed_e1091L;
        Random random = new Random(seed);
        EventLog log = new EventLog(1, "vecta_wk_0", 16);
        Deque<Long> model = new ArrayDeque<>();
        long lost = 0;
        for (int step = 0; step < 5_000; step++) {
            int action = random.nextInt(100);
            if (action < 2) {
                log.clear();
                model.clear();
                lost = 0;
            } else if (action < 3) {
                log.resize(1 + random.nextInt(64));
                model.clear();
                lost = 0;
            } else {
                long value = random.nextLong();
                log.log(step, TICK.id(), value, step);
                model.addLast(value);
                if (model.size() > log.capacity()) {
                    model.removeFirst();
                    lost++;
                }
            }
            if (step % 97 == 0 || step == 4_999) {
                List<Long> kept = new ArrayList<>(log.events().stream().map(LoggedEvent::a).toList());
                assertThat(kept).as("seed %x, step %d", seed, step).containsExactlyElementsOf(model);
                assertThat(log.overwritten()).as("seed %x, step %d", seed, step).isEqualTo(lost);
            }
        }
    }
}
