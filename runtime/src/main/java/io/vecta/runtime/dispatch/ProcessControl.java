package io.vecta.runtime.dispatch;

import java.util.Arrays;

/**
 * What a {@link ProcessTask} step sees and decides: the events and timeout that woke it, and
 * what it waits for next (VPP's {@code vlib_process_wait_for_event},
 * {@code vlib_process_suspend}, {@code vlib_process_get_events}). One per process, reused for
 * every step.
 *
 * <p>A step that decides nothing waits for an event.
 */
public final class ProcessControl {

    enum Wait { EVENT, TIME, EVENT_OR_TIME, DONE }

    private long[] eventTypes = new long[4];
    private long[] eventData = new long[4];
    private int eventCount;
    private boolean timedOut;
    private long nowNanos;
    Wait wait;
    long waitNanos;

    /** How many events woke this step. */
    public int eventCount() {
        return eventCount;
    }

    /** The type of event {@code i} of this step, oldest first. */
    public long eventType(int i) {
        return eventTypes[java.util.Objects.checkIndex(i, eventCount)];
    }

    /** The data word of event {@code i} of this step. */
    public long eventData(int i) {
        return eventData[java.util.Objects.checkIndex(i, eventCount)];
    }

    /** Whether this step runs because the time the process waited for has come. */
    public boolean timedOut() {
        return timedOut;
    }

    /** The {@link MainClock}'s reading when the scheduler started this step. */
    public long nowNanos() {
        return nowNanos;
    }

    /** Sleep until an event is signalled. */
    public void waitForEvent() {
        wait = Wait.EVENT;
    }

    /** Sleep for {@code nanos} (at the timer wheel's tick resolution). */
    public void suspendFor(long nanos) {
        checkNanos(nanos);
        wait = Wait.TIME;
        waitNanos = nanos;
    }

    /** Sleep until an event is signalled or {@code nanos} have passed, whichever is first. */
    public void waitForEventOrTimeout(long nanos) {
        checkNanos(nanos);
        wait = Wait.EVENT_OR_TIME;
        waitNanos = nanos;
    }

    /** The process is done and is not resumed again. */
    public void finish() {
        wait = Wait.DONE;
    }

    void begin(long now, boolean timedOut) {
        this.nowNanos = now;
        this.timedOut = timedOut;
        this.wait = Wait.EVENT;
        this.waitNanos = 0;
    }

    void addEvent(long type, long data) {
        if (eventCount == eventTypes.length) {
            eventTypes = Arrays.copyOf(eventTypes, eventCount * 2);
            eventData = Arrays.copyOf(eventData, eventCount * 2);
        }
        eventTypes[eventCount] = type;
        eventData[eventCount] = data;
        eventCount++;
    }

    void clearEvents() {
        eventCount = 0;
    }

    private static void checkNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a process cannot wait a negative time: " + nanos + " ns");
        }
    }
}
