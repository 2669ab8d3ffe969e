package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBraces;
import io.vecta.sdk.config.ConfigWord;
import java.util.Objects;

/**
 * One section as written in the file, before any keys read it: its name word and its body.
 * The one-word form {@code unix interactive} has a body of that one word.
 *
 * @param name the section's name and where it stands
 * @param body what the section holds
 */
record ConfigSection(ConfigWord name, ConfigBraces body) {

    ConfigSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }
}
