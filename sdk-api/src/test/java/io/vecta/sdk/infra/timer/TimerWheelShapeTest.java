package io.vecta.sdk.infra.timer;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerWheelShapeTest {

    private static final long SEED = 0x5_4A9EL;

    @Test
    void shouldNameVppsTemplates() {
        assertThat(TimerWheelShape.TW_2T_1W_2048SL.name()).isEqualTo("2t_1w_2048sl");
        assertThat(TimerWheelShape.TW_16T_2W_512SL.name()).isEqualTo("16t_2w_512sl");
        assertThat(TimerWheelShape.TW_1T_3W_1024SL_OV.name()).isEqualTo("1t_3w_1024sl_ov");
        assertThat(TimerWheelShape.TW_2T_1W_2048SL.rangeTicks()).isEqualTo(2048);
        assertThat(TimerWheelShape.TW_16T_2W_512SL.rangeTicks()).isEqualTo(512 * 512);
        assertThat(TimerWheelShape.TW_1T_3W_1024SL_OV.rangeTicks()).isEqualTo(1L << 30);
        assertThat(TimerWheelShape.TW_2T_1W_2048SL.maxIntervalTicks()).isEqualTo(2048);
        assertThat(TimerWheelShape.TW_1T_3W_1024SL_OV.maxIntervalTicks())
                .isEqualTo(TimerWheelShape.MAX_OVERFLOW_INTERVAL_TICKS);
        assertThat(TimerWheelShape.of(16, 2, 512, false)).isEqualTo(TimerWheelShape.TW_16T_2W_512SL)
                .hasSameHashCodeAs(TimerWheelShape.TW_16T_2W_512SL);
    }

    @Test
    void shouldPackObjectIndexAndTimerIdAsVppDoes() {
        assertThat(TimerWheelShape.TW_2T_1W_2048SL.userHandle(5, 1)).isEqualTo(0x8000_0005);
        assertThat(TimerWheelShape.TW_16T_2W_512SL.userHandle(0x0ABC_DEF1, 0xF)).isEqualTo(0xFABC_DEF1);
        assertThat(TimerWheelShape.TW_1T_3W_1024SL_OV.userHandle(123_456, 0)).isEqualTo(123_456);
        assertThat(TimerWheelShape.TW_2T_1W_2048SL.maxObjectIndex()).isEqualTo(Integer.MAX_VALUE);
        assertThat(TimerWheelShape.TW_16T_2W_512SL.maxObjectIndex()).isEqualTo((1 << 28) - 1);
        assertThat(TimerWheelShape.of(4, 1, 2, false).maxObjectIndex()).isEqualTo((1 << 30) - 1);
        assertThat(TimerWheelShape.TW_1T_3W_1024SL_OV.maxObjectIndex()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRoundTripUserHandlesForEveryTimerCount() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int timers = 1; timers <= 16; timers *= 2) {
            TimerWheelShape shape = TimerWheelShape.of(timers, 1, 64, false);
            for (int i = 0; i < 2000; i++) {
                int objectIndex = i < 2 ? i * shape.maxObjectIndex() : (int) random.nextLong(shape.maxObjectIndex() + 1L);
                int timerId = random.nextInt(timers);
                int handle = shape.userHandle(objectIndex, timerId);
                assertThat(shape.objectIndexOf(handle)).as("seed %d, shape %s", SEED, shape).isEqualTo(objectIndex);
                assertThat(shape.timerIdOf(handle)).as("seed %d, shape %s", SEED, shape).isEqualTo(timerId);
            }
        }
    }

    @Test
    void shouldRejectBadShapesNamingTheParameterAndLimit() {
        assertThatThrownBy(() -> TimerWheelShape.of(3, 1, 64, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel shape: timersPerObject 3 must be one of 1, 2, 4, 8, 16");
        assertThatThrownBy(() -> TimerWheelShape.of(32, 1, 64, false))
                .hasMessage("timer wheel shape: timersPerObject 32 must be one of 1, 2, 4, 8, 16");
        assertThatThrownBy(() -> TimerWheelShape.of(1, 4, 64, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel shape: wheels 4 must be from 1 to 3");
        assertThatThrownBy(() -> TimerWheelShape.of(1, 0, 64, false))
                .hasMessage("timer wheel shape: wheels 0 must be from 1 to 3");
        assertThatThrownBy(() -> TimerWheelShape.of(1, 1, 1000, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel shape: slotsPerWheel 1000 must be a power of two from 2 to 65536");
        assertThatThrownBy(() -> TimerWheelShape.of(1, 1, 1 << 17, false))
                .hasMessage("timer wheel shape: slotsPerWheel 131072 must be a power of two from 2 to 65536");
        assertThatThrownBy(() -> TimerWheelShape.of(1, 1, 1, false))
                .hasMessage("timer wheel shape: slotsPerWheel 1 must be a power of two from 2 to 65536");
    }

    @Test
    void shouldRejectObjectIndexAndTimerIdBeyondTheShape() {
        TimerWheelShape shape = TimerWheelShape.TW_16T_2W_512SL;

        assertThatThrownBy(() -> shape.userHandle(1 << 28, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel 16t_2w_512sl: object index 268435456 must be from 0 to 268435455");
        assertThatThrownBy(() -> shape.userHandle(-1, 0))
                .hasMessage("timer wheel 16t_2w_512sl: object index -1 must be from 0 to 268435455");
        assertThatThrownBy(() -> shape.userHandle(0, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel 16t_2w_512sl: timer id 16 must be below the limit of 16 timers per object");
        assertThatThrownBy(() -> TimerWheelShape.TW_2T_1W_2048SL.userHandle(0, 2))
                .hasMessage("timer wheel 2t_1w_2048sl: timer id 2 must be below the limit of 2 timers per object");
    }
}
