package io.vecta.runtime.elog;

import io.vecta.sdk.elog.EventCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code show event-logger}: one line per event, oldest first, its time in seconds
 * since the runtime started, as VPP prints them:
 * <pre>
 *   3 of 3 events in 1 ring, 0 overwritten
 *      0.000123456: node error-drop: 256 vectors
 *      0.000124001: node error-drop: returns 256 vectors
 * </pre>
 * With more than one ring, each line names the track after the time.
 */
public final class EventLogText {

    private EventLogText() {
    }

    /** Every event of {@code logs}, merged in time order. */
    public static List<LoggedEvent> merged(List<EventLog> logs) {
        List<LoggedEvent> all = new ArrayList<>();
        for (EventLog log : logs) {
            all.addAll(log.events());
        }
        all.sort(Comparator.comparingLong(LoggedEvent::nanos));
        return all;
    }

    /**
     * The last {@code limit} events of {@code logs} with times relative to {@code originNanos};
     * types and strings from {@code catalog}.
     */
    public static String show(List<EventLog> logs, EventCatalog catalog, long originNanos, int limit) {
        List<LoggedEvent> all = merged(logs);
        List<LoggedEvent> shown = all.subList(Math.max(0, all.size() - limit), all.size());
        long overwritten = logs.stream().mapToLong(EventLog::overwritten).sum();
        StringBuilder out = new StringBuilder();
        out.append(shown.size()).append(" of ").append(all.size()).append(" events in ").append(logs.size())
                .append(logs.size() == 1 ? " ring" : " rings").append(", ").append(overwritten)
                .append(" overwritten\n");
        boolean tracks = logs.size() > 1;
        for (LoggedEvent event : shown) {
            out.append(String.format(Locale.ROOT, "%14.9f: ", (event.nanos() - originNanos) / 1e9));
            if (tracks) {
                out.append(trackName(logs, event.track())).append(": ");
            }
            catalog.type(event.typeId()).format().formatTo(out, catalog, event.data());
            out.append('\n');
        }
        return out.toString();
    }

    static String trackName(List<EventLog> logs, int track) {
        for (EventLog log : logs) {
            if (log.track() == track) {
                return log.trackName();
            }
        }
        return "track " + track;
    }
}
