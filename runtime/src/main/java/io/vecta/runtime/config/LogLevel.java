package io.vecta.runtime.config;

import java.util.Arrays;

/** A log level of the {@code logging { }} section, in VPP's order and words, most severe first. */
public enum LogLevel {
    /** The system is unusable. */
    EMERG("emerg"),
    /** Action must be taken now. */
    ALERT("alert"),
    /** Critical conditions. */
    CRIT("crit"),
    /** Errors. */
    ERROR("error"),
    /** Warnings. */
    WARN("warn"),
    /** Normal but significant. */
    NOTICE("notice"),
    /** Informational. */
    INFO("info"),
    /** Debugging. */
    DEBUG("debug"),
    /** Nothing is logged. */
    DISABLED("disabled");

    private final String keyword;

    LogLevel(String keyword) {
        this.keyword = keyword;
    }

    /** The configuration word, e.g. {@code warn}. */
    public String keyword() {
        return keyword;
    }

    /** Every configuration word, in order. */
    static String[] keywords() {
        return Arrays.stream(values()).map(LogLevel::keyword).toArray(String[]::new);
    }

    /** The level of a configuration word, one of {@link #keywords()}. */
    static LogLevel of(String keyword) {
        for (LogLevel level : values()) {
            if (level.keyword.equals(keyword)) {
                return level;
            }
        }
        throw new IllegalArgumentException("log level '" + keyword + "' is not one of "
                + String.join(", ", keywords()));
    }
}
