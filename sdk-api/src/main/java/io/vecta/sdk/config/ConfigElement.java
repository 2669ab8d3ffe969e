package io.vecta.sdk.config;

/**
 * One piece of a block's text as the parser found it, before any key gives it a meaning: a
 * {@link ConfigWord} or a nested {@link ConfigBraces}.
 */
public sealed interface ConfigElement permits ConfigWord, ConfigBraces {

    /** Where the element starts. */
    ConfigPosition position();
}
