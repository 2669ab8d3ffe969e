package io.vecta.sdk.packet;

/**
 * IPv6 addresses as two {@code long}s, {@code hi} (bytes 0..7 in wire order) and {@code lo}
 * (bytes 8..15), or as a 16-byte array in wire order.
 *
 * <p>{@link #format} writes the canonical text of RFC 5952: lower-case hex without leading
 * zeros, the longest run of two or more zero groups (the first of equal runs) shortened to
 * {@code ::}, and IPv4-mapped addresses ({@code ::ffff:0:0/96}) with the IPv4 part dotted, as
 * {@code ::ffff:192.0.2.1}. {@link #parse} reads any RFC 4291 text form: full, {@code ::}
 * shortened, upper or lower case, with a dotted IPv4 tail. Zone indices ({@code %eth0}) and
 * brackets are not addresses and are refused.
 */
public final class Ip6Address {

    /** Bytes in an IPv6 address. */
    public static final int LENGTH = 16;

    private static final int GROUPS = 8;

    private Ip6Address() {
    }

    /** The RFC 5952 text of the address {@code hi:lo}. */
    public static String format(long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xffffL) {
            return "::ffff:" + Ip4Address.format((int) lo);
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (RFC 5952 4.2.2)
        for (int i = 0; i < GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < GROUPS && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** The RFC 5952 text of the address in {@code bytes[0..16)}. */
    public static String format(byte[] bytes) {
        return format(hi(bytes), lo(bytes));
    }

    /**
     * Parses IPv6 text into 16 bytes in wire order.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(text, "an address, got an empty string");
        }
        int percent = text.indexOf('%');
        if (percent >= 0) {
            throw invalid(text, "no zone index ('%' and what follows) in an address");
        }
        if (text.charAt(0) == '[') {
            throw invalid(text, "no brackets around the address");
        }
        int shortened = text.indexOf("::");
        if (shortened >= 0 && text.indexOf("::", shortened + 1) >= 0) {
            throw invalid(text, "'::' at most once");
        }
        int[] head = new int[GROUPS + 1];
        int[] tail = new int[GROUPS + 1];
        int headCount;
        int tailCount = 0;
        if (shortened < 0) {
            headCount = parseGroups(text, 0, text.length(), true, head);
            if (headCount != GROUPS) {
                throw invalid(text, "8 groups of 16 bits (or '::' for a run of zero groups), found " + headCount);
            }
        } else {
            headCount = parseGroups(text, 0, shortened, false, head);
            tailCount = parseGroups(text, shortened + 2, text.length(), true, tail);
            if (headCount + tailCount > GROUPS - 1) {
                throw invalid(text, "at most 7 groups beside '::', which stands for one or more zero groups, found "
                        + (headCount + tailCount));
            }
        }
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < headCount; i++) {
            putGroup(bytes, i, head[i]);
        }
        for (int i = 0; i < tailCount; i++) {
            putGroup(bytes, GROUPS - tailCount + i, tail[i]);
        }
        return bytes;
    }

    /** The high 64 bits (bytes 0..7) of the address in {@code bytes}. */
    public static long hi(byte[] bytes) {
        return word(checkLength(bytes), 0);
    }

    /** The low 64 bits (bytes 8..15) of the address in {@code bytes}. */
    public static long lo(byte[] bytes) {
        return word(checkLength(bytes), 8);
    }

    /** The 16 bytes of the address {@code hi:lo} in wire order. */
    public static byte[] toBytes(long hi, long lo) {
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (hi >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lo >>> (56 - 8 * i));
        }
        return bytes;
    }

    static byte[] checkLength(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("IPv6 address needs " + LENGTH + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static long word(byte[] bytes, int from) {
        long word = 0;
        for (int i = from; i < from + 8; i++) {
            word = word << 8 | (bytes[i] & 0xff);
        }
        return word;
    }

    private static void putGroup(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /**
     * Reads the colon-separated groups of {@code text[from..to)} into {@code out} and returns
     * how many; a dotted IPv4 tail (allowed only at the end of the address) counts as two.
     */
    private static int parseGroups(String text, int from, int to, boolean endsAddress, int[] out) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int start = from;
        while (true) {
            int colon = text.indexOf(':', start);
            int end = colon < 0 || colon >= to ? to : colon;
            if (end == start) {
                throw invalid(text, "a group of 1 to 4 hex digits at position " + start + ", found an empty group");
            }
            if (count == GROUPS) {
                throw invalid(text, "at most 8 groups of 16 bits");
            }
            if (end == to && endsAddress && text.indexOf('.', start) >= 0 && text.indexOf('.', start) < to) {
                if (count > GROUPS - 2) {
                    throw invalid(text, "room for the two groups of the dotted IPv4 tail");
                }
                int ip4 = Ip4Address.parse(text, start, to, text, "IPv6 address (dotted IPv4 tail)");
                out[count++] = ip4 >>> 16;
                out[count++] = ip4 & 0xffff;
                return count;
            }
            if (end - start > 4) {
                throw invalid(text, "a group of 1 to 4 hex digits at position " + start + ", found \""
                        + text.substring(start, end) + "\"");
            }
            int value = 0;
            for (int i = start; i < end; i++) {
                int digit = MacAddress.hexDigit(text.charAt(i));
                if (digit < 0) {
                    throw invalid(text, "a group of 1 to 4 hex digits at position " + start + ", found \""
                            + text.substring(start, end) + "\"");
                }
                value = value << 4 | digit;
            }
            out[count++] = value;
            if (end == to) {
                return count;
            }
            start = end + 1;
        }
    }

    private static IllegalArgumentException invalid(String text, String expected) {
        return new IllegalArgumentException("invalid IPv6 address " + MacAddress.quote(text) + ": expected "
                + expected + " (like 2001:db8::1)");
    }
}
