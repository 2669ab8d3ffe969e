package io.vecta.sdk.packet;

/**
 * An IPv6 address with a prefix length, as written {@code 2001:db8::1/64}. The address keeps
 * its host bits; {@link #networkHi()} and {@link #networkLo()} clear them.
 *
 * @param hi     bytes 0..7 of the address, as {@link Ip6Address} holds them
 * @param lo     bytes 8..15
 * @param length the prefix length, 0..128
 */
public record Ip6Prefix(long hi, long lo, int length) {

    /** The longest IPv6 prefix. */
    public static final int MAX_LENGTH = 128;

    /** Checks the length. */
    public Ip6Prefix {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("IPv6 prefix length " + length + " is outside 0.." + MAX_LENGTH);
        }
    }

    /**
     * Parses {@code address/len}, the address in any form {@link Ip6Address#parse} reads.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Ip6Prefix parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid IPv6 prefix " + MacAddress.quote(text)
                    + ": expected an address, '/' and a length (like 2001:db8::/32)");
        }
        byte[] address = Ip6Address.parse(text.substring(0, slash));
        return new Ip6Prefix(Ip6Address.hi(address), Ip6Address.lo(address),
                PrefixLength.parse(text, slash + 1, MAX_LENGTH, "IPv6 prefix", "2001:db8::/32"));
    }

    /** Bytes 0..7 of the address with the host bits cleared. */
    public long networkHi() {
        return hi & maskOf(length);
    }

    /** Bytes 8..15 of the address with the host bits cleared. */
    public long networkLo() {
        return lo & maskOf(length - Long.SIZE);
    }

    /** The 16 bytes of the address, host bits kept, in wire order. */
    public byte[] addressBytes() {
        return Ip6Address.toBytes(hi, lo);
    }

    /** {@code 2001:db8::1/64}. */
    @Override
    public String toString() {
        return Ip6Address.format(hi, lo) + "/" + length;
    }

    /** The mask of a 64-bit half that keeps its first {@code bits} bits (none below 0, all above 64). */
    private static long maskOf(int bits) {
        if (bits <= 0) {
            return 0;
        }
        return bits >= Long.SIZE ? -1L : -1L << (Long.SIZE - bits);
    }
}
