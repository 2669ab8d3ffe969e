package io.vecta.sdk.infra.timer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickConverterTest {

    private static final long TEN_MICROS = 10_000;

    @Test
    void shouldCountWholeTicksSinceTheOrigin() {
        TickConverter ticks = new TickConverter(TEN_MICROS, 1_000_000);

        assertThat(ticks.tickAt(1_000_000)).isZero();
        assertThat(ticks.tickAt(1_009_999)).isZero();
        assertThat(ticks.tickAt(1_010_000)).isEqualTo(1);
        assertThat(ticks.tickAt(1_000_000 + 3 * TEN_MICROS + 1)).isEqualTo(3);
    }

    @Test
    void shouldRoundDurationsUpToAtLeastOneTick() {
        TickConverter ticks = new TickConverter(TEN_MICROS, 0);

        assertThat(ticks.ticksFor(0)).isEqualTo(1);
        assertThat(ticks.ticksFor(1)).isEqualTo(1);
        assertThat(ticks.ticksFor(TEN_MICROS)).isEqualTo(1);
        assertThat(ticks.ticksFor(TEN_MICROS + 1)).isEqualTo(2);
        assertThat(ticks.ticksFor(1_000_000_000)).isEqualTo(100_000);
    }

    @Test
    void shouldRejectReadingsBeforeTheOriginAndBadLengths() {
        TickConverter ticks = new TickConverter(TEN_MICROS, 500);

        assertThatThrownBy(() -> ticks.tickAt(499))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clock reading 499 ns is before the origin 500 ns");
        assertThatThrownBy(() -> ticks.ticksFor(-1))
                .hasMessage("duration -1 ns must not be negative");
        assertThatThrownBy(() -> new TickConverter(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tick length 0 ns must be at least 1 ns");
    }

    @Test
    void shouldDriveAWheelFromClockReadings() {
        long origin = 7_777_777;
        TickConverter ticks = new TickConverter(TEN_MICROS, origin);
        TimerWheel wheel = new TimerWheel("clock", TimerWheelShape.TW_2T_1W_2048SL, 4);
        wheel.start(9, 1, ticks.ticksFor(1_000_000));
        int[] expired = new int[4];

        assertThat(wheel.expire(ticks.tickAt(origin + 999_999), expired)).isZero();
        assertThat(wheel.expire(ticks.tickAt(origin + 1_000_000), expired)).isEqualTo(1);
        assertThat(expired[0]).isEqualTo(TimerWheelShape.TW_2T_1W_2048SL.userHandle(9, 1));
    }
}
