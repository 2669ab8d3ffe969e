package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.elog.EventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogCommandsTest {

    @TempDir
    Path temp;

    private RuntimeShell cli;

    @BeforeEach
    void start() {
        cli = RuntimeShell.start(temp.resolve("run"), null);
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private List<String> eventLines(String show) {
        return show.lines().skip(1).toList();
    }

    @Test
    void shouldLogNodeCallsOnlyAfterElogTraceDispatch() {
        assertThat(cli.ok("elog trace")).isEqualTo("dispatch events off\n");
        cli.send("error-drop", 1, 2);
        assertThat(cli.ok("show event-logger")).isEqualTo("0 of 0 events in 1 ring, 0 overwritten\n");

        cli.ok("elog trace dispatch");
        cli.send("error-drop", 1, 2, 3);
        String shown = cli.ok("show event-logger");

        assertThat(cli.ok("elog trace")).isEqualTo("dispatch events on\n");
        assertThat(shown.lines().findFirst()).hasValue("2 of 2 events in 1 ring, 0 overwritten");
        assertThat(eventLines(shown)).hasSize(2);
        assertThat(eventLines(shown).get(0)).matches(" *\\d+\\.\\d{9}: node error-drop: 3 vectors");
        assertThat(eventLines(shown).get(1)).matches(" *\\d+\\.\\d{9}: node error-drop: returns 3 vectors");

        cli.ok("elog trace disable");
        cli.send("error-drop", 4);
        assertThat(eventLines(cli.ok("show event-logger"))).hasSize(2);
    }

    @Test
    void shouldShowTheLastNEventsOrAll() {
        cli.ok("elog trace dispatch");
        for (int i = 1; i <= 3; i++) {
            cli.send("error-drop", new int[i]);
        }

        assertThat(eventLines(cli.ok("show event-logger 1"))).singleElement().asString()
                .endsWith("node error-drop: returns 3 vectors");
        assertThat(cli.ok("show event-logger 1").lines().findFirst()).hasValue("1 of 6 events in 1 ring, 0 overwritten");
        assertThat(eventLines(cli.ok("show event-logger all"))).hasSize(6);
    }

    @Test
    void shouldClearAndResizeEveryRing() {
        cli.ok("elog trace dispatch");
        cli.send("error-drop", 1);
        cli.ok("event-logger clear");
        assertThat(cli.ok("show event-logger")).isEqualTo("0 of 0 events in 1 ring, 0 overwritten\n");

        assertThat(cli.ok("event-logger resize 3")).isEqualTo("event ring of each thread resized to 4 events\n");
        for (int i = 0; i < 3; i++) {
            cli.send("error-drop", 7);
        }
        assertThat(cli.ok("show event-logger").lines().findFirst())
                .hasValue("4 of 4 events in 1 ring, 2 overwritten");
        assertThat(cli.runtime.mainThread().eventLog().capacity()).isEqualTo(4);
    }

    @Test
    void shouldRefuseBadCountsAndWords() {
        String range = "expected a number in 1.." + EventLog.MAX_CAPACITY;
        assertThat(cli.error("event-logger resize 0")).contains("event-logger resize: n: " + range + ", got '0'");
        assertThat(cli.error("event-logger resize " + (EventLog.MAX_CAPACITY + 1)))
                .contains("n: " + range + ", got '" + (EventLog.MAX_CAPACITY + 1) + "'");
        assertThat(cli.error("event-logger resize many")).contains("n: " + range + ", got 'many'");
        assertThat(cli.error("show event-logger -5")).contains("show event-logger: n: expected a number in 1..")
                .contains("got '-5'");
        assertThat(cli.error("elog trace dispatch now")).contains("elog trace: unknown input 'now'");
        assertThat(cli.error("elog trace api"))
                .contains("elog trace: what to trace: expected dispatch or disable, got 'api'");
        assertThat(cli.runtime.mainThread().eventLog().capacity()).isEqualTo(EventLog.DEFAULT_CAPACITY);
    }

    @Test
    void shouldSaveAChromeTraceFile() throws Exception {
        cli.ok("elog trace dispatch");
        cli.send("error-drop", 1, 2);
        Path file = temp.resolve("trace.json");

        assertThat(cli.ok("event-logger save " + file)).isEqualTo("saved 2 events to " + file + "\n");

        String json = Files.readString(file);
        assertThat(json).startsWith("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[")
                .contains("\"name\":\"node error-drop: 2 vectors\",\"ph\":\"B\"")
                .contains("\"name\":\"node error-drop: returns 2 vectors\",\"ph\":\"E\"")
                .contains("\"args\":{\"name\":\"vecta_main\"}");
    }

    @Test
    void shouldNameTheReasonWhenTheFileCannotBeWritten() {
        Path missing = temp.resolve("no-such-dir").resolve("trace.json");

        assertThat(cli.error("event-logger save " + missing))
                .contains("cannot write " + missing + ": no such directory " + missing.getParent());
        assertThat(cli.error("event-logger save " + temp)).contains("cannot write " + temp + ": Is a directory");
    }
}
