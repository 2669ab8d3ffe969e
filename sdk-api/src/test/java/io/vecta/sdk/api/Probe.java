package io.vecta.sdk.api;

/**
 * A message written the way generated code writes one:
 * {@code define probe { u32 context; i32 retval; string label[8]; string name[]; u8 n; u8 data[n]; };}
 */
record Probe(long context, int retval, String label, String name, ApiBytes data) implements ApiMessage {

    static final int MIN_SIZE = 4 + 4 + 8 + 4 + 1;

    static final MessageCodec<Probe> CODEC = new MessageCodec<>("probe", 0x0badcafe, Probe.class, MIN_SIZE, false) {
        @Override
        protected int bodySize(Probe message) {
            return MIN_SIZE + ApiWriter.utf8Length(message.name()) + message.data().length();
        }

        @Override
        protected void write(Probe message, ApiWriter out) {
            out.u32(message.context(), "context");
            out.i32(message.retval(), "retval");
            out.fixedString(message.label(), 8, "label");
            out.string(message.name(), "name");
            out.count(message.data().length(), 1, "n");
            out.bytes(message.data(), "data");
        }

        @Override
        protected Probe read(ApiReader in) {
            long context = in.u32("context");
            int retval = in.i32("retval");
            String label = in.fixedString(8, "label");
            String name = in.string("name");
            int n = in.count(1, 1, "n");
            ApiBytes data = in.bytes(n, "data");
            return new Probe(context, retval, label, name, data);
        }

        @Override
        protected void writeJson(Probe message, JsonOut out) {
            out.beginObject().name("context").value(message.context()).name("retval").value(message.retval())
                    .name("label").value(message.label()).name("name").value(message.name())
                    .name("n").value(message.data().length()).name("data").value(message.data()).endObject();
        }

        @Override
        protected Probe readJson(JsonIn json) {
            return new Probe(json.field("context").u32(), json.field("retval").i32(), json.field("label").string(),
                    json.field("name").string(), json.field("data").bytes());
        }
    };

    @Override
    public MessageCodec<Probe> codec() {
        return CODEC;
    }
}
