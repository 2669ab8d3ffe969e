package io.vecta.sdk.infra.timer;

/**
 * The shape of a {@link TimerWheel}: how many timers each user object may have, how many wheels
 * there are and how many slots each has, and whether intervals beyond the wheels' range go to an
 * overflow list. It also packs and unpacks the 32-bit user handles the wheel returns on expiry.
 *
 * <pre>
 *  user handle, for timersPerObject = 2^b:
 *
 *   31          32-b  31-b                                        0
 *  +---------------+-------------------------------------------------+
 *  |   timer id    |                  object index                   |
 *  |    b bits     |                  32 - b bits                    |
 *  +---------------+-------------------------------------------------+
 *
 *  b = 0 (1 timer per object): the handle is the object index, 0 .. 2^31 - 1
 *  b = 1 (2 timers):  object index 0 .. 2^31 - 1, timer id in bit 31
 *  b = 4 (16 timers): object index 0 .. 2^28 - 1, timer id in bits 28..31
 * </pre>
 *
 * <p>A wheel of {@code S} slots advances one slot per tick; the next wheel out advances one slot
 * each time the one inside it wraps. Without an overflow list the longest interval is the whole
 * range, {@code S^wheels} ticks; with one, any interval up to {@link #MAX_OVERFLOW_INTERVAL_TICKS}.
 * The names follow VPP's {@code tw_timer_<T>t_<W>w_<S>sl[_ov]} templates.
 */
public final class TimerWheelShape {

    /** Two timers per object, one wheel of 2048 slots: intervals of 1 to 2048 ticks. */
    public static final TimerWheelShape TW_2T_1W_2048SL = new TimerWheelShape(2, 1, 2048, false);

    /** Sixteen timers per object, two wheels of 512 slots: intervals of 1 to 262144 ticks. */
    public static final TimerWheelShape TW_16T_2W_512SL = new TimerWheelShape(16, 2, 512, false);

    /** One timer per object, three wheels of 1024 slots (2^30 ticks) and an overflow list beyond. */
    public static final TimerWheelShape TW_1T_3W_1024SL_OV = new TimerWheelShape(1, 3, 1024, true);

    /** The most timers one object may have. */
    public static final int MAX_TIMERS_PER_OBJECT = 16;

    /** The most wheels a shape may have. */
    public static final int MAX_WHEELS = 3;

    /** The most slots one wheel may have. */
    public static final int MAX_SLOTS_PER_WHEEL = 1 << 16;

    /**
     * The longest interval a wheel with an overflow list accepts, and the furthest tick a wheel
     * reaches: small enough that a tick plus an interval never overflows a long.
     */
    public static final long MAX_OVERFLOW_INTERVAL_TICKS = (1L << 62) - 1;

    private final int timersPerObject;
    private final int wheels;
    private final int slotsPerWheel;
    private final boolean overflow;
    private final int timerIdShift;
    private final int objectIndexMask;
    private final long rangeTicks;

    private TimerWheelShape(int timersPerObject, int wheels, int slotsPerWheel, boolean overflow) {
        if (timersPerObject < 1 || timersPerObject > MAX_TIMERS_PER_OBJECT || Integer.bitCount(timersPerObject) != 1) {
            throw new IllegalArgumentException("timer wheel shape: timersPerObject " + timersPerObject
                    + " must be one of 1, 2, 4, 8, 16");
        }
        if (wheels < 1 || wheels > MAX_WHEELS) {
            throw new IllegalArgumentException("timer wheel shape: wheels " + wheels + " must be from 1 to "
                    + MAX_WHEELS);
        }
        if (slotsPerWheel < 2 || slotsPerWheel > MAX_SLOTS_PER_WHEEL || Integer.bitCount(slotsPerWheel) != 1) {
            throw new IllegalArgumentException("timer wheel shape: slotsPerWheel " + slotsPerWheel
                    + " must be a power of two from 2 to " + MAX_SLOTS_PER_WHEEL);
        }
        this.timersPerObject = timersPerObject;
        this.wheels = wheels;
        this.slotsPerWheel = slotsPerWheel;
        this.overflow = overflow;
        int timerIdBits = Integer.numberOfTrailingZeros(timersPerObject);
        this.timerIdShift = Integer.SIZE - timerIdBits;
        this.objectIndexMask = timerIdBits == 0 ? Integer.MAX_VALUE : (int) ((1L << timerIdShift) - 1);
        this.rangeTicks = 1L << (wheels * Integer.numberOfTrailingZeros(slotsPerWheel));
    }

    /**
     * A shape; the named constants cover VPP's common templates.
     *
     * @throws IllegalArgumentException naming the parameter and its limit when the shape is invalid
     */
    public static TimerWheelShape of(int timersPerObject, int wheels, int slotsPerWheel, boolean overflow) {
        return new TimerWheelShape(timersPerObject, wheels, slotsPerWheel, overflow);
    }

    /**
     * Packs an object index and a timer id into a user handle.
     *
     * @throws IllegalArgumentException when either is beyond this shape's limit
     */
    public int userHandle(int objectIndex, int timerId) {
        if (objectIndex < 0 || objectIndex > objectIndexMask) {
            throw new IllegalArgumentException("timer wheel " + name() + ": object index " + objectIndex
                    + " must be from 0 to " + objectIndexMask);
        }
        if (timerId < 0 || timerId >= timersPerObject) {
            throw new IllegalArgumentException("timer wheel " + name() + ": timer id " + timerId
                    + " must be below the limit of " + timersPerObject + " timers per object");
        }
        return timerId << timerIdShift | objectIndex;
    }

    /** The object index packed in a user handle. */
    public int objectIndexOf(int userHandle) {
        return userHandle & objectIndexMask;
    }

    /** The timer id packed in a user handle. */
    public int timerIdOf(int userHandle) {
        return (userHandle >>> timerIdShift) & (timersPerObject - 1);
    }

    /** The largest object index a user handle can carry. */
    public int maxObjectIndex() {
        return objectIndexMask;
    }

    public int timersPerObject() {
        return timersPerObject;
    }

    public int wheels() {
        return wheels;
    }

    public int slotsPerWheel() {
        return slotsPerWheel;
    }

    public boolean hasOverflow() {
        return overflow;
    }

    /** The ticks the wheels cover together: {@code slotsPerWheel^wheels}. */
    public long rangeTicks() {
        return rangeTicks;
    }

    /** The longest interval a timer may have. */
    public long maxIntervalTicks() {
        return overflow ? MAX_OVERFLOW_INTERVAL_TICKS : rangeTicks;
    }

    /** VPP's template name, e.g. {@code 2t_1w_2048sl} or {@code 1t_3w_1024sl_ov}. */
    public String name() {
        return timersPerObject + "t_" + wheels + "w_" + slotsPerWheel + "sl" + (overflow ? "_ov" : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimerWheelShape shape
                && shape.timersPerObject == timersPerObject
                && shape.wheels == wheels
                && shape.slotsPerWheel == slotsPerWheel
                && shape.overflow == overflow;
    }

    @Override
    public int hashCode() {
        return ((timersPerObject * 31 + wheels) * 31 + slotsPerWheel) * 2 + (overflow ? 1 : 0);
    }

    @Override
    public String toString() {
        return name();
    }
}
