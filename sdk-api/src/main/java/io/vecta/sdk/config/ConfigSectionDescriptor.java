package io.vecta.sdk.config;

import java.util.Objects;

/**
 * A section of startup.conf that a plugin reads: its name, one line of help, the keys it
 * accepts and the handler that takes the settings.
 *
 * <pre>{@code
 * new ConfigSectionDescriptor("sample", "counts packets by IP protocol",
 *         ConfigKeys.builder().value("table-size", "N").flag("verbose").build(),
 *         section -> tableSize = section.intValue("table-size", 1, 1 << 20).orElse(1024));
 * }</pre>
 *
 * @param section the section's name, one bare word
 * @param help    one line saying what the section configures
 * @param keys    the keys the section accepts; any other word in it is an error
 * @param handler what runs with the section
 */
public record ConfigSectionDescriptor(String section, String help, ConfigKeys keys, ConfigSectionHandler handler) {

    /** Checks every field; the section name must be one bare word. */
    public ConfigSectionDescriptor {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(handler, "handler");
        if (section.isEmpty() || section.chars().anyMatch(Character::isWhitespace) || !ConfigKeys.isBareWords(section)) {
            throw new IllegalArgumentException("config section '" + section
                    + "' is invalid: a section name is one word without blanks, braces, quotes or '#'");
        }
    }
}
