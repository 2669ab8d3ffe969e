package io.vecta.runtime.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One log record as the ring keeps it.
 *
 * @param time    when it was logged
 * @param level   its level
 * @param logClass its class: the logger's name, without {@code io.vecta.} (see {@link LogRouter#classOf})
 * @param message the message, with the exception's {@code toString()} after it if there was one
 */
public record LogEntry(Instant time, LogLevel level, String logClass, String message) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss:SSS", Locale.ROOT);

    /** Checks the fields. */
    public LogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logClass, "logClass");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The entry as a line of {@code show logging} and of the log file, in VPP's layout: time in
     * zone {@code zone} to the millisecond, level and class left-aligned in 10 and 14 columns
     * (a longer class is printed whole), message.
     * <pre>
     * 2026/11/25 20:56:39:080 notice     plugin/load    Loaded plugin: ping_plugin.so (Ping (ping))
     * </pre>
     */
    public String line(ZoneId zone) {
        return TIME.format(time.atZone(zone)) + " " + pad(level.label(), 10) + " " + pad(logClass, 14) + " " + message;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
