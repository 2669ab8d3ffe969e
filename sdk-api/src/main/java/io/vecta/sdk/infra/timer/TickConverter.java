package io.vecta.sdk.infra.timer;

/**
 * Turns readings of a nanosecond clock into the ticks a {@link TimerWheel} counts, and durations
 * into intervals. The wheel holds no clock of its own; whoever drives it reads one (for example
 * {@link System#nanoTime()} once per dispatch loop) and converts it here.
 *
 * <p>Tick 0 is the clock reading given as the origin. Durations round up, so a timer never fires
 * before its duration has passed; it may fire up to one tick late, as with any tick-based wheel.
 */
public final class TickConverter {

    private final long tickNanos;
    private final long originNanos;

    /**
     * @param tickNanos the length of one tick, at least 1 ns
     * @param originNanos the clock reading that is tick 0
     */
    public TickConverter(long tickNanos, long originNanos) {
        if (tickNanos < 1) {
            throw new IllegalArgumentException("tick length " + tickNanos + " ns must be at least 1 ns");
        }
        this.tickNanos = tickNanos;
        this.originNanos = originNanos;
    }

    /**
     * The tick a clock reading falls in: whole ticks elapsed since the origin.
     *
     * @throws IllegalArgumentException when the reading is before the origin
     */
    public long tickAt(long nanoTime) {
        long elapsed = nanoTime - originNanos;
        if (elapsed < 0) {
            throw new IllegalArgumentException("clock reading " + nanoTime + " ns is before the origin "
                    + originNanos + " ns");
        }
        return elapsed / tickNanos;
    }

    /**
     * The interval in ticks that covers a duration: rounded up, and at least 1 tick.
     *
     * @throws IllegalArgumentException when the duration is negative
     */
    public long ticksFor(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration " + durationNanos + " ns must not be negative");
        }
        return Math.max(1, Math.ceilDiv(durationNanos, tickNanos));
    }

    public long tickNanos() {
        return tickNanos;
    }

    public long originNanos() {
        return originNanos;
    }
}
