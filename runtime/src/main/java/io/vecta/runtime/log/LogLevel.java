package io.vecta.runtime.log;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * VPP's log levels, most severe first, and how {@link System.Logger.Level}s map onto them.
 *
 * <pre>
 *   VPP level   System.Logger.Level
 *   emerg       -
 *   alert       -
 *   crit        -
 *   error       ERROR
 *   warn        WARNING
 *   notice      -
 *   info        INFO
 *   debug       DEBUG, TRACE
 *   disabled    OFF
 * </pre>
 *
 * A level set for a class or as the default is a threshold: records of that level and more
 * severe pass. Java code logs through {@code System.Logger}, which has no emerg, alert, crit
 * or notice; those thresholds still work (a {@code crit} threshold lets no Java record pass,
 * {@code notice} passes errors and warnings). {@code disabled} passes nothing.
 */
public enum LogLevel {
    /** System is unusable. */
    EMERG("emerg"),
    /** Action must be taken at once. */
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
    /** As a threshold: nothing passes. */
    DISABLED("disabled");

    private final String label;

    LogLevel(String label) {
        this.label = label;
    }

    /** VPP's name of the level, as {@code show logging} prints it and the configuration names it. */
    public String label() {
        return label;
    }

    /** Whether a record of this level passes threshold {@code threshold}. */
    public boolean passes(LogLevel threshold) {
        return this != DISABLED && threshold != DISABLED && ordinal() <= threshold.ordinal();
    }

    /** The level a {@code System.Logger} record of level {@code level} has. */
    public static LogLevel of(System.Logger.Level level) {
        return switch (level) {
            case ERROR -> ERROR;
            case WARNING -> WARN;
            case INFO -> INFO;
            case DEBUG, TRACE, ALL -> DEBUG;
            case OFF -> DISABLED;
        };
    }

    /**
     * The level VPP names {@code name} ({@code err}, syslog's name, is taken for {@code error}).
     *
     * @throws IllegalArgumentException naming the levels, if {@code name} is none of them
     */
    /** Every level's name, most severe first, as startup.conf and the CLI accept them. */
    public static String[] labels() {
        return Arrays.stream(values()).map(LogLevel::label).toArray(String[]::new);
    }

    public static LogLevel parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("err")) {
            return ERROR;
        }
        for (LogLevel level : values()) {
            if (level.label.equals(lower)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown log level '" + name + "' (levels: "
                + Arrays.stream(values()).map(LogLevel::label).collect(Collectors.joining(", ")) + ")");
    }
}
