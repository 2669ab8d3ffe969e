package io.vecta.runtime.pg;

/**
 * The value of one header field of a stream: fixed ({@code 10.0.0.1}), stepping by one per
 * packet from {@code lo} to {@code hi} and round again ({@code 10.0.0.1 - 10.0.0.9}), or drawn
 * at random in {@code [lo, hi]} for each packet ({@code 10.0.0.1 + 10.0.0.9}): VPP's
 * {@code PG_EDIT_FIXED}, {@code PG_EDIT_INCREMENT} and {@code PG_EDIT_RANDOM}.
 *
 * @param lo   the first (or only) value, unsigned in a long
 * @param hi   the last value; equal to {@code lo} when fixed
 * @param kind how packets take values
 */
public record FieldRange(long lo, long hi, Kind kind) {

    /** How the packets of a stream take the field's values. */
    public enum Kind { FIXED, INCREMENT, RANDOM }

    /** A field every packet carries with the same value. */
    public static FieldRange fixed(long value) {
        return new FieldRange(value, value, Kind.FIXED);
    }

    /** Whether packets differ in this field. */
    public boolean varies() {
        return kind != Kind.FIXED;
    }

    /** How many values the range holds. */
    public long span() {
        return hi - lo + 1;
    }
}
