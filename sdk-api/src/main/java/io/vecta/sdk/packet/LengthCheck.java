package io.vecta.sdk.packet;

/**
 * Whether a layer's length fields agree with each other and with the bytes present.
 *
 * @param problem what disagrees, empty when everything agrees
 */
public record LengthCheck(String problem) {

    public static final LengthCheck CORRECT = new LengthCheck("");

    static LengthCheck incorrect(String problem) {
        return new LengthCheck(problem);
    }

    public boolean isCorrect() {
        return problem.isEmpty();
    }

    /** Appended to a length in {@code show()}: nothing when correct, else {@code " (incorrect: ...)"}. */
    String suffix() {
        return isCorrect() ? "" : " (incorrect: " + problem + ")";
    }
}
