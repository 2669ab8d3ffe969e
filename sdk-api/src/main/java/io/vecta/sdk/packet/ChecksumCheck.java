package io.vecta.sdk.packet;

/**
 * A checksum field as decoded: the value the packet carries, the value it should carry, and
 * the verdict.
 *
 * @param value    the field as found in the packet
 * @param expected the value the field should hold, computed as if it were zero; equal to
 *                 {@code value} when the verdict is {@link Verdict#CORRECT}, -1 when the
 *                 checksummed bytes are not all present
 * @param verdict  what the decoder concluded
 */
public record ChecksumCheck(int value, int expected, Verdict verdict) {

    /** How a checksum field compares with the bytes it covers. */
    public enum Verdict {
        /** The covered bytes, field included, sum to 0xffff. */
        CORRECT,
        /** They do not; {@code expected} is what the field should hold. */
        INCORRECT,
        /** A UDP checksum of 0 over IPv4: the sender computed none, which is allowed. */
        ABSENT,
        /** Part of the covered bytes is missing (a truncated packet or a first fragment). */
        UNVERIFIED
    }

    static ChecksumCheck of(int value, int expected, boolean correct) {
        return new ChecksumCheck(value, correct ? value : expected, correct ? Verdict.CORRECT : Verdict.INCORRECT);
    }

    static ChecksumCheck absent() {
        return new ChecksumCheck(Udp.NO_CHECKSUM, Udp.NO_CHECKSUM, Verdict.ABSENT);
    }

    static ChecksumCheck unverified(int value) {
        return new ChecksumCheck(value, -1, Verdict.UNVERIFIED);
    }

    /** True when the field is right or legitimately absent; an unverified field is not correct. */
    public boolean isCorrect() {
        return verdict == Verdict.CORRECT || verdict == Verdict.ABSENT;
    }

    /** {@code 0x1c46 (correct)}, {@code 0x0000 (incorrect, should be 0x1c46)}, ... */
    public String describe() {
        String field = LayerText.hex16(value);
        return switch (verdict) {
            case CORRECT -> field + " (correct)";
            case INCORRECT -> field + " (incorrect, should be " + LayerText.hex16(expected) + ")";
            case ABSENT -> field + " (none)";
            case UNVERIFIED -> field + " (unverified, covered bytes missing)";
        };
    }
}
