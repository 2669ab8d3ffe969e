package io.vecta.runtime.elog;

import io.vecta.sdk.elog.EventLogger;
import io.vecta.sdk.elog.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's event ring (VPP's {@code elog_main_t} ring, one per thread): a fixed number of
 * events preallocated in one {@code long[]}, the oldest overwritten when it is full, and how many
 * were lost that way counted. Logging writes four longs and a counter: no allocation, no lock.
 *
 * <h2>Layout of one event: {@link #EVENT_WORDS} longs at {@code slot * EVENT_WORDS}</h2>
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |        timestamp, System.nanoTime() (64 bits)    TIME_WORD    |
 *   +---------------------------------------------------------------+
 *   |  event type id (high 32)  |  track id (low 32)  TYPE_TRACK_WORD|
 *   +---------------------------------------------------------------+
 *   |        data word a (64 bits)                     DATA_A_WORD  |
 *   +---------------------------------------------------------------+
 *   |        data word b (64 bits)                     DATA_B_WORD  |
 *   +---------------------------------------------------------------+
 * </pre>
 *
 * <h2>Threads</h2>
 * Only the owning thread logs. Every other access ({@link #events}, {@link #clear},
 * {@link #resize}) happens under the barrier: on the main thread between two turns of the
 * loops, when no dispatch thread is logging. The fields are plain; the barrier's hand-over is
 * what makes the owner's writes visible. No reader ever sees a half-written event.
 */
public final class EventLog implements EventLogger {

    /** Data words each event carries. */
    public static final int DATA_WORDS = 2;
    /** Longs per event. */
    public static final int EVENT_WORDS = 2 + DATA_WORDS;
    /** Offset of the timestamp in an event. */
    public static final int TIME_WORD = 0;
    /** Offset of the type id (high half) and track id (low half). */
    public static final int TYPE_TRACK_WORD = 1;
    /** Offset of the first data word. */
    public static final int DATA_A_WORD = 2;
    /** Offset of the second data word. */
    public static final int DATA_B_WORD = 3;

    /** Events a ring holds unless resized. */
    public static final int DEFAULT_CAPACITY = 1 << 14;
    /** The largest ring: 1M events, 32 MiB. */
    public static final int MAX_CAPACITY = 1 << 20;

    private final int track;
    private final String trackName;
    private long[] entries;
    private int mask;
    private long written;

    /** A ring for track {@code track} (a thread index) named {@code trackName}, of {@code capacity} events. */
    public EventLog(int track, String trackName, int capacity) {
        this.track = track;
        this.trackName = trackName;
        allocate(capacity);
    }

    /**
     * The capacity a ring asked for {@code requested} events gets: the next power of two.
     *
     * @throws IllegalArgumentException naming the limits if {@code requested} is below 1 or
     *                                  above {@link #MAX_CAPACITY}
     */
    public static int capacityFor(long requested) {
        if (requested < 1 || requested > MAX_CAPACITY) {
            throw new IllegalArgumentException("event log: " + requested + " events is not a ring size (1 to "
                    + MAX_CAPACITY + ")");
        }
        return requested == 1 ? 1 : Integer.highestOneBit((int) requested - 1) << 1;
    }

    private void allocate(int requested) {
        int capacity = capacityFor(requested);
        entries = new long[capacity * EVENT_WORDS];
        mask = capacity - 1;
        written = 0;
    }

    @Override
    public void log(EventType type, long a, long b) {
        log(System.nanoTime(), type.id(), a, b);
    }

    /** Logs an event of type {@code typeId} at {@code nanos}, a {@link System#nanoTime()} value. */
    public void log(long nanos, int typeId, long a, long b) {
        long[] ring = entries;
        int at = (int) (written & mask) * EVENT_WORDS;
        ring[at + TIME_WORD] = nanos;
        ring[at + TYPE_TRACK_WORD] = (long) typeId << 32 | track;
        ring[at + DATA_A_WORD] = a;
        ring[at + DATA_B_WORD] = b;
        written++;
    }

    /** The track this ring's events are on. */
    public int track() {
        return track;
    }

    /** The track's name, as trace viewers label it. */
    public String trackName() {
        return trackName;
    }

    /** Events the ring holds. */
    public int capacity() {
        return mask + 1;
    }

    /** Events logged since the last clear or resize, kept or not. */
    public long logged() {
        return written;
    }

    /** Events the ring holds now. */
    public int size() {
        return (int) Math.min(written, capacity());
    }

    /** Events lost because the ring was full when newer ones came. */
    public long overwritten() {
        return Math.max(0, written - capacity());
    }

    /** The events the ring holds, oldest first; under the barrier. */
    public List<LoggedEvent> events() {
        int size = size();
        List<LoggedEvent> events = new ArrayList<>(size);
        for (long i = written - size; i < written; i++) {
            int at = (int) (i & mask) * EVENT_WORDS;
            long typeTrack = entries[at + TYPE_TRACK_WORD];
            events.add(new LoggedEvent(entries[at + TIME_WORD], (int) (typeTrack >>> 32), (int) typeTrack,
                    entries[at + DATA_A_WORD], entries[at + DATA_B_WORD]));
        }
        return events;
    }

    /** Forgets every event and the overwritten count; under the barrier. */
    public void clear() {
        written = 0;
    }

    /**
     * Replaces the ring by an empty one of {@code capacity} events, rounded up to a power of
     * two; under the barrier.
     *
     * @throws IllegalArgumentException as {@link #capacityFor}
     */
    public void resize(int capacity) {
        allocate(capacity);
    }
}
