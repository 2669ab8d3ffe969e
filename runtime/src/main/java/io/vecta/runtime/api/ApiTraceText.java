package io.vecta.runtime.api;

import io.vecta.sdk.api.ApiCodecException;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

/**
 * Traced messages as text, for {@code api trace dump-file} and a verbose replay: a message
 * whose {@code name_crc} the runtime has a generated codec for is shown as the JSON of VPP's
 * Python client; any other, or one whose bytes do not decode, as hex.
 */
public final class ApiTraceText {

    private ApiTraceText() {
    }

    /**
     * A line per record: its number, time, sender, {@code name_crc} and the message. Records
     * of messages {@code table} has no codec for are shown in hex.
     */
    public static String records(List<ApiTrace.Entry> entries, MessageTable table) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            ApiTrace.Entry e = entries.get(i);
            text.append(String.format("%6d %12.6f client 0x%08x %s %s%n", i, e.nanos() / 1e9, e.clientIndex(),
                    e.key(), message(table, e.key(), ByteBuffer.wrap(e.payload()), true)));
        }
        return text.toString();
    }

    /**
     * {@code payload} (id first) of the message {@code key} as JSON, or as {@code hex ...} if
     * {@code table} has no codec for it or it does not decode. A request is read as the server
     * reads it, bytes after the message ignored; any other message must be whole.
     */
    public static String message(MessageTable table, String key, ByteBuffer payload, boolean request) {
        String hex = "hex " + HexFormat.of().formatHex(bytes(payload));
        return table.codec(key).map(codec -> {
            try {
                return json(codec, request ? codec.decodeRequest(payload.duplicate()) : codec.decode(payload.duplicate()));
            } catch (ApiCodecException e) {
                return hex + " (does not decode: " + e.getMessage() + ")";
            }
        }).orElse(hex);
    }

    @SuppressWarnings("unchecked")
    private static <T extends ApiMessage> String json(MessageCodec<T> codec, ApiMessage message) {
        return codec.toJson((T) message);
    }

    private static byte[] bytes(ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        return copy;
    }
}
