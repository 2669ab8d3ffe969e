package io.vecta.runtime.api;

import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.MessageCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The messages of one {@code .api} file, in file order, as a module registers them: the message
 * table gives the module one block of ids, and message {@code i} of the file gets
 * {@code base + i}. The block is found by {@link #rangeName()}, {@code <module>_<file crc>}.
 *
 * <p>A module generated with {@code @ApiModule} and answered by {@code @ApiHandler} methods is
 * built with {@link #fromCodecs(String, int, List, List)}; the builder states each message by
 * hand, as the transport's tests do:
 * <pre>{@code
 * ApiModule vpe = ApiModule.builder("vpe", 0x33b45969)
 *         .message(ApiMessage.request("show_version", 0x51077d14, 10, handlers::showVersion))
 *         .message(ApiMessage.sent("show_version_reply", 0xc919bde1))
 *         .build();
 * }</pre>
 *
 * @param name     the module, e.g. {@code vpe}
 * @param fileCrc  the CRC of its {@code .api} file
 * @param messages its messages in file order
 * @param apiJson  its {@code .api.json} document, if known, for {@code get_api_json}
 * @param codecs   the generated codecs of its messages, for a module {@linkplain #fromCodecs built
 *                 from them}; empty for one built by hand. What prints a saved trace's messages.
 */
public record ApiModule(String name, int fileCrc, List<ApiMessage> messages, Optional<String> apiJson,
                        List<MessageCodec<?>> codecs) {

    /** Checks the parts. */
    public ApiModule {
        Objects.requireNonNull(name, "name");
        messages = List.copyOf(messages);
        Objects.requireNonNull(apiJson, "apiJson");
        codecs = List.copyOf(codecs);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("api module '" + name + "' has no messages");
        }
    }

    /** Starts a module. */
    public static Builder builder(String name, int fileCrc) {
        return new Builder(name, fileCrc);
    }

    /**
     * A module over generated codecs, in their (file) order: {@code served(codec)} gives the
     * message the server handles, or empty for one it only sends.
     */
    public static ApiModule fromCodecs(String name, int fileCrc, List<MessageCodec<?>> codecs,
                                       Function<MessageCodec<?>, Optional<ApiMessage>> served) {
        Builder module = builder(name, fileCrc);
        for (MessageCodec<?> codec : codecs) {
            module.message(served.apply(codec).orElseGet(() -> ApiMessage.sent(codec.name(), codec.crc())));
        }
        module.codecs = List.copyOf(codecs);
        return module.build();
    }

    /**
     * A module over generated codecs, in their (file) order, whose requests are answered by
     * {@code handlers}, usually what a generated {@code <Class>_ApiHandlers.bind(instance)} gives:
     * <pre>{@code
     * ApiModule.fromCodecs(AcmeModule.NAME, AcmeModule.FILE_CRC, AcmeModule.MESSAGES,
     *         AcmeApi_ApiHandlers.bind(new AcmeApi(table)));
     * }</pre>
     * A message with a binding is served (mp-safe if the binding says so); the others are only
     * sent. Bindings of other modules' messages are left out, so one handler class may serve
     * several modules and its bindings be given to each.
     */
    public static ApiModule fromCodecs(String name, int fileCrc, List<MessageCodec<?>> codecs,
                                       List<ApiHandlerBinding> handlers) {
        Map<String, ApiHandlerBinding> byKey = new HashMap<>();
        for (ApiHandlerBinding binding : handlers) {
            ApiHandlerBinding earlier = byKey.put(binding.request().key(), binding);
            if (earlier != null) {
                throw new IllegalArgumentException("api module '" + name + "': " + binding.request().key()
                        + " is given two handlers; a message has one");
            }
        }
        return fromCodecs(name, fileCrc, codecs, codec -> Optional.ofNullable(byKey.get(codec.key())).map(binding -> {
            ApiHandler handler = binding.handler()::handle;
            ApiMessage message = ApiMessage.request(codec.name(), codec.crc(), codec.minimumPayloadSize(), handler);
            return binding.mpSafe() ? message.asMpSafe() : message;
        }));
    }

    /** The name the module's block of ids is registered under: {@code <module>_<file crc>}. */
    public String rangeName() {
        return ApiMessage.key(name, fileCrc);
    }

    /** Collects a module's messages in file order. */
    public static final class Builder {
        private final String name;
        private final int fileCrc;
        private final List<ApiMessage> messages = new ArrayList<>();
        private String apiJson;
        private List<MessageCodec<?>> codecs = List.of();

        private Builder(String name, int fileCrc) {
            this.name = Objects.requireNonNull(name, "name");
            this.fileCrc = fileCrc;
        }

        /** Adds the next message of the file. */
        public Builder message(ApiMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** The module's {@code .api.json} document. */
        public Builder apiJson(String json) {
            this.apiJson = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The module. */
        public ApiModule build() {
            return new ApiModule(name, fileCrc, messages, Optional.ofNullable(apiJson), codecs);
        }
    }
}
