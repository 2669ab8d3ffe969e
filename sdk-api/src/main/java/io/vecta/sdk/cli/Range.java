package io.vecta.sdk.cli;

/**
 * A range of numbers typed as {@code first-last}, both ends included: {@code 0-3} for four
 * queues.
 *
 * @param first the lower end
 * @param last  the upper end, not below {@code first}
 */
public record Range(long first, long last) {

    /** Checks the order of the ends. */
    public Range {
        if (first > last) {
            throw new IllegalArgumentException("range " + first + "-" + last + " ends below its start");
        }
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(long value) {
        return value >= first && value <= last;
    }

    /** {@code 0-3}. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
