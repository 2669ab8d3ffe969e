package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowClockTest {

    private static final long START_NANOS = 991_760_697_549_000L;
    private static final Instant START_WALL = Instant.parse("2026-11-25T20:56:39.006526Z");

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldPrintTheTimeSinceStartAndTheDateInGmt() {
        fixture = new RuntimeFixture(1);
        RuntimeClock clock = new RuntimeClock(START_NANOS, START_WALL);

        String text = ShowClock.format(clock, fixture.threads, false, START_NANOS + 3_038_213_000L,
                Instant.parse("2026-11-25T20:56:42.044604Z"));

        assertThat(text).isEqualTo("""
                Time now 3.038213, Wed, 25 Nov 2026 20:56:42 GMT
                0: Time now 3.038213
                Thread 0 offset 0.000000000
                """);
    }

    @Test
    void shouldPrintBothClocksTheirDriftAndTheRateWhenVerbose() {
        fixture = new RuntimeFixture(2);
        RuntimeClock clock = new RuntimeClock(START_NANOS, START_WALL);
        long now = START_NANOS + 3_038_213_000L;

        String text = ShowClock.format(clock, fixture.threads, true, now, Instant.parse("2026-11-25T20:56:42.044605Z"));

        assertThat(text).isEqualTo("""
                Time now 3.038213
                cpu time 3.038213 now %1$d since start 3038213000
                reftime 3.038079 now 1795640202.044605 init 1795640199.006526
                error .000134, clocks/sec 1000000000.000000, Wed, 25 Nov 2026 20:56:42 GMT
                0: Time now 3.038213
                   cpu time 3.038213 now %1$d since start 3038213000
                   reftime 3.038079 now 1795640202.044605 init 1795640199.006526
                   error .000134, clocks/sec 1000000000.000000
                Thread 0 offset 0.000000000
                1: Time now 3.038213
                   cpu time 3.038213 now %1$d since start 3038213000
                   reftime 3.038079 now 1795640202.044605 init 1795640199.006526
                   error .000134, clocks/sec 1000000000.000000
                Thread 1 offset 0.000000000
                """.formatted(now));
    }

    @Test
    void shouldStartFromTheMomentTheRuntimeStarts() {
        fixture = new RuntimeFixture(1);
        RuntimeClock clock = RuntimeClock.start();

        String text = ShowClock.format(clock, fixture.threads, false);

        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("Time now ([0-9]*\\.[0-9]{6}), [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} "
                + "[0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
        assertThat(lines[1]).isEqualTo("0: " + lines[0].substring(0, lines[0].indexOf(',')));
        assertThat(clock.startNanos()).isLessThanOrEqualTo(System.nanoTime());
    }
}
