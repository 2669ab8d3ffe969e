package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigPosition;
import java.util.Objects;

/**
 * Something in the configuration that is ignored, said once at startup; never fatal.
 * Prints as {@code startup.conf:40:1: section 'dpdk' is not implemented by this runtime or any
 * loaded plugin; ignored}.
 *
 * @param position what is ignored
 * @param message  why, without the position
 */
public record ConfigWarning(ConfigPosition position, String message) {

    /** Checks both fields. */
    public ConfigWarning {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return position + ": " + message;
    }
}
