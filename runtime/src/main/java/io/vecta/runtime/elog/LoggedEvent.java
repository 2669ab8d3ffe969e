package io.vecta.runtime.elog;

import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;

/**
 * One event read back from an {@link EventLog}.
 *
 * @param nanos  when it was logged, a {@link System#nanoTime()} value
 * @param typeId its {@link EventType} in the {@link EventCatalog}
 * @param track  the track (thread index) it was logged on
 * @param a      first data word
 * @param b      second data word
 */
public record LoggedEvent(long nanos, int typeId, int track, long a, long b) {

    /** The data words, in the order a format's conversions print them. */
    public long[] data() {
        return new long[] {a, b};
    }
}
