package io.vecta.sdk.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the fields of one message in wire order (see the package description) and checks each
 * value against its field's range, so that a value that does not fit is an
 * {@link ApiCodecException} naming the field rather than silently cut bits.
 * Generated code calls it; one writer per encoded message.
 */
public final class ApiWriter {

    private final String messageName;
    private final ByteBuffer out;

    /** Writes at {@code out}'s position, big-endian whatever {@code out}'s order. */
    ApiWriter(String messageName, ByteBuffer out) {
        this.messageName = messageName;
        this.out = out.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * A writer at {@code out}'s position, for encoding a part on its own (a union's arm);
     * messages are encoded through {@link MessageCodec#encode}.
     */
    public static ApiWriter over(String messageName, ByteBuffer out) {
        return new ApiWriter(messageName, out);
    }

    int position() {
        return out.position();
    }

    public void u8(int value, String field) {
        out.put((byte) checkRange(value, 0xffL, field));
    }

    public void u16(int value, String field) {
        out.putShort((short) checkRange(value, 0xffffL, field));
    }

    public void u32(long value, String field) {
        out.putInt((int) checkRange(value, 0xffff_ffffL, field));
    }

    /** {@code value} holds the unsigned 64 bits. */
    public void u64(long value, String field) {
        out.putLong(value);
    }

    public void i8(byte value, String field) {
        out.put(value);
    }

    public void i16(short value, String field) {
        out.putShort(value);
    }

    public void i32(int value, String field) {
        out.putInt(value);
    }

    public void i64(long value, String field) {
        out.putLong(value);
    }

    /** Little-endian: VPP keeps f64 in host order on the wire. */
    public void f64(double value, String field) {
        out.putLong(Long.reverseBytes(Double.doubleToRawLongBits(value)));
    }

    public void bool(boolean value, String field) {
        out.put((byte) (value ? 1 : 0));
    }

    /** An unsigned value of {@code width} bytes (an enum's or enumflag's base type). */
    public void unsigned(long value, int width, String field) {
        long max = width == 8 ? Long.MAX_VALUE : (1L << (8 * width)) - 1;
        checkRange(value, max, field);
        putWidth(value, width);
    }

    /** A signed value of {@code width} bytes (an enum's signed base type). */
    public void signed(long value, int width, String field) {
        long min = width == 8 ? Long.MIN_VALUE : -(1L << (8 * width - 1));
        long max = width == 8 ? Long.MAX_VALUE : (1L << (8 * width - 1)) - 1;
        if (value < min || value > max) {
            throw new ApiCodecException(messageName, field, "value " + value + " is outside " + min + ".." + max);
        }
        putWidth(value, width);
    }

    private void putWidth(long value, int width) {
        switch (width) {
            case 1 -> out.put((byte) value);
            case 2 -> out.putShort((short) value);
            case 4 -> out.putInt((int) value);
            default -> out.putLong(value);
        }
    }

    /**
     * The element count of a counted array, in the integer type of its count field
     * ({@code width} 1, 2 or 4 bytes).
     */
    public void count(int size, int width, String field) {
        long max = width == 1 ? 0xffL : width == 2 ? 0xffffL : 0xffff_ffffL;
        if (size > max) {
            throw new ApiCodecException(messageName, field, "cannot hold " + size + " elements (at most " + max + ")");
        }
        switch (width) {
            case 1 -> out.put((byte) size);
            case 2 -> out.putShort((short) size);
            default -> out.putInt(size);
        }
    }

    /** {@code u8 x[N]}: exactly {@code length} bytes. */
    public void fixedBytes(ApiBytes value, int length, String field) {
        if (value.length() != length) {
            throw new ApiCodecException(messageName, field, "needs exactly " + length + " bytes, got " + value.length());
        }
        out.put(value.array());
    }

    /** {@code u8 x[count]}: the bytes only, the count was written with {@link #count}. */
    public void bytes(ApiBytes value, String field) {
        out.put(value.array());
    }

    /** {@code string x[N]}: UTF-8 text then NULs up to {@code length}; at most {@code length - 1} bytes of text. */
    public void fixedString(String value, int length, String field) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        if (text.length > length - 1) {
            throw new ApiCodecException(messageName, field,
                    "holds at most " + (length - 1) + " bytes of text, got " + text.length);
        }
        out.put(text);
        for (int i = text.length; i < length; i++) {
            out.put((byte) 0);
        }
    }

    /** {@code string x[]}: u32 byte count, then the UTF-8 bytes. */
    public void string(String value, String field) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        out.putInt(text.length);
        out.put(text);
    }

    /** {@code string x[count]}: the UTF-8 bytes only, the count was written with {@link #count}. */
    public void countedString(String value, String field) {
        out.put(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A union's bytes: exactly its size. */
    public void union(ApiBytes value, int size, String field) {
        fixedBytes(value, size, field);
    }

    /** Checks that a fixed array has its declared element count. */
    public void checkLength(int size, int length, String field) {
        if (size != length) {
            throw new ApiCodecException(messageName, field, "needs exactly " + length + " elements, got " + size);
        }
    }

    private long checkRange(long value, long max, String field) {
        if (value < 0 || value > max) {
            throw new ApiCodecException(messageName, field, "value " + value + " is outside 0.." + max);
        }
        return value;
    }

    /** The encoded UTF-8 length of {@code value}, for size computations. */
    public static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
