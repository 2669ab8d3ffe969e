package io.vecta.sdk.packet;

/** Reads the length after the {@code '/'} of a prefix, shared by both address families. */
final class PrefixLength {

    private PrefixLength() {
    }

    /** The decimal length in {@code text[from..)}, at most {@code max}. */
    static int parse(String text, int from, int max, String what, String example) {
        int length = 0;
        int digits = text.length() - from;
        if (digits < 1 || digits > 3) {
            throw invalid(text, what, max, example);
        }
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                throw invalid(text, what, max, example);
            }
            length = length * 10 + (c - '0');
        }
        if (length > max) {
            throw invalid(text, what, max, example);
        }
        return length;
    }

    private static IllegalArgumentException invalid(String text, String what, int max, String example) {
        return new IllegalArgumentException("invalid " + what + " " + MacAddress.quote(text)
                + ": expected a length 0.." + max + " after '/' (like " + example + ")");
    }
}
