package io.vecta.runtime.elog;

import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.elog.EventType;
import java.util.List;
import java.util.Locale;

/**
 * Event logs as Chrome's trace event format, which ui.perfetto.dev and chrome://tracing open:
 * <pre>{@code
 * {"displayTimeUnit":"ns","traceEvents":[
 *   {"name":"thread_name","ph":"M","pid":1,"tid":0,"args":{"name":"vecta_main"}},
 *   {"name":"node error-drop: 256 vectors","ph":"B","ts":123.456,"pid":1,"tid":0},
 *   {"name":"node error-drop: returns 256 vectors","ph":"E","ts":124.001,"pid":1,"tid":0},
 *   {"name":"...","ph":"i","s":"t","ts":125.000,"pid":1,"tid":0}]}
 * }</pre>
 * A thread's track is its {@code tid}; {@link EventType.Span#BEGIN} and
 * {@link EventType.Span#END} become {@code B} and {@code E}, other events instants. Times are
 * microseconds since the runtime started, with nanosecond decimals. A span still open when the
 * ring was read is left open; an END whose BEGIN was overwritten is dropped, so every track's
 * B and E pair up as the viewers expect.
 */
public final class ChromeTrace {

    private ChromeTrace() {
    }

    /** The JSON document of {@code logs}, times relative to {@code originNanos}. */
    public static String export(List<EventLog> logs, EventCatalog catalog, long originNanos) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[");
        boolean first = true;
        for (EventLog log : logs) {
            first = separate(out, first);
            out.append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":").append(log.track())
                    .append(",\"args\":{\"name\":");
            quote(out, log.trackName());
            out.append("}}");
        }
        int maxTrack = logs.stream().mapToInt(EventLog::track).max().orElse(0);
        int[] openSpans = new int[maxTrack + 1];
        for (LoggedEvent event : EventLogText.merged(logs)) {
            EventType type = catalog.type(event.typeId());
            String phase = switch (type.span()) {
                case BEGIN -> "B";
                case END -> "E";
                case INSTANT -> "i";
            };
            if (type.span() == EventType.Span.END) {
                if (openSpans[event.track()] == 0) {
                    continue;
                }
                openSpans[event.track()]--;
            } else if (type.span() == EventType.Span.BEGIN) {
                openSpans[event.track()]++;
            }
            first = separate(out, first);
            out.append("{\"name\":");
            quote(out, type.format().format(catalog, event.data()));
            out.append(",\"ph\":\"").append(phase).append('"');
            if (type.span() == EventType.Span.INSTANT) {
                out.append(",\"s\":\"t\"");
            }
            long nanos = event.nanos() - originNanos;
            out.append(",\"ts\":").append(String.format(Locale.ROOT, "%d.%03d", nanos / 1000, Math.abs(nanos % 1000)))
                    .append(",\"pid\":1,\"tid\":").append(event.track()).append('}');
        }
        out.append("]}\n");
        return out.toString();
    }

    private static boolean separate(StringBuilder out, boolean first) {
        if (!first) {
            out.append(",\n");
        }
        return false;
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
