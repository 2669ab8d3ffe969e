package io.vecta.sdk.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one message in wire order (see the package description), checking before
 * every read that the payload holds the bytes it needs. A short payload, a count larger than
 * what follows, or an unknown enum value is an {@link ApiCodecException} naming the field.
 * Generated code calls it; one reader per decoded message.
 */
public final class ApiReader {

    private final String messageName;
    private final ByteBuffer in;

    /** Reads {@code in} from its position to its limit. */
    ApiReader(String messageName, ByteBuffer in) {
        this.messageName = messageName;
        this.in = in.slice().order(ByteOrder.BIG_ENDIAN);
    }

    /** A reader of {@code in} from its position to its limit, for decoding a part on its own (a union's arm). */
    public static ApiReader over(String messageName, ByteBuffer in) {
        return new ApiReader(messageName, in);
    }

    int position() {
        return in.position();
    }

    int remaining() {
        return in.remaining();
    }

    public int u8(String field) {
        need(1, field);
        return in.get() & 0xff;
    }

    public int u16(String field) {
        need(2, field);
        return in.getShort() & 0xffff;
    }

    public long u32(String field) {
        need(4, field);
        return in.getInt() & 0xffff_ffffL;
    }

    public long u64(String field) {
        need(8, field);
        return in.getLong();
    }

    public byte i8(String field) {
        need(1, field);
        return in.get();
    }

    public short i16(String field) {
        need(2, field);
        return in.getShort();
    }

    public int i32(String field) {
        need(4, field);
        return in.getInt();
    }

    public long i64(String field) {
        need(8, field);
        return in.getLong();
    }

    public double f64(String field) {
        need(8, field);
        return Double.longBitsToDouble(Long.reverseBytes(in.getLong()));
    }

    /** Any non-zero byte is true, as VPP's clients read it. */
    public boolean bool(String field) {
        need(1, field);
        return in.get() != 0;
    }

    /** An unsigned value of {@code width} bytes (an enum's or enumflag's base type). */
    public long unsigned(int width, String field) {
        return switch (width) {
            case 1 -> u8(field);
            case 2 -> u16(field);
            case 4 -> u32(field);
            default -> u64(field);
        };
    }

    /** A signed value of {@code width} bytes (an enum's signed base type). */
    public long signed(int width, String field) {
        return switch (width) {
            case 1 -> i8(field);
            case 2 -> i16(field);
            case 4 -> i32(field);
            default -> i64(field);
        };
    }

    /**
     * The count of a counted array read from its count field ({@code width} 1, 2 or 4 bytes),
     * refused when {@code minElementSize}-byte elements of that many would not fit in the rest of
     * the payload, so that a forged count cannot make the decoder allocate without bound.
     */
    public int count(int width, int minElementSize, String field) {
        long count = switch (width) {
            case 1 -> u8(field);
            case 2 -> u16(field);
            default -> u32(field);
        };
        long bytes = count * Math.max(1, minElementSize);
        if (bytes > in.remaining()) {
            throw new ApiCodecException(messageName, field, "count " + count + " needs at least " + bytes
                    + " bytes, only " + in.remaining() + " left in the payload");
        }
        return (int) count;
    }

    public ApiBytes bytes(int length, String field) {
        need(length, field);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return ApiBytes.adopt(bytes);
    }

    /** {@code string x[N]}: the text up to the first NUL. */
    public String fixedString(int length, String field) {
        need(length, field);
        byte[] bytes = new byte[length];
        in.get(bytes);
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** {@code string x[]}: u32 byte count, then the bytes. */
    public String string(String field) {
        long length = u32(field);
        if (length > in.remaining()) {
            throw new ApiCodecException(messageName, field, "length " + length + " is more than the "
                    + in.remaining() + " bytes left in the payload");
        }
        return countedString((int) length, field);
    }

    /** {@code string x[count]}: {@code length} bytes of text. */
    public String countedString(int length, String field) {
        need(length, field);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** For a value that cannot be represented, such as an enum value the enum does not list. */
    public ApiCodecException invalid(String field, String problem) {
        return new ApiCodecException(messageName, field, problem);
    }

    /** Fails when bytes are left after the last field. */
    void expectEnd() {
        if (in.hasRemaining()) {
            throw new ApiCodecException(messageName, "(end)", "message ends at offset " + in.position()
                    + " but the payload has " + in.limit() + " bytes");
        }
    }

    private void need(int bytes, String field) {
        if (in.remaining() < bytes) {
            throw new ApiCodecException(messageName, field, "needs " + bytes + " bytes at offset " + in.position()
                    + ", payload ends at " + in.limit());
        }
    }
}
