package io.vecta.api.compiler.model;

import java.util.Map;

/**
 * One entry of an enum with its final value (an entry without {@code = value} is one more than
 * the entry before it, the first is 0).
 *
 * @param backwardsCompatible marked {@code [backwards_compatible]}: kept out of the CRC so that
 *     adding it did not change the messages that use the enum; such entries come last
 */
public record EnumEntry(String name, long value, boolean backwardsCompatible, Map<String, OptionValue> options,
        SourcePosition position) {

    public EnumEntry {
        options = Ordered.copy(options);
    }
}
