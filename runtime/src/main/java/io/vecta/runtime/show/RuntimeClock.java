package io.vecta.runtime.show;

import java.time.Instant;

/**
 * The runtime's time origin: {@link System#nanoTime()} and the wall clock read together when
 * the runtime started, so that {@code show clock} can print the time since start by both and
 * how far they have drifted apart (VPP's {@code clib_time_t} and its kernel reference time).
 * Every thread reads the same {@code System.nanoTime()}, so all threads share this one clock.
 *
 * @param startNanos {@code System.nanoTime()} at start
 * @param startWall  the wall clock at start
 */
public record RuntimeClock(long startNanos, Instant startWall) {

    /** The clock of a runtime that starts now. */
    public static RuntimeClock start() {
        return new RuntimeClock(System.nanoTime(), Instant.now());
    }
}
