package io.vecta.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRouterTest {

    private static final Instant START = Instant.parse("2026-11-25T20:56:39.080Z");

    private final AtomicLong millis = new AtomicLong();
    private final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
    private final LogRouter router = new LogRouter(() -> START.plusMillis(millis.getAndAdd(1000)),
            new PrintStream(stderrBytes, true, StandardCharsets.UTF_8), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private String stderr() {
        return stderrBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepRecordsInTheRingAndAppendThemToTheFile() throws IOException {
        Path file = directory.resolve("vecta.log");
        Files.writeString(file, "earlier line\n");
        router.setLogFile(file);
        System.Logger graph = router.logger("io.vecta.runtime.graph");

        graph.log(System.Logger.Level.INFO, "Loaded plugin: {0} ({1})", "sample", "Counts IPv4 packets");
        graph.log(System.Logger.Level.WARNING, "plugin {0} is old", "acl");

        assertThat(router.entries()).containsExactly(
                new LogEntry(START, LogLevel.INFO, "runtime.graph", "Loaded plugin: sample (Counts IPv4 packets)"),
                new LogEntry(START.plusSeconds(1), LogLevel.WARN, "runtime.graph", "plugin acl is old"));
        assertThat(Files.readAllLines(file)).containsExactly(
                "earlier line",
                "2026/11/25 20:56:39:080 info       runtime.graph  Loaded plugin: sample (Counts IPv4 packets)",
                "2026/11/25 20:56:40:080 warn       runtime.graph  plugin acl is old");
        assertThat(stderr()).isEqualTo("runtime.graph [warn]: plugin acl is old" + System.lineSeparator());
    }

    @Test
    void shouldDropRecordsBelowTheDefaultLevel() {
        System.Logger buffer = router.logger("io.vecta.runtime.buffer");

        buffer.log(System.Logger.Level.DEBUG, "free list refilled");
        buffer.log(System.Logger.Level.TRACE, "one buffer");
        buffer.log(System.Logger.Level.INFO, "pools created");
        router.setDefaultLevel(LogLevel.DEBUG);
        buffer.log(System.Logger.Level.TRACE, "one more buffer");
        router.setDefaultLevel(LogLevel.NOTICE);
        buffer.log(System.Logger.Level.INFO, "hidden at notice");
        buffer.log(System.Logger.Level.ERROR, "kept at notice");

        assertThat(router.entries()).extracting(LogEntry::message)
                .containsExactly("pools created", "one more buffer", "kept at notice");
        assertThat(router.entries()).extracting(LogEntry::level)
                .containsExactly(LogLevel.INFO, LogLevel.DEBUG, LogLevel.ERROR);
        assertThat(buffer.isLoggable(System.Logger.Level.INFO)).isFalse();
        assertThat(buffer.isLoggable(System.Logger.Level.WARNING)).as("stderr still takes warnings").isTrue();
    }

    @Test
    void shouldLetTheLongestMatchingClassLevelOverrideTheDefault() {
        router.setClassLevel("runtime", LogLevel.WARN);
        router.setClassLevel("io.vecta.runtime.buffer", LogLevel.DEBUG);
        router.setClassLevel("plugin/load", LogLevel.ERROR);

        router.logger("io.vecta.runtime.buffer.cache").log(System.Logger.Level.DEBUG, "a");
        router.logger("io.vecta.runtime.graph").log(System.Logger.Level.INFO, "b");
        router.logger("io.vecta.runtime.graph").log(System.Logger.Level.WARNING, "c");
        router.logger("io.vecta.sdk").log(System.Logger.Level.INFO, "d");
        router.logger("plugin/load").log(System.Logger.Level.WARNING, "e");
        router.logger("runtimes").log(System.Logger.Level.INFO, "f");

        assertThat(router.entries()).extracting(e -> e.logClass() + ":" + e.message())
                .containsExactly("runtime.buffer.cache:a", "runtime.graph:c", "sdk:d", "runtimes:f");
        assertThat(router.levelOf("io.vecta.runtime.buffer")).isEqualTo(LogLevel.DEBUG);
        assertThat(router.levelOf("runtime.dispatch")).isEqualTo(LogLevel.WARN);
        assertThat(router.levelOf("plugin/load/jar")).isEqualTo(LogLevel.ERROR);
        assertThat(router.levelOf("java.net")).isEqualTo(LogRouter.DEFAULT_LEVEL);
    }

    @Test
    void shouldKeepOnlyTheNewestEntriesInTheRing() {
        router.setRingSize(3);
        System.Logger logger = router.logger("test");
        for (int i = 0; i < 5; i++) {
            logger.log(System.Logger.Level.INFO, "record " + i);
        }
        assertThat(router.entries()).extracting(LogEntry::message).containsExactly("record 2", "record 3", "record 4");

        router.setRingSize(2);
        assertThat(router.entries()).extracting(LogEntry::message).containsExactly("record 3", "record 4");

        router.clear();
        assertThat(router.entries()).isEmpty();
        logger.log(System.Logger.Level.INFO, "after clear");
        assertThat(router.entries()).extracting(LogEntry::message).containsExactly("after clear");
        assertThatThrownBy(() -> router.setRingSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logging size must be at least 1 entry, not 0");
    }

    @Test
    void shouldNameTheFileAndTheReasonWhenTheLogFileCannotBeOpened() throws IOException {
        Path missingDirectory = directory.resolve("no-such-directory").resolve("vecta.log");
        Path good = directory.resolve("good.log");
        router.setLogFile(good);

        assertThatThrownBy(() -> router.setLogFile(missingDirectory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("log file " + missingDirectory + " cannot be opened for appending: NoSuchFileException ("
                        + missingDirectory + ")")
                .hasCauseInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> router.setLogFile(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("log file " + directory + " cannot be opened for appending: ");

        router.logger("test").log(System.Logger.Level.INFO, "still to the earlier file");
        assertThat(Files.readString(good)).endsWith("test           still to the earlier file\n");
    }

    @Test
    void shouldWriteWarningsToStderrUnlessInteractive() {
        System.Logger logger = router.logger("io.vecta.runtime.cli");

        logger.log(System.Logger.Level.INFO, "not for stderr");
        logger.log(System.Logger.Level.ERROR, "socket lost", new IllegalStateException("peer closed"));
        router.setInteractive(true);
        logger.log(System.Logger.Level.ERROR, "quiet now");

        List<String> lines = stderr().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("runtime.cli [error]: socket lost: java.lang.IllegalStateException: peer closed");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: peer closed");
        assertThat(lines.get(2)).startsWith("\tat io.vecta.runtime.log.LogRouterTest.");
        assertThat(stderr()).doesNotContain("not for stderr").doesNotContain("quiet now");
        assertThat(router.entries()).extracting(LogEntry::message).containsExactly("not for stderr",
                "socket lost: java.lang.IllegalStateException: peer closed", "quiet now");
    }

    @Test
    void shouldTakeEveryLevelFromItsStderrThresholdToo() {
        router.setStderrLevel(LogLevel.DISABLED);
        router.setDefaultLevel(LogLevel.DISABLED);
        System.Logger logger = router.logger("x");

        logger.log(System.Logger.Level.ERROR, "nowhere");

        assertThat(logger.isLoggable(System.Logger.Level.ERROR)).isFalse();
        assertThat(router.entries()).isEmpty();
        assertThat(stderr()).isEmpty();
    }
}
