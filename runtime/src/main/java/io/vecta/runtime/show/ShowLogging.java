package io.vecta.runtime.show;

import io.vecta.runtime.log.LogEntry;
import io.vecta.runtime.log.LogRouter;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code show logging}: the log records the ring keeps, oldest first, in VPP's layout (see
 * {@link LogEntry#line}).
 *
 * <pre>
 * 2026/11/25 20:56:39:080 info       runtime.graph  Loaded plugin: sample (Counts IPv4 packets by protocol)
 * </pre>
 *
 * {@code clear logging} is {@link LogRouter#clear}.
 */
public final class ShowLogging {

    private ShowLogging() {
    }

    /** The text of {@code show logging} for the entries of {@code router}. */
    public static String format(LogRouter router) {
        return format(router.entries(), router.zone());
    }

    /** The text of {@code show logging} for {@code entries}, times in zone {@code zone}. */
    public static String format(List<LogEntry> entries, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        for (LogEntry entry : entries) {
            out.append(entry.line(zone)).append('\n');
        }
        return out.toString();
    }
}
