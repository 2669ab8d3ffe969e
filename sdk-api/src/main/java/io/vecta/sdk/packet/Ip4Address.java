package io.vecta.sdk.packet;

/**
 * IPv4 addresses as an {@code int} holding the four bytes in wire order, the first in bits
 * 31..24: 192.0.2.1 is {@code 0xc0000201}. Text is the dotted quad of decimal bytes.
 */
public final class Ip4Address {

    /** Bytes in an IPv4 address. */
    public static final int LENGTH = 4;

    private Ip4Address() {
    }

    /** {@code 192.0.2.1}. */
    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /**
     * Parses a dotted quad such as {@code 192.0.2.1}: four decimal numbers 0..255 without
     * leading zeros (which some parsers read as octal, so they are refused rather than guessed).
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static int parse(String text) {
        return parse(text, 0, text == null ? 0 : text.length(), text, "IPv4 address");
    }

    /**
     * Parses the dotted quad in {@code text[from..to)}; errors name {@code whole} as the input,
     * for addresses embedded in IPv6 text.
     */
    static int parse(String text, int from, int to, String whole, String what) {
        if (text == null || from >= to) {
            throw invalid(whole, what, "four bytes, got an empty string");
        }
        int address = 0;
        int part = 0;
        int at = from;
        while (true) {
            int start = at;
            int value = 0;
            while (at < to && text.charAt(at) >= '0' && text.charAt(at) <= '9' && at - start < 3) {
                value = value * 10 + (text.charAt(at) - '0');
                at++;
            }
            int digits = at - start;
            if (digits == 0 || (at < to && text.charAt(at) >= '0' && text.charAt(at) <= '9')) {
                throw invalid(whole, what, "1 to 3 decimal digits for byte " + (part + 1));
            }
            if (value > 255) {
                throw invalid(whole, what, "byte " + (part + 1) + " in 0..255, got " + value);
            }
            if (digits > 1 && text.charAt(start) == '0') {
                throw invalid(whole, what, "byte " + (part + 1) + " without leading zeros");
            }
            address = address << 8 | value;
            part++;
            if (part == 4) {
                if (at != to) {
                    throw invalid(whole, what, "exactly four bytes, found more text after the fourth");
                }
                return address;
            }
            if (at >= to) {
                throw invalid(whole, what, "four bytes, found only " + part);
            }
            if (text.charAt(at) != '.') {
                throw invalid(whole, what, "'.' after byte " + part + ", found '" + text.charAt(at) + "'");
            }
            at++;
        }
    }

    /** The four bytes in wire order. */
    public static byte[] toBytes(int address) {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** The address in {@code bytes[0..4)}, wire order. */
    public static int fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("IPv4 address needs " + LENGTH + " bytes, got " + bytes.length);
        }
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    private static IllegalArgumentException invalid(String whole, String what, String expected) {
        return new IllegalArgumentException("invalid " + what + " " + MacAddress.quote(whole) + ": expected "
                + expected + " (a dotted quad of decimal bytes like 192.0.2.1)");
    }
}
