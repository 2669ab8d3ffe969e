package io.vecta.sdk.node;

/**
 * The result of a per-packet method that counts an error: the next index and the error code
 * packed into one {@code int}, so that counting costs no call and no allocation.
 *
 * <pre>
 *   31                         16 15                           0
 *  +-----------------------------+------------------------------+
 *  |  error code + 1 (0 = none)  |          next index          |
 *  +-----------------------------+------------------------------+
 * </pre>
 *
 * A plain next index is an outcome without error, so a method returns {@code NEXT_LOOKUP} or
 * {@code Outcome.withError(NEXT_DROP, Error.TTL_EXPIRED)}. The generated dispatcher counts
 * an outcome whose {@code errorSlot} is not 0 into an array indexed by the slot.
 */
public final class Outcome {

    /** Bits of the next index. */
    public static final int NEXT_MASK = 0xffff;
    /** Where the error slot starts. */
    public static final int ERROR_SHIFT = 16;
    /** Most error codes a node may have. */
    public static final int MAX_ERRORS = 0xffff;

    private Outcome() {
    }

    /** Next index {@code next}, counting error {@code error} (its ordinal is the code). */
    public static int withError(int next, Enum<?> error) {
        return withError(next, error.ordinal());
    }

    /** Next index {@code next}, counting error code {@code code}. */
    public static int withError(int next, int code) {
        return next | (code + 1) << ERROR_SHIFT;
    }

    /** The next index of an outcome. */
    public static int next(int outcome) {
        return outcome & NEXT_MASK;
    }

    /** The error slot of an outcome: 0 for none, else the error code plus one. */
    public static int errorSlot(int outcome) {
        return outcome >>> ERROR_SHIFT;
    }
}
