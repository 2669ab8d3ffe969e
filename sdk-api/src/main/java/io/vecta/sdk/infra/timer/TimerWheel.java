package io.vecta.sdk.infra.timer;

import io.vecta.sdk.infra.pool.IndexPool;

import java.util.Arrays;

/**
 * A hierarchical timer wheel in the manner of VPP's {@code tw_timer} templates: O(1) start, stop
 * and update of many timers per object, driven by ticks the caller supplies.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * TimerWheelShape shape = TimerWheelShape.TW_16T_2W_512SL;
 * TimerWheel wheel = new TimerWheel("sessions", shape, 1024);
 * int handle = wheel.start(sessionIndex, IDLE_TIMER, 300);     // keep the handle to stop it
 * ...
 * int[] expired = new int[256];                                 // caller-owned, reused
 * int n;
 * do {
 *     n = wheel.expire(nowTicks, expired);
 *     for (int i = 0; i < n; i++) {
 *         int session = shape.objectIndexOf(expired[i]);
 *         int timer = shape.timerIdOf(expired[i]);
 *         ...                                                   // forget the handle: it is free now
 *     }
 * } while (n == expired.length);
 * }</pre>
 *
 * <h2>Timing</h2>
 * The wheel's time is {@link #currentTick()}, 0 at construction and then the {@code now} of the
 * last {@link #expire} call. A timer started (or updated) with interval {@code i} while the wheel
 * is at tick {@code t} is due at tick {@code t + i}: it is returned exactly once, by the first
 * {@code expire(now)} with {@code now >= t + i} (or, if that call's array fills, by the calls that
 * follow it), and never if it is stopped or updated first.
 *
 * <p>{@code expire(now, out)} moves the wheel to {@code now}, collecting every timer due by then,
 * and copies up to {@code out.length} of their user handles into {@code out}, oldest due tick
 * first. It returns how many it copied. When that is {@code out.length} more may be waiting: they
 * stay queued, are returned first by the next call (with the same or a later {@code now}), and
 * can still be stopped or updated meanwhile. A return below {@code out.length} means every timer
 * due by {@code now} has been returned. A timer's handle is freed when its user handle is copied
 * out, and may then be reused by the next {@link #start}: drop it before starting again.
 *
 * <h2>Layout</h2>
 * Everything lives in int and long columns; there is no object per timer. Slot lists are
 * circular, doubly linked lists of link indices, whose first entries are the list heads:
 * <pre>
 *  link index:  0 .. S-1   S .. 2S-1   2S .. 3S-1   W*S        W*S+1       headCount + handle
 *              +----------+-----------+------------+----------+-----------+-------------------
 *              | wheel 0  | wheel 1   | wheel 2    | overflow | expired   | timers ...
 *              | slots    | slots     | slots      | list     | queue     |
 *              +----------+-----------+------------+----------+-----------+-------------------
 *
 *  links[]:         [next, prev] of link 0, [next, prev] of link 1, ...   (LINK_INTS per link)
 *  userHandles[]:   by timer handle (link index - headCount)
 *  expiryTicks[]:   by timer handle
 *  occupiedHeads:   one bit per list head, set while its list is not empty
 * </pre>
 * A link's next and previous sit side by side, so a step along a list touches one cache line.
 * Wheel 1 and 2 exist only when the shape has them (W wheels of S slots).
 * Handles come from an {@link IndexPool} owned by the wheel.
 *
 * <h2>Placement and cascading</h2>
 * A timer due at tick {@code e} goes into the innermost wheel whose slot for {@code e} will next
 * be visited at the right moment: wheel 0 slot {@code e mod S} when {@code e} is at most {@code S}
 * ticks away, else wheel {@code L}'s slot for digit {@code L} of {@code e}, visited at {@code e}
 * with its lower digits cleared. Each tick, wheels are processed outermost first: when the lower
 * digits of the tick are zero, wheel {@code L}'s current slot is emptied into the wheels inside
 * it; then wheel 0's slot for the tick is moved whole onto the expired queue. Timers beyond the
 * outermost wheel wait in the overflow list, which is re-examined each time all wheels wrap.
 * Ticks at which nothing happens are skipped through the occupancy bitmap, so a jump of any
 * length costs work in proportion to the timers it passes, not the ticks.
 *
 * <h2>Threads</h2>
 * Not thread-safe, by design: a wheel belongs to one thread (a worker's per-thread wheel, or the
 * main thread's process timers).
 */
public final class TimerWheel {

    /** The furthest tick a wheel can reach. */
    public static final long MAX_TICK = TimerWheelShape.MAX_OVERFLOW_INTERVAL_TICKS;

    private static final int WORD_SHIFT = 6;
    /** Ints per link in {@code links}: the next and previous link of a list, side by side. */
    private static final int LINK_INTS = 2;
    private static final int NEXT = 0;
    private static final int PREV = 1;
    private static final int MAX_LINK_INTS = Integer.MAX_VALUE - 8;

    private final String name;
    private final TimerWheelShape shape;
    private final int wheels;
    private final int slotsPerWheel;
    private final int slotBits;
    private final long slotMask;
    private final long rangeMask;
    private final boolean overflow;
    private final long maxInterval;
    private final int overflowHead;
    private final int expiredHead;
    private final int headCount;
    private final long[] occupiedHeads;
    private final IndexPool timers;

    private int[] links;
    private int[] userHandles;
    private long[] expiryTicks;
    private long currentTick;
    /** No timer in the overflow list is due before this tick (a lower bound; stops leave it low). */
    private long overflowEarliest = Long.MAX_VALUE;

    /**
     * A wheel at tick 0 with room for {@code initialTimerCapacity} running timers; it grows when
     * more are started.
     */
    public TimerWheel(String name, TimerWheelShape shape, int initialTimerCapacity) {
        if (shape == null) {
            throw new IllegalArgumentException("timer wheel '" + name + "': shape must not be null");
        }
        this.name = name;
        this.shape = shape;
        this.wheels = shape.wheels();
        this.slotsPerWheel = shape.slotsPerWheel();
        this.slotBits = Integer.numberOfTrailingZeros(slotsPerWheel);
        this.slotMask = slotsPerWheel - 1;
        this.rangeMask = shape.rangeTicks() - 1;
        this.overflow = shape.hasOverflow();
        this.maxInterval = shape.maxIntervalTicks();
        this.overflowHead = wheels * slotsPerWheel;
        this.expiredHead = overflowHead + 1;
        this.headCount = expiredHead + 1;
        this.occupiedHeads = new long[(headCount + 63) >>> WORD_SHIFT];
        if ((long) (headCount + initialTimerCapacity) * LINK_INTS > MAX_LINK_INTS) {
            throw new IllegalArgumentException("timer wheel '" + name + "': initial capacity " + initialTimerCapacity
                    + " is beyond the limit of " + (MAX_LINK_INTS / LINK_INTS - headCount) + " timers");
        }
        this.timers = IndexPool.growable("timer wheel " + name, initialTimerCapacity);
        int capacity = timers.capacity();
        this.links = new int[(headCount + capacity) * LINK_INTS];
        this.userHandles = new int[capacity];
        this.expiryTicks = new long[capacity];
        for (int head = 0; head < headCount; head++) {
            setNext(head, head);
            setPrev(head, head);
        }
    }

    /**
     * Starts a timer due {@code intervalTicks} from {@link #currentTick()}.
     *
     * @param objectIndex the user's object (session, flow), packed into the user handle
     * @param timerId which of the object's timers, below {@link TimerWheelShape#timersPerObject()}
     * @param intervalTicks at least 1, at most {@link TimerWheelShape#maxIntervalTicks()}
     * @return the timer's handle, for {@link #stop} and {@link #update}
     * @throws IllegalArgumentException naming the limit when an argument is beyond it
     */
    public int start(int objectIndex, int timerId, long intervalTicks) {
        int userHandle = shape.userHandle(objectIndex, timerId);
        checkInterval(intervalTicks);
        int handle = timers.get();
        if (handle >= userHandles.length) {
            growColumns(handle);
        }
        userHandles[handle] = userHandle;
        schedule(handle, currentTick + intervalTicks);
        return handle;
    }

    /**
     * Stops a running timer; it will not be returned by {@link #expire}, even if it was already
     * due and waiting to be returned. Its handle is free afterwards.
     *
     * @throws IllegalArgumentException when the handle is not a running timer
     */
    public void stop(int handle) {
        requireRunning(handle);
        unlink(headCount + handle);
        timers.put(handle);
    }

    /**
     * Restarts a running timer to be due {@code intervalTicks} from {@link #currentTick()},
     * keeping its handle and user handle.
     *
     * @throws IllegalArgumentException when the handle is not a running timer or the interval is
     *     beyond the limit
     */
    public void update(int handle, long intervalTicks) {
        requireRunning(handle);
        checkInterval(intervalTicks);
        unlink(headCount + handle);
        schedule(handle, currentTick + intervalTicks);
    }

    /**
     * Moves the wheel to {@code nowTicks} and copies the user handles of due timers into
     * {@code expiredUserHandles}; see the class comment for the batch contract.
     *
     * @return how many user handles were copied; {@code expiredUserHandles.length} means call again
     * @throws IllegalArgumentException when {@code nowTicks} is before {@link #currentTick()} or
     *     beyond {@link #MAX_TICK}, or the array is empty
     */
    public int expire(long nowTicks, int[] expiredUserHandles) {
        if (nowTicks < currentTick || nowTicks > MAX_TICK) {
            throw new IllegalArgumentException("timer wheel '" + name + "': now " + nowTicks
                    + " must be from the current tick " + currentTick + " to " + MAX_TICK);
        }
        if (expiredUserHandles.length == 0) {
            throw new IllegalArgumentException("timer wheel '" + name + "': the array for expired handles is empty");
        }
        if (nowTicks > currentTick) {
            advanceTo(nowTicks);
        }
        return drainExpired(expiredUserHandles);
    }

    /** Whether {@code handle} is a timer that is running (started, not stopped, not yet returned). */
    public boolean isRunning(int handle) {
        return timers.isLive(handle);
    }

    /**
     * The tick a running timer is due at.
     *
     * @throws IllegalArgumentException when the handle is not a running timer
     */
    public long expiryTick(int handle) {
        requireRunning(handle);
        return expiryTicks[handle];
    }

    /**
     * The user handle a running timer was started with.
     *
     * @throws IllegalArgumentException when the handle is not a running timer
     */
    public int userHandle(int handle) {
        requireRunning(handle);
        return userHandles[handle];
    }

    /** The wheel's time: the {@code now} of the last {@link #expire} call, 0 before the first. */
    public long currentTick() {
        return currentTick;
    }

    /** How many timers are running, including those due but not yet returned. */
    public int runningTimers() {
        return timers.size();
    }

    public TimerWheelShape shape() {
        return shape;
    }

    public String name() {
        return name;
    }

    private void checkInterval(long intervalTicks) {
        if (intervalTicks < 1 || intervalTicks > maxInterval) {
            throw new IllegalArgumentException("timer wheel '" + name + "' (" + shape.name() + "): interval "
                    + intervalTicks + " ticks must be from 1 to " + maxInterval
                    + (overflow ? "" : " (the wheels' range; this shape has no overflow list)"));
        }
    }

    private void requireRunning(int handle) {
        if (!timers.isLive(handle)) {
            throw new IllegalArgumentException("timer wheel '" + name + "': handle " + handle
                    + " is not a running timer (capacity " + timers.capacity() + ")");
        }
    }

    private void schedule(int handle, long expiry) {
        expiryTicks[handle] = expiry;
        place(headCount + handle, expiry, currentTick);
    }

    /** Puts a timer into the list where it will be found exactly when tick {@code expiry} is processed. */
    private void place(int link, long expiry, long processedTick) {
        int head = headFor(expiry, processedTick);
        if (head == overflowHead && expiry < overflowEarliest) {
            overflowEarliest = expiry;
        }
        insert(head, link);
    }

    /**
     * The innermost list whose next visit after {@code processedTick} is the right one for a timer
     * due at {@code expiry}: wheel 0's slot is visited every S ticks, wheel L's slot every S^(L+1)
     * ticks, at the tick whose lower L digits are zero.
     */
    private int headFor(long expiry, long processedTick) {
        if (expiry - processedTick <= slotsPerWheel) {
            return (int) (expiry & slotMask);
        }
        for (int level = 1; level < wheels; level++) {
            int shift = level * slotBits;
            long visit = (expiry >>> shift) << shift;
            if (visit - processedTick <= 1L << (shift + slotBits)) {
                return level * slotsPerWheel + (int) ((expiry >>> shift) & slotMask);
            }
        }
        return overflowHead;
    }

    private void advanceTo(long nowTicks) {
        long tick = currentTick;
        if (nowTicks == tick + 1) {
            // driven once per tick, the usual case: visiting the one tick is cheaper than searching
            processTick(nowTicks);
            currentTick = nowTicks;
            return;
        }
        while (tick < nowTicks) {
            long event = nextEventTick(tick, nowTicks);
            if (event > nowTicks) {
                break;
            }
            processTick(event);
            tick = event;
        }
        currentTick = nowTicks;
    }

    /**
     * The first tick after {@code tick} at which a non-empty list is visited, if it is at most
     * {@code limit} (which must be after {@code tick}); otherwise some tick after {@code limit}.
     */
    private long nextEventTick(long tick, long limit) {
        long earliest = Long.MAX_VALUE;
        int distance = nextOccupiedSlot(0, (int) ((tick + 1) & slotMask), (int) Math.min(limit - tick - 1, slotMask));
        if (distance >= 0) {
            earliest = tick + 1 + distance;
        }
        for (int level = 1; level < wheels; level++) {
            int shift = level * slotBits;
            long boundary = ((tick >>> shift) + 1) << shift;
            if (boundary > limit || boundary >= earliest) {
                break;
            }
            long reach = Math.min(limit, earliest - 1);
            int maxSlots = (int) Math.min((reach - boundary) >>> shift, slotMask);
            distance = nextOccupiedSlot(level, (int) ((boundary >>> shift) & slotMask), maxSlots);
            if (distance >= 0) {
                earliest = boundary + ((long) distance << shift);
            }
        }
        if (overflow && isOccupied(overflowHead)) {
            // the earliest overflow timer fits the wheels at the last full wrap at or before it
            long wrap = Math.max(((tick | rangeMask) + 1), overflowEarliest & ~rangeMask);
            earliest = Math.min(earliest, wrap);
        }
        return earliest;
    }

    private void processTick(long tick) {
        long processedTick = tick - 1;
        if (overflow && (tick & rangeMask) == 0 && isOccupied(overflowHead)) {
            overflowEarliest = Long.MAX_VALUE;
            redistribute(overflowHead, processedTick);
        }
        for (int level = wheels - 1; level >= 1; level--) {
            int shift = level * slotBits;
            if ((tick & ((1L << shift) - 1)) == 0) {
                int head = level * slotsPerWheel + (int) ((tick >>> shift) & slotMask);
                if (isOccupied(head)) {
                    redistribute(head, processedTick);
                }
            }
        }
        int due = (int) (tick & slotMask);
        if (isOccupied(due)) {
            appendAll(due, expiredHead);
        }
    }

    /** Empties a list and places each of its timers again, as seen from {@code processedTick}. */
    private void redistribute(int head, long processedTick) {
        int link = next(head);
        setNext(head, head);
        setPrev(head, head);
        clearOccupied(head);
        while (link != head) {
            int following = next(link);
            place(link, expiryTicks[link - headCount], processedTick);
            link = following;
        }
    }

    private int drainExpired(int[] out) {
        int count = 0;
        int link = next(expiredHead);
        while (link != expiredHead && count < out.length) {
            int handle = link - headCount;
            out[count++] = userHandles[handle];
            link = next(link);
            timers.put(handle);
        }
        setNext(expiredHead, link);
        setPrev(link, expiredHead);
        return count;
    }

    private void insert(int head, int link) {
        int first = next(head);
        setNext(link, first);
        setPrev(link, head);
        setPrev(first, link);
        setNext(head, link);
        occupiedHeads[head >>> WORD_SHIFT] |= 1L << head;
    }

    private void unlink(int link) {
        int before = prev(link);
        int after = next(link);
        setNext(before, after);
        setPrev(after, before);
        if (before == after) {
            // only a list's single timer has the head on both sides: the list is empty now
            clearOccupied(before);
        }
    }

    /** Moves a whole list to the tail of another, in O(1). */
    private void appendAll(int fromHead, int toHead) {
        int first = next(fromHead);
        int last = prev(fromHead);
        int tail = prev(toHead);
        setNext(tail, first);
        setPrev(first, tail);
        setNext(last, toHead);
        setPrev(toHead, last);
        setNext(fromHead, fromHead);
        setPrev(fromHead, fromHead);
        clearOccupied(fromHead);
    }

    private int next(int link) {
        return links[link * LINK_INTS + NEXT];
    }

    private int prev(int link) {
        return links[link * LINK_INTS + PREV];
    }

    private void setNext(int link, int to) {
        links[link * LINK_INTS + NEXT] = to;
    }

    private void setPrev(int link, int to) {
        links[link * LINK_INTS + PREV] = to;
    }

    private boolean isOccupied(int head) {
        return (occupiedHeads[head >>> WORD_SHIFT] & (1L << head)) != 0;
    }

    private void clearOccupied(int head) {
        occupiedHeads[head >>> WORD_SHIFT] &= ~(1L << head);
    }

    /**
     * How many slots past {@code fromSlot} (wrapping around) the first non-empty slot of a wheel is,
     * looking no further than {@code maxDistance} slots; -1 when there is none that near.
     */
    private int nextOccupiedSlot(int level, int fromSlot, int maxDistance) {
        int base = level * slotsPerWheel;
        int untilWrap = Math.min(maxDistance, slotsPerWheel - 1 - fromSlot);
        int bit = nextOccupiedHead(base + fromSlot, base + fromSlot + untilWrap);
        if (bit >= 0) {
            return bit - base - fromSlot;
        }
        if (maxDistance > untilWrap) {
            bit = nextOccupiedHead(base, base + maxDistance - untilWrap - 1);
            if (bit >= 0) {
                return bit - base + slotsPerWheel - fromSlot;
            }
        }
        return -1;
    }

    private int nextOccupiedHead(int from, int toInclusive) {
        int wordIndex = from >>> WORD_SHIFT;
        int lastWord = toInclusive >>> WORD_SHIFT;
        long word = occupiedHeads[wordIndex] & (-1L << from);
        while (word == 0) {
            if (++wordIndex > lastWord) {
                return -1;
            }
            word = occupiedHeads[wordIndex];
        }
        int head = (wordIndex << WORD_SHIFT) + Long.numberOfTrailingZeros(word);
        return head <= toInclusive ? head : -1;
    }

    private void growColumns(int takenHandle) {
        int capacity = timers.capacity();
        if ((long) (headCount + capacity) * LINK_INTS > MAX_LINK_INTS) {
            timers.put(takenHandle);
            throw new IllegalStateException("timer wheel '" + name + "' is full: " + timers.size()
                    + " timers running, the limit of its link array");
        }
        userHandles = Arrays.copyOf(userHandles, capacity);
        expiryTicks = Arrays.copyOf(expiryTicks, capacity);
        links = Arrays.copyOf(links, (headCount + capacity) * LINK_INTS);
    }

    @Override
    public String toString() {
        return "timer wheel '" + name + "' (" + shape.name() + ", tick " + currentTick + ", "
                + timers.size() + " running)";
    }
}
