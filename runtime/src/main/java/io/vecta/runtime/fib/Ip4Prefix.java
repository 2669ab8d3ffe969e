package io.vecta.runtime.fib;

/**
 * An IPv4 prefix, {@code address/length}, with the address in host order and its bits past
 * {@code length} cleared (as VPP masks a prefix given as {@code 10.0.0.1/24}).
 */
public record Ip4Prefix(int address, int length) implements Comparable<Ip4Prefix> {

    /** {@code 0.0.0.0/0}, the default route. */
    public static final Ip4Prefix DEFAULT = new Ip4Prefix(0, 0);

    public Ip4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("ip4 prefix: length " + length + " (0 to 32)");
        }
        address = mask(address, length);
    }

    /** Parses {@code a.b.c.d/len}, or {@code a.b.c.d} as a /32. */
    public static Ip4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ip4Prefix(parseAddress(text), 32);
        }
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ip4 prefix '" + text + "': length is not a number");
        }
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("ip4 prefix '" + text + "': length " + length + " (0 to 32)");
        }
        return new Ip4Prefix(parseAddress(text.substring(0, slash)), length);
    }

    /** Parses a dotted-quad address into a host-order int. */
    public static int parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("ip4 address '" + text + "': not four dotted numbers");
        }
        int address = 0;
        for (String part : parts) {
            int value;
            try {
                value = part.isEmpty() || part.length() > 3 ? -1 : Integer.parseInt(part);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("ip4 address '" + text + "': '" + part + "' is not 0 to 255");
            }
            address = (address << 8) | value;
        }
        return address;
    }

    /** {@code address} in dotted-quad form. */
    public static String formatAddress(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** {@code address} with its bits past {@code length} cleared. */
    public static int mask(int address, int length) {
        return length == 0 ? 0 : address & (-1 << (32 - length));
    }

    /** Whether {@code other} lies inside this prefix (a prefix contains itself). */
    public boolean contains(int other) {
        return mask(other, length) == address;
    }

    /** Whether this prefix holds all of {@code other}. */
    public boolean covers(Ip4Prefix other) {
        return other.length >= length && contains(other.address);
    }

    /** A long that names the prefix uniquely: address in the high half, length in the low. */
    public long key() {
        return ((long) address << 32) | length;
    }

    /** By address (unsigned), then by length, shortest first: the order VPP shows a table in. */
    @Override
    public int compareTo(Ip4Prefix other) {
        int byAddress = Integer.compareUnsigned(address, other.address);
        return byAddress != 0 ? byAddress : Integer.compare(length, other.length);
    }

    @Override
    public String toString() {
        return formatAddress(address) + "/" + length;
    }
}
