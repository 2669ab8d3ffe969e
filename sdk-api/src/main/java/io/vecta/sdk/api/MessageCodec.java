package io.vecta.sdk.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * Encodes and decodes one message type, and names it the way VPP's clients bind it:
 * {@code name_crc}, e.g. {@code show_version_51077d14}. Generated code makes one per message
 * (the record's {@code CODEC} constant); the transport keys its message table by {@link #key()}.
 *
 * <pre>
 *   payload:  | u16 message id | body: the message's fields, see the package description |
 *             0                2                                                     2 + body
 * </pre>
 * Decoding is strict: a payload shorter or longer than the message it holds is an
 * {@link ApiCodecException} naming the field where it went wrong. No reflection is used: each
 * message's generated code reads and writes its fields one by one.
 *
 * @param <T> the generated record
 */
public abstract class MessageCodec<T extends ApiMessage> {

    /** Bytes of the message id in front of every message. */
    public static final int ID_SIZE = 2;

    private final String name;
    private final int crc;
    private final Class<T> type;
    private final int minimumBodySize;
    private final boolean fixedSize;

    /**
     * @param minimumBodySize bytes of the fields when every variable part is empty
     * @param fixedSize whether every message of this type has exactly that size
     */
    protected MessageCodec(String name, int crc, Class<T> type, int minimumBodySize, boolean fixedSize) {
        this.name = name;
        this.crc = crc;
        this.type = type;
        this.minimumBodySize = minimumBodySize;
        this.fixedSize = fixedSize;
    }

    /** The name as the {@code .api} file defines it. */
    public final String name() {
        return name;
    }

    /** The CRC VPP's generator computes for the message's layout. */
    public final int crc() {
        return crc;
    }

    /** {@code <name>_<crc as 8 lowercase hex digits>}: the key of VPP's message table. */
    public final String key() {
        return name + "_" + HexFormat.of().toHexDigits(crc);
    }

    public final Class<T> type() {
        return type;
    }

    /** Bytes of the shortest payload of this type, message id included. */
    public final int minimumPayloadSize() {
        return ID_SIZE + minimumBodySize;
    }

    /** Whether every payload of this type has {@link #minimumPayloadSize()} bytes. */
    public final boolean isFixedSize() {
        return fixedSize;
    }

    /** Bytes of {@code message}'s payload, message id included. */
    public final int payloadSize(T message) {
        return ID_SIZE + bodySize(message);
    }

    /** The payload of {@code message} with {@code messageId} in front. */
    public final byte[] encode(T message, int messageId) {
        byte[] payload = new byte[payloadSize(message)];
        encode(message, messageId, ByteBuffer.wrap(payload));
        return payload;
    }

    /**
     * Writes the payload at {@code target}'s position (big-endian, whatever its byte order) and
     * moves the position past it.
     *
     * @throws ApiCodecException if a field's value does not fit it
     * @throws java.nio.BufferOverflowException if {@code target} has less room than {@link #payloadSize}
     */
    public final void encode(T message, int messageId, ByteBuffer target) {
        if (messageId < 0 || messageId > 0xffff) {
            throw new ApiCodecException(name, "_vl_msg_id", "value " + messageId + " is outside 0..65535");
        }
        ApiWriter writer = new ApiWriter(name, target);
        writer.u16(messageId, "_vl_msg_id");
        write(message, writer);
        target.position(writer.position());
    }

    /** Decodes a whole payload, message id first (not checked: the transport dispatched on it). */
    public final T decode(byte[] payload) {
        return decode(ByteBuffer.wrap(payload));
    }

    /**
     * Decodes the payload from {@code payload}'s position to its limit, message id first; the
     * buffer's position is left as it was.
     *
     * @throws ApiCodecException if the payload is too short or too long for the message it holds,
     *     or holds a value its field cannot take
     */
    public final T decode(ByteBuffer payload) {
        ApiReader reader = new ApiReader(name, payload);
        reader.u16("_vl_msg_id");
        T message = read(reader);
        reader.expectEnd();
        return message;
    }

    /**
     * Decodes a request as VPP's server takes it: the message from {@code payload}'s position,
     * bytes after its end ignored (a client built against a newer {@code .api} may send more).
     *
     * @throws ApiCodecException if the payload is too short for the message, or holds a value its
     *     field cannot take
     */
    public final T decodeRequest(ByteBuffer payload) {
        ApiReader reader = new ApiReader(name, payload);
        reader.u16("_vl_msg_id");
        return read(reader);
    }

    /** The message as a JSON object, field names as in the {@code .api} file. */
    public final String toJson(T message) {
        JsonOut out = new JsonOut();
        writeJson(message, out);
        return out.toString();
    }

    /** Reads a JSON object of {@link #toJson}'s shape. */
    public final T fromJson(String json) {
        return readJson(JsonIn.parse(json, name));
    }

    /** Bytes of the fields, message id excluded. */
    protected abstract int bodySize(T message);

    protected abstract void write(T message, ApiWriter out);

    protected abstract T read(ApiReader in);

    protected abstract void writeJson(T message, JsonOut out);

    protected abstract T readJson(JsonIn in);

    @Override
    public final String toString() {
        return key();
    }
}
