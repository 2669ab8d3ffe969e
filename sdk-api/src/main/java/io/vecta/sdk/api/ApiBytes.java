package io.vecta.sdk.api;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes: the value of a {@code u8} array field ({@code u8 mac[6]},
 * {@code u8 data[len]}) and of a union's arms. Compared by content, so records holding it
 * compare by content too. Prints, and reads from JSON, as {@code 0x} and lowercase hex digits,
 * the form VPP's own JSON conversion uses.
 */
public final class ApiBytes {

    public static final ApiBytes EMPTY = new ApiBytes(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ApiBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static ApiBytes of(byte... bytes) {
        return new ApiBytes(bytes.clone());
    }

    /** {@code length} zero bytes. */
    public static ApiBytes zeros(int length) {
        return new ApiBytes(new byte[length]);
    }

    /** Parses {@code 0x0a1b...} (the {@code 0x} is optional, an odd digit count is refused). */
    public static ApiBytes fromHex(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        return new ApiBytes(HEX.parseHex(digits));
    }

    /** Takes {@code bytes} without copying; only for arrays nobody else holds. */
    static ApiBytes adopt(byte[] bytes) {
        return new ApiBytes(bytes);
    }

    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index} as 0..255. */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    /** These bytes followed by zeros up to {@code length} (no change when already as long). */
    public ApiBytes padTo(int length) {
        return length <= bytes.length ? this : new ApiBytes(Arrays.copyOf(bytes, length));
    }

    /** The first {@code length} bytes. */
    public ApiBytes prefix(int length) {
        return length == bytes.length ? this : new ApiBytes(Arrays.copyOf(bytes, length));
    }

    /** A read-only big-endian view, for decoding a union's arm from its bytes. */
    public java.nio.ByteBuffer asBuffer() {
        return java.nio.ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    byte[] array() {
        return bytes;
    }

    public String toHex() {
        return "0x" + HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
