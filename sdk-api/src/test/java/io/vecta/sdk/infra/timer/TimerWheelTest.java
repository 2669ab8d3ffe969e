package io.vecta.sdk.infra.timer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerWheelTest {

    private static final long SEED = 0x71_3E_4EE1L;

    static Stream<TimerWheelShape> shapes() {
        return Stream.of(
                TimerWheelShape.TW_2T_1W_2048SL,
                TimerWheelShape.TW_16T_2W_512SL,
                TimerWheelShape.TW_1T_3W_1024SL_OV,
                // small wheels wrap and cascade often, so every edge is crossed many times
                TimerWheelShape.of(1, 1, 2, false),
                TimerWheelShape.of(4, 2, 8, false),
                TimerWheelShape.of(2, 3, 16, false),
                TimerWheelShape.of(8, 3, 4, true),
                TimerWheelShape.of(16, 1, 64, true),
                TimerWheelShape.of(1, 2, 4, true));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void shouldMatchModelUnderRandomStartStopUpdateAndExpiry(TimerWheelShape shape) {
        long seed = SEED ^ shape.hashCode();
        ModelRun run = new ModelRun(shape, seed);
        for (int step = 0; step < 6000; step++) {
            run.step(step);
        }
        run.drainAll();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void shouldFireEachTimerOnExactlyItsTickWhenAdvancedOneTickAtATime(TimerWheelShape shape) {
        long seed = SEED + shape.hashCode();
        SplittableRandom random = new SplittableRandom(seed);
        TimerWheel wheel = new TimerWheel("exact", shape, 16);
        long longest = Math.min(shape.rangeTicks() * (shape.hasOverflow() ? 3 : 1), 3000);
        Map<Integer, Long> dueByUserHandle = new HashMap<>();
        Map<Long, Integer> dueAtTick = new HashMap<>();
        int[] expired = new int[4096];
        int nextObject = 0;
        long lastStart = 5000;
        for (long now = 1; now <= lastStart + longest; now++) {
            for (int i = random.nextInt(4); i > 0 && now < lastStart; i--) {
                long interval = 1 + random.nextLong(Math.min(longest, shape.maxIntervalTicks()));
                int userHandle = shape.userHandle(nextObject++, random.nextInt(shape.timersPerObject()));
                wheel.start(shape.objectIndexOf(userHandle), shape.timerIdOf(userHandle), interval);
                dueByUserHandle.put(userHandle, wheel.currentTick() + interval);
                dueAtTick.merge(wheel.currentTick() + interval, 1, Integer::sum);
            }
            int count = wheel.expire(now, expired);
            for (int i = 0; i < count; i++) {
                Long due = dueByUserHandle.remove(expired[i]);
                assertThat(due).as("seed %d, tick %d: user handle %x", seed, now, expired[i]).isEqualTo(now);
            }
            assertThat(count).as("seed %d: timers returned at tick %d", seed, now)
                    .isEqualTo(dueAtTick.getOrDefault(now, 0));
        }
        assertThat(dueByUserHandle.size()).as("seed %d: timers never returned", seed).isZero();
        assertThat(wheel.runningTimers()).isZero();
    }

    @Test
    void shouldFireOverflowTimersOnTime() {
        TimerWheelShape shape = TimerWheelShape.TW_1T_3W_1024SL_OV;
        TimerWheel wheel = new TimerWheel("long", shape, 4);
        long range = shape.rangeTicks();
        long[] intervals = {range + 1, 5 * range + 12_345, 1L << 40, range - 1, 2 * range,
                TimerWheelShape.MAX_OVERFLOW_INTERVAL_TICKS};
        for (int i = 0; i < intervals.length; i++) {
            wheel.start(i, 0, intervals[i]);
        }
        int[] expired = new int[8];
        long[] sorted = intervals.clone();
        Arrays.sort(sorted);

        for (long due : sorted) {
            assertThat(wheel.expire(due - 1, expired)).as("before %d", due).isZero();
            assertThat(wheel.expire(due, expired)).as("at %d", due).isEqualTo(1);
            assertThat(intervals[expired[0]]).isEqualTo(due);
        }
        assertThat(wheel.runningTimers()).isZero();
    }

    @Test
    void shouldFireAnOverflowTimerStartedMidRevolution() {
        TimerWheelShape shape = TimerWheelShape.of(1, 2, 4, true);
        TimerWheel wheel = new TimerWheel("mid", shape, 4);
        int[] expired = new int[4];
        wheel.expire(13, expired);
        wheel.start(3, 0, 40);

        for (long now = 14; now < 53; now++) {
            assertThat(wheel.expire(now, expired)).as("tick %d", now).isZero();
        }
        assertThat(wheel.expire(53, expired)).isEqualTo(1);
        assertThat(expired[0]).isEqualTo(3);
    }

    @Test
    void shouldContinueABatchThatOverflowsTheCallersArray() {
        TimerWheel wheel = new TimerWheel("batch", TimerWheelShape.TW_2T_1W_2048SL, 8);
        for (int i = 0; i < 100; i++) {
            wheel.start(i, i % 2, 1 + i % 3);
        }
        int[] expired = new int[7];
        Set<Integer> seen = new HashSet<>();
        List<Integer> counts = new ArrayList<>();
        int count;
        do {
            count = wheel.expire(3, expired);
            counts.add(count);
            for (int i = 0; i < count; i++) {
                assertThat(seen.add(expired[i])).as("returned twice: %x", expired[i]).isTrue();
            }
        } while (count == expired.length);

        assertThat(seen).hasSize(100);
        assertThat(counts).hasSize(15).endsWith(2);
        assertThat(wheel.expire(3, expired)).isZero();
        assertThat(wheel.runningTimers()).isZero();
    }

    @Test
    void shouldReturnBatchesOldestDueFirst() {
        TimerWheel wheel = new TimerWheel("order", TimerWheelShape.TW_16T_2W_512SL, 8);
        for (int object = 0; object < 60; object++) {
            wheel.start(object, 0, 1 + object % 20 * 37);
        }
        int[] expired = new int[5];
        long previousDue = 0;
        int returned = 0;
        int count;
        do {
            count = wheel.expire(1000, expired);
            for (int i = 0; i < count; i++) {
                long due = 1 + expired[i] % 20 * 37L;
                assertThat(due).isGreaterThanOrEqualTo(previousDue);
                previousDue = due;
            }
            returned += count;
        } while (count == expired.length);
        assertThat(returned).isEqualTo(60);
    }

    @Test
    void shouldNeverReturnAStoppedTimerEvenIfAlreadyDue() {
        TimerWheelShape shape = TimerWheelShape.TW_16T_2W_512SL;
        TimerWheel wheel = new TimerWheel("stop", shape, 8);
        int[] handles = new int[10];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = wheel.start(i, 3, 5);
        }
        int[] expired = new int[3];
        assertThat(wheel.expire(5, expired)).isEqualTo(3);
        Set<Integer> returned = new HashSet<>();
        for (int userHandle : expired) {
            returned.add(shape.objectIndexOf(userHandle));
        }
        int victim = 0;
        while (returned.contains(victim)) {
            victim++;
        }
        wheel.stop(handles[victim]);

        int count;
        do {
            count = wheel.expire(5, expired);
            for (int i = 0; i < count; i++) {
                assertThat(returned.add(shape.objectIndexOf(expired[i]))).isTrue();
            }
        } while (count == expired.length);
        assertThat(returned).hasSize(9).doesNotContain(victim);
    }

    @Test
    void shouldFireAnUpdatedTimerAtItsNewTimeOnly() {
        TimerWheel wheel = new TimerWheel("update", TimerWheelShape.TW_16T_2W_512SL, 8);
        int handle = wheel.start(7, 2, 100);
        int[] expired = new int[4];
        assertThat(wheel.expire(40, expired)).isZero();
        wheel.update(handle, 1000);

        assertThat(wheel.expiryTick(handle)).isEqualTo(1040);
        assertThat(wheel.expire(1039, expired)).isZero();
        assertThat(wheel.expire(1040, expired)).isEqualTo(1);
        assertThat(expired[0]).isEqualTo(TimerWheelShape.TW_16T_2W_512SL.userHandle(7, 2));
        assertThat(wheel.isRunning(handle)).isFalse();
    }

    @Test
    void shouldRearmADueTimerThatIsUpdatedBeforeItIsReturned() {
        TimerWheel wheel = new TimerWheel("rearm", TimerWheelShape.TW_2T_1W_2048SL, 8);
        int first = wheel.start(1, 0, 2);
        int second = wheel.start(2, 0, 2);
        int[] expired = new int[1];
        assertThat(wheel.expire(2, expired)).isEqualTo(1);
        int stillDue = expired[0] == 1 ? second : first;
        int stillDueObject = 3 - expired[0];
        wheel.update(stillDue, 10);

        assertThat(wheel.expire(2, expired)).isZero();
        assertThat(wheel.expire(11, expired)).isZero();
        assertThat(wheel.expire(12, expired)).isEqualTo(1);
        assertThat(expired[0]).isEqualTo(stillDueObject);
    }

    @Test
    void shouldRejectBadIntervals() {
        TimerWheel wheel = new TimerWheel("sessions", TimerWheelShape.TW_2T_1W_2048SL, 8);

        assertThatThrownBy(() -> wheel.start(1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel 'sessions' (2t_1w_2048sl): interval 0 ticks must be from 1 to 2048"
                        + " (the wheels' range; this shape has no overflow list)");
        assertThatThrownBy(() -> wheel.start(1, 0, 2049))
                .hasMessage("timer wheel 'sessions' (2t_1w_2048sl): interval 2049 ticks must be from 1 to 2048"
                        + " (the wheels' range; this shape has no overflow list)");
        TimerWheel overflow = new TimerWheel("long", TimerWheelShape.TW_1T_3W_1024SL_OV, 8);
        assertThatThrownBy(() -> overflow.start(1, 0, -5))
                .hasMessage("timer wheel 'long' (1t_3w_1024sl_ov): interval -5 ticks must be from 1 to "
                        + TimerWheelShape.MAX_OVERFLOW_INTERVAL_TICKS);
        int handle = wheel.start(1, 0, 5);
        assertThatThrownBy(() -> wheel.update(handle, 4096))
                .hasMessageContaining("interval 4096 ticks must be from 1 to 2048");
        assertThat(wheel.expiryTick(handle)).isEqualTo(5);
        assertThat(wheel.runningTimers()).isEqualTo(1);
    }

    @Test
    void shouldRejectTimerIdAndObjectIndexBeyondTheShape() {
        TimerWheel wheel = new TimerWheel("sessions", TimerWheelShape.TW_2T_1W_2048SL, 8);

        assertThatThrownBy(() -> wheel.start(1, 2, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel 2t_1w_2048sl: timer id 2 must be below the limit of 2 timers per object");
        assertThatThrownBy(() -> wheel.start(-1, 0, 5))
                .hasMessage("timer wheel 2t_1w_2048sl: object index -1 must be from 0 to 2147483647");
        assertThat(wheel.runningTimers()).isZero();
    }

    @Test
    void shouldRejectStopOfATimerThatIsNotRunning() {
        TimerWheel wheel = new TimerWheel("sessions", TimerWheelShape.TW_2T_1W_2048SL, 8);
        int handle = wheel.start(1, 0, 5);
        wheel.start(2, 0, 5);
        wheel.stop(handle);

        assertThatThrownBy(() -> wheel.stop(handle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel 'sessions': handle 0 is not a running timer (capacity 8)");
        assertThatThrownBy(() -> wheel.update(handle, 3))
                .hasMessage("timer wheel 'sessions': handle 0 is not a running timer (capacity 8)");
        assertThatThrownBy(() -> wheel.stop(8))
                .hasMessage("timer wheel 'sessions': handle 8 is not a running timer (capacity 8)");
        assertThatThrownBy(() -> wheel.stop(-1))
                .hasMessage("timer wheel 'sessions': handle -1 is not a running timer (capacity 8)");
        int[] expired = new int[4];
        assertThat(wheel.expire(5, expired)).isEqualTo(1);
        assertThatThrownBy(() -> wheel.stop(1))
                .as("an expired timer's handle is free")
                .hasMessage("timer wheel 'sessions': handle 1 is not a running timer (capacity 8)");
    }

    @Test
    void shouldRejectTimeGoingBackwardsAndAnEmptyArray() {
        TimerWheel wheel = new TimerWheel("sessions", TimerWheelShape.TW_2T_1W_2048SL, 8);
        int[] expired = new int[4];
        wheel.expire(100, expired);

        assertThatThrownBy(() -> wheel.expire(99, expired))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer wheel 'sessions': now 99 must be from the current tick 100 to " + TimerWheel.MAX_TICK);
        assertThatThrownBy(() -> wheel.expire(TimerWheel.MAX_TICK + 1, expired))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wheel.expire(101, new int[0]))
                .hasMessage("timer wheel 'sessions': the array for expired handles is empty");
        assertThat(wheel.currentTick()).isEqualTo(100);
    }

    @Test
    void shouldGrowAndKeepHandlesValid() {
        TimerWheel wheel = new TimerWheel("grow", TimerWheelShape.TW_16T_2W_512SL, 1);
        int[] handles = new int[5000];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = wheel.start(i, i % 16, 1 + i);
        }
        for (int i = 0; i < handles.length; i++) {
            assertThat(wheel.expiryTick(handles[i])).isEqualTo(1 + i);
            assertThat(wheel.userHandle(handles[i])).isEqualTo(TimerWheelShape.TW_16T_2W_512SL.userHandle(i, i % 16));
        }
        assertThat(wheel.runningTimers()).isEqualTo(5000);
    }

    /** One seeded run of random operations on a wheel, checked against a map-based model. */
    private static final class ModelRun {
        private final TimerWheelShape shape;
        private final long seed;
        private final SplittableRandom random;
        private final TimerWheel wheel;
        private final Map<Integer, Long> dueByHandle = new HashMap<>();
        private final Map<Integer, Integer> handleByUserHandle = new HashMap<>();
        private final List<Integer> running = new ArrayList<>();
        private final int[] big = new int[4096];
        private int nextObject;
        private long drainedThrough;
        private long lastReturnedDue;
        private String where;

        ModelRun(TimerWheelShape shape, long seed) {
            this.shape = shape;
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.wheel = new TimerWheel("model", shape, 1 + random.nextInt(64));
        }

        void step(int step) {
            where = "shape " + shape + ", seed " + seed + ", step " + step + ", tick " + wheel.currentTick();
            int op = random.nextInt(100);
            if (op < 40 || running.isEmpty()) {
                start();
            } else if (op < 55) {
                stop();
            } else if (op < 70) {
                update();
            } else {
                expire();
            }
            assertThat(wheel.runningTimers()).as(where).isEqualTo(running.size());
            if (!running.isEmpty()) {
                int handle = running.get(random.nextInt(running.size()));
                assertThat(wheel.isRunning(handle)).as(where).isTrue();
                assertThat(wheel.expiryTick(handle)).as(where).isEqualTo(dueByHandle.get(handle));
            }
        }

        private void start() {
            int userHandle = shape.userHandle(nextObject++, random.nextInt(shape.timersPerObject()));
            long interval = interval();
            int handle = wheel.start(shape.objectIndexOf(userHandle), shape.timerIdOf(userHandle), interval);
            assertThat(dueByHandle).as(where).doesNotContainKey(handle);
            assertThat(wheel.userHandle(handle)).as(where).isEqualTo(userHandle);
            dueByHandle.put(handle, wheel.currentTick() + interval);
            handleByUserHandle.put(userHandle, handle);
            running.add(handle);
        }

        private void stop() {
            int handle = removeRandomRunning();
            handleByUserHandle.remove(wheel.userHandle(handle));
            dueByHandle.remove(handle);
            wheel.stop(handle);
            assertThat(wheel.isRunning(handle)).as(where).isFalse();
        }

        private void update() {
            int handle = running.get(random.nextInt(running.size()));
            long interval = interval();
            wheel.update(handle, interval);
            dueByHandle.put(handle, wheel.currentTick() + interval);
        }

        private void expire() {
            long now = wheel.currentTick() + advance();
            int[] out = random.nextInt(4) == 0 ? new int[1 + random.nextInt(6)] : big;
            boolean drain = random.nextBoolean();
            int count;
            do {
                count = wheel.expire(now, out);
                check(now, out, count);
            } while (drain && count == out.length);
        }

        void drainAll() {
            long last = dueByHandle.values().stream().mapToLong(Long::longValue).max().orElse(wheel.currentTick());
            long now = Math.max(last, wheel.currentTick());
            where = "shape " + shape + ", seed " + seed + ", final drain to " + now;
            int count;
            do {
                count = wheel.expire(now, big);
                check(now, big, count);
            } while (count == big.length);
            assertThat(dueByHandle.size()).as("%s: timers never returned", where).isZero();
            assertThat(wheel.runningTimers()).as(where).isZero();
        }

        private void check(long now, int[] out, int count) {
            assertThat(wheel.currentTick()).as(where).isEqualTo(now);
            for (int i = 0; i < count; i++) {
                Integer handle = handleByUserHandle.remove(out[i]);
                assertThat(handle).as("%s: user handle %x returned but not running", where, out[i]).isNotNull();
                long due = dueByHandle.remove(handle);
                running.remove(handle);
                assertThat(due).as("%s: returned before its tick", where).isLessThanOrEqualTo(now);
                assertThat(due).as("%s: late, every timer due by %d had been returned", where, drainedThrough)
                        .isGreaterThan(drainedThrough);
                assertThat(due).as("%s: out of order", where).isGreaterThanOrEqualTo(lastReturnedDue);
                assertThat(wheel.isRunning(handle)).as(where).isFalse();
                lastReturnedDue = due;
            }
            if (count < out.length) {
                assertThat(dueByHandle.values().stream().filter(due -> due <= now).count())
                        .as("%s: timers due by %d but not returned", where, now).isZero();
                drainedThrough = now;
            }
        }

        private long interval() {
            long range = shape.rangeTicks();
            int slots = shape.slotsPerWheel();
            return switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> 1 + random.nextLong(slots);
                case 4, 5 -> 1 + random.nextLong(Math.min(range, (long) slots * slots));
                case 6, 7, 8 -> 1 + random.nextLong(range);
                default -> shape.hasOverflow() ? range + 1 + random.nextLong(4 * range) : range;
            };
        }

        private long advance() {
            long range = shape.rangeTicks();
            return switch (random.nextInt(10)) {
                case 0, 1 -> 0;
                case 2, 3, 4 -> 1 + random.nextInt(3);
                case 5, 6, 7 -> 1 + random.nextLong(shape.slotsPerWheel());
                case 8 -> 1 + random.nextLong(range / 2 + 1);
                default -> 1 + random.nextLong(shape.hasOverflow() ? 3 * range : range);
            };
        }

        private int removeRandomRunning() {
            int position = random.nextInt(running.size());
            int handle = running.get(position);
            running.set(position, running.getLast());
            running.removeLast();
            return handle;
        }
    }
}
