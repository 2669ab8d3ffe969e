package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.log.LogEntry;
import io.vecta.runtime.log.LogLevel;
import io.vecta.runtime.log.LogRouter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowLoggingTest {

    @Test
    void shouldPrintEachEntryInVppsLogLayout() {
        List<LogEntry> entries = List.of(
                new LogEntry(Instant.parse("2026-11-25T20:56:39.080Z"), LogLevel.NOTICE, "plugin/load",
                        "Loaded plugin: ping_plugin.so (Ping (ping))"),
                new LogEntry(Instant.parse("2026-11-25T20:56:40.361Z"), LogLevel.WARN, "runtime.buffer",
                        "falling back to non-hugepage backed buffer memory"),
                new LogEntry(Instant.parse("2026-11-25T20:56:40.665Z"), LogLevel.INFO, "runtime.graph.loader",
                        "add: pg1"));

        assertThat(ShowLogging.format(entries, ZoneOffset.UTC)).isEqualTo("""
                2026/11/25 20:56:39:080 notice     plugin/load    Loaded plugin: ping_plugin.so (Ping (ping))
                2026/11/25 20:56:40:361 warn       runtime.buffer falling back to non-hugepage backed buffer memory
                2026/11/25 20:56:40:665 info       runtime.graph.loader add: pg1
                """);
        assertThat(ShowLogging.format(entries, ZoneId.of("Europe/Paris")))
                .startsWith("2026/11/25 21:56:39:080 notice ");
    }

    @Test
    void shouldShowWhatTheRouterKeepsAndNothingAfterClearLogging() {
        LogRouter router = new LogRouter(InstantSource.fixed(Instant.parse("2026-11-25T20:56:39Z")),
                new PrintStream(OutputStream.nullOutputStream()), ZoneOffset.UTC);
        router.logger("io.vecta.runtime.cli").log(System.Logger.Level.INFO, "session {0} opened", 3);

        assertThat(ShowLogging.format(router))
                .isEqualTo("2026/11/25 20:56:39:000 info       runtime.cli    session 3 opened\n");
        router.clear();
        assertThat(ShowLogging.format(router)).isEmpty();
    }
}
