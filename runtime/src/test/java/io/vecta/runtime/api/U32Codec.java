package io.vecta.runtime.api;

import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.ApiReader;
import io.vecta.sdk.api.ApiWriter;
import io.vecta.sdk.api.JsonIn;
import io.vecta.sdk.api.JsonOut;
import io.vecta.sdk.api.MessageCodec;
import java.util.function.Function;

/**
 * A codec for a test message made only of u32 fields, for messages no {@code .api} file
 * generates: the fixture's thing module, or a message under a CRC the server does not have.
 */
final class U32Codec<T extends ApiMessage> extends MessageCodec<T> {

    private final String[] fields;
    private final Function<long[], T> make;
    private final Function<T, long[]> values;

    U32Codec(String name, int crc, Class<T> type, Function<long[], T> make, Function<T, long[]> values,
             String... fields) {
        super(name, crc, type, fields.length * Integer.BYTES, true);
        this.fields = fields;
        this.make = make;
        this.values = values;
    }

    @Override
    protected int bodySize(T message) {
        return fields.length * Integer.BYTES;
    }

    @Override
    protected void write(T message, ApiWriter out) {
        long[] v = values.apply(message);
        for (int i = 0; i < fields.length; i++) {
            out.u32(v[i], fields[i]);
        }
    }

    @Override
    protected T read(ApiReader in) {
        long[] v = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            v[i] = in.u32(fields[i]);
        }
        return make.apply(v);
    }

    @Override
    protected void writeJson(T message, JsonOut out) {
        long[] v = values.apply(message);
        out.beginObject();
        for (int i = 0; i < fields.length; i++) {
            out.name(fields[i]);
            out.value(v[i]);
        }
        out.endObject();
    }

    @Override
    protected T readJson(JsonIn in) {
        long[] v = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            v[i] = in.field(fields[i]).u32();
        }
        return make.apply(v);
    }

    /** {@code thing_dump}: client_index, context, count. */
    record ThingDump(long clientIndex, long context, long count) implements ApiMessage {
        static final U32Codec<ThingDump> CODEC = new U32Codec<>("thing_dump", ApiFixture.DUMP_CRC, ThingDump.class,
                v -> new ThingDump(v[0], v[1], v[2]), m -> new long[] {m.clientIndex, m.context, m.count},
                "client_index", "context", "count");

        @Override
        public MessageCodec<ThingDump> codec() {
            return CODEC;
        }
    }

    /** {@code thing_details}: context, sequence. */
    record ThingDetails(long context, long sequence) implements ApiMessage {
        static final U32Codec<ThingDetails> CODEC = new U32Codec<>("thing_details", ApiFixture.DETAILS_CRC,
                ThingDetails.class, v -> new ThingDetails(v[0], v[1]), m -> new long[] {m.context, m.sequence},
                "context", "sequence");

        @Override
        public MessageCodec<ThingDetails> codec() {
            return CODEC;
        }
    }

    /** {@code show_version} under a CRC the server does not have, as an older client would send it. */
    record OtherShowVersion(long clientIndex, long context) implements ApiMessage {
        static final U32Codec<OtherShowVersion> CODEC = new U32Codec<>("show_version", 0xdeadbeef,
                OtherShowVersion.class, v -> new OtherShowVersion(v[0], v[1]),
                m -> new long[] {m.clientIndex, m.context}, "client_index", "context");

        @Override
        public MessageCodec<OtherShowVersion> codec() {
            return CODEC;
        }
    }

    /** A message no server module defines. */
    record Absent(long clientIndex, long context) implements ApiMessage {
        static final U32Codec<Absent> CODEC = new U32Codec<>("absent_message", 0x12345678, Absent.class,
                v -> new Absent(v[0], v[1]), m -> new long[] {m.clientIndex, m.context}, "client_index", "context");

        @Override
        public MessageCodec<Absent> codec() {
            return CODEC;
        }
    }

    /** {@code silent}: a request a test server never answers. */
    record Silent(long clientIndex, long context) implements io.vecta.sdk.api.ApiMessage {
        static final int CRC = 0x66666666;
        static final U32Codec<Silent> CODEC = new U32Codec<>("silent", CRC, Silent.class,
                v -> new Silent(v[0], v[1]), m -> new long[] {m.clientIndex, m.context}, "client_index", "context");

        @Override
        public MessageCodec<Silent> codec() {
            return CODEC;
        }
    }

    /** {@code silent_reply}: registered, never sent. */
    record SilentReply(long context, long retval) implements io.vecta.sdk.api.ApiMessage {
        static final int CRC = 0x77777777;
        static final U32Codec<SilentReply> CODEC = new U32Codec<>("silent_reply", CRC, SilentReply.class,
                v -> new SilentReply(v[0], v[1]), m -> new long[] {m.context, m.retval}, "context", "retval");

        @Override
        public MessageCodec<SilentReply> codec() {
            return CODEC;
        }
    }
}
