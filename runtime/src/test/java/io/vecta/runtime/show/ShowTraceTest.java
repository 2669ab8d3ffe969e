package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShowTraceTest {

    record Formatted(int ttl) {
        public String format() {
            return "ttl " + ttl + "\n  checked";
        }
    }

    record Plain(int ttl) {
    }

    record Failing(int ttl) {
        public String format() {
            throw new IllegalStateException("no ttl");
        }
    }

    @Test
    void shouldPrintTimesAsHoursMinutesSecondsAndMicroseconds() {
        assertThat(ShowTrace.time(0)).isEqualTo("00:00:00:000000");
        assertThat(ShowTrace.time(1_234_567_999L)).isEqualTo("00:00:01:234567");
        assertThat(ShowTrace.time(((3600L + 2 * 60 + 3) * 1_000_000 + 456) * 1_000)).isEqualTo("01:02:03:000456");
        assertThat(ShowTrace.time(100L * 3600 * 1_000_000_000)).isEqualTo("100:00:00:000000");
    }

    @Test
    void shouldPrintARecordWithItsFormatMethodElseItsToString() {
        assertThat(ShowTrace.text(new Formatted(64))).isEqualTo("ttl 64\n  checked");
        assertThat(ShowTrace.text(new Plain(64))).isEqualTo("Plain[ttl=64]");
        assertThat(ShowTrace.text("text")).isEqualTo("text");
        assertThat(ShowTrace.text(new Failing(1)))
                .isEqualTo("Failing.format() failed: java.lang.IllegalStateException: no ttl");
    }
}
