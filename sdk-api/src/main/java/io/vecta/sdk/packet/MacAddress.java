package io.vecta.sdk.packet;

import java.util.HexFormat;

/**
 * MAC addresses as the low 48 bits of a {@code long}, the first wire byte in bits 47..40:
 * {@code 02:fe:12:34:56:78} is {@code 0x02fe12345678L}. Text is six two-digit hex bytes
 * separated by colons, lower case when formatted, either case when parsed.
 */
public final class MacAddress {

    /** Bytes in a MAC address. */
    public static final int LENGTH = 6;

    private static final long MASK = 0xffff_ffff_ffffL;
    private static final int TEXT_LENGTH = 17;
    private static final HexFormat HEX = HexFormat.of();

    private MacAddress() {
    }

    /** {@code 02:fe:12:34:56:78}. */
    public static String format(long mac) {
        checkRange(mac);
        StringBuilder text = new StringBuilder(TEXT_LENGTH);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                text.append(':');
            }
            HEX.toHexDigits(text, (byte) (mac >>> shift));
        }
        return text.toString();
    }

    /**
     * Parses {@code 02:fe:12:34:56:78} (either case).
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static long parse(String text) {
        if (text == null || text.length() != TEXT_LENGTH) {
            throw invalid(text, "17 characters");
        }
        long mac = 0;
        for (int i = 0; i < LENGTH; i++) {
            int at = i * 3;
            if (i > 0 && text.charAt(at - 1) != ':') {
                throw invalid(text, "':' at position " + (at - 1));
            }
            int high = hexDigit(text.charAt(at));
            int low = hexDigit(text.charAt(at + 1));
            if (high < 0 || low < 0) {
                throw invalid(text, "two hex digits at position " + at);
            }
            mac = mac << 8 | high << 4 | low;
        }
        return mac;
    }

    /** The six bytes in wire order. */
    public static byte[] toBytes(long mac) {
        checkRange(mac);
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bytes[i] = (byte) (mac >>> (40 - 8 * i));
        }
        return bytes;
    }

    /** The address in {@code bytes[0..6)}, wire order. */
    public static long fromBytes(byte[] bytes) {
        checkLength(bytes);
        long mac = 0;
        for (int i = 0; i < LENGTH; i++) {
            mac = mac << 8 | (bytes[i] & 0xff);
        }
        return mac;
    }

    static byte[] checkLength(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "MAC address needs " + LENGTH + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static void checkRange(long mac) {
        if ((mac & ~MASK) != 0) {
            throw new IllegalArgumentException(
                    "MAC address 0x" + Long.toHexString(mac) + " has bits above the low 48");
        }
    }

    private static IllegalArgumentException invalid(String text, String expected) {
        return new IllegalArgumentException("invalid MAC address " + quote(text) + ": expected " + expected
                + " in the form 02:fe:12:34:56:78 (six two-digit hex bytes separated by ':')");
    }

    /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, no other scripts). */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static String quote(String text) {
        return text == null ? "null" : '"' + text + '"';
    }
}
