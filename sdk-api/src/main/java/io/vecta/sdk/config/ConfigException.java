package io.vecta.sdk.config;

import java.util.Objects;

/**
 * A configuration that cannot be used, with the place that is wrong and what was expected
 * there. The message reads {@code startup.conf:12:17: buffers: buffers-per-numa expects a number
 * from 1024 to 16777216, got 'lots'}: position first, then the block, then the mistake.
 *
 * <p>Section handlers throw it for their own checks, preferably through
 * {@link ConfigBlock#error(ConfigPosition, String)}, which adds the block's path.
 */
public final class ConfigException extends RuntimeException {

    private final ConfigPosition position;
    private final String detail;

    /**
     * An error at {@code position}.
     *
     * @param position where the mistake is
     * @param detail   what is wrong and what was expected, without the position
     */
    public ConfigException(ConfigPosition position, String detail) {
        super(Objects.requireNonNull(position, "position") + ": " + Objects.requireNonNull(detail, "detail"));
        this.position = position;
        this.detail = detail;
    }

    /** Where the mistake is. */
    public ConfigPosition position() {
        return position;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
