package io.vecta.sdk.packet;

/**
 * An IPv4 address with a prefix length, as written {@code 192.0.2.1/24}. The address keeps its
 * host bits, so the one value serves both for a route ({@code 10.0.0.0/8}) and for an
 * interface address ({@code 10.0.0.1/24}); {@link #network()} clears them.
 *
 * @param address the address, wire order in an {@code int} as {@link Ip4Address} holds it
 * @param length  the prefix length, 0..32
 */
public record Ip4Prefix(int address, int length) {

    /** The longest IPv4 prefix. */
    public static final int MAX_LENGTH = 32;

    /** Checks the length. */
    public Ip4Prefix {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("IPv4 prefix length " + length + " is outside 0.." + MAX_LENGTH);
        }
    }

    /**
     * Parses {@code a.b.c.d/len}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Ip4Prefix parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid IPv4 prefix " + MacAddress.quote(text)
                    + ": expected an address, '/' and a length (like 192.0.2.0/24)");
        }
        int address = Ip4Address.parse(text.substring(0, slash));
        return new Ip4Prefix(address, PrefixLength.parse(text, slash + 1, MAX_LENGTH, "IPv4 prefix",
                "192.0.2.0/24"));
    }

    /** The mask of the prefix's length: {@code 0xffffff00} for /24. */
    public int mask() {
        return length == 0 ? 0 : -1 << (MAX_LENGTH - length);
    }

    /** The address with its host bits cleared: {@code 10.0.0.0} for {@code 10.0.0.1/8}. */
    public int network() {
        return address & mask();
    }

    /** Whether {@code other} lies in this prefix. */
    public boolean contains(int other) {
        return (other & mask()) == network();
    }

    /** {@code 192.0.2.1/24}. */
    @Override
    public String toString() {
        return Ip4Address.format(address) + "/" + length;
    }
}
