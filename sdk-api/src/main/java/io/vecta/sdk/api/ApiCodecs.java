package io.vecta.sdk.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codecs of a set of messages, found by class, by name or by {@code name_crc} key; what a
 * transport builds its message table from. Built once from generated modules' {@code MESSAGES}
 * lists, then read-only.
 */
public final class ApiCodecs {

    private final List<MessageCodec<?>> all;
    private final Map<Class<?>, MessageCodec<?>> byClass = new HashMap<>();
    private final Map<String, MessageCodec<?>> byName = new HashMap<>();
    private final Map<String, MessageCodec<?>> byKey = new HashMap<>();

    private ApiCodecs(List<MessageCodec<?>> all) {
        this.all = all;
        for (MessageCodec<?> codec : all) {
            byClass.put(codec.type(), codec);
            MessageCodec<?> earlier = byName.putIfAbsent(codec.name(), codec);
            if (earlier != null && earlier != codec) {
                throw new IllegalArgumentException("message '" + codec.name() + "' is defined twice: "
                        + earlier.type().getName() + " and " + codec.type().getName());
            }
            byKey.put(codec.key(), codec);
        }
    }

    /** The codecs of every list given, in the order given. */
    @SafeVarargs
    public static ApiCodecs of(Collection<? extends MessageCodec<?>>... modules) {
        return new ApiCodecs(java.util.Arrays.stream(modules).flatMap(Collection::stream)
                .<MessageCodec<?>>map(codec -> codec).toList());
    }

    /** Every codec, in the order they were given. */
    public List<MessageCodec<?>> all() {
        return all;
    }

    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> Optional<MessageCodec<T>> forClass(Class<T> type) {
        return Optional.ofNullable((MessageCodec<T>) byClass.get(type));
    }

    /** By the name in the {@code .api} file, e.g. {@code show_version}. */
    public Optional<MessageCodec<?>> forName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** By {@code name_crc}, e.g. {@code show_version_51077d14}. */
    public Optional<MessageCodec<?>> forKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
