package io.vecta.sdk.packet;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes cut from a decoded packet (options, payload, padding), so the
 * layer records that carry one keep value semantics: two runs are equal when their bytes are.
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final HexFormat SPACED_HEX = HexFormat.ofDelimiter(" ");

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code source[from..to)}. */
    public static Bytes copyOf(byte[] source, int from, int to) {
        return from == to ? EMPTY : new Bytes(Arrays.copyOfRange(source, from, to));
    }

    /** A copy of all of {@code source}. */
    public static Bytes of(byte... source) {
        return copyOf(source, 0, source.length);
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The byte at {@code index} as an unsigned value. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    /** A new array with the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** The bytes as spaced hex: {@code 01 01 08 0a}. */
    public String toHex() {
        return SPACED_HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length + " bytes [" + toHex() + "]";
    }
}
