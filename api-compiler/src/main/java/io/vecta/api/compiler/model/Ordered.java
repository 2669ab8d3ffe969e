package io.vecta.api.compiler.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep the written order, which {@code Map.copyOf} does not. */
final class Ordered {

    private Ordered() {
    }

    static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
