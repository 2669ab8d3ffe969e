package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.ShowVersion;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api trace replay} and {@code api trace dump-file}: a trace saved by one runtime, fed to another. */
class ApiTraceReplayTest {

    private static final ApiCodecs CORE = ApiCodecs.of(VlibModule.MESSAGES, VpeModule.MESSAGES);

    @TempDir
    Path dir;

    private final List<Running> running = new ArrayList<>();
    private Path trace;

    /** A runtime serving its socket in its own directory, its main loop on a thread. */
    private record Running(VectaRuntime runtime, Thread main, CommandRunner cli, Path socket) {
    }

    private Running start(String name, String extra) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        VectaRuntime runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(home)).parse(
                "test.conf", "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n" + extra));
        Running r = new Running(runtime, Thread.ofPlatform().start(runtime::run),
                runtime.onMainThread(runtime.newShell(false)), home.resolve("api.sock"));
        running.add(r);
        return r;
    }

    private static String ok(CommandRunner cli, String line) {
        CommandOutcome outcome = cli.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isFalse();
        return outcome.output();
    }

    private static String fails(CommandRunner cli, String line) {
        CommandOutcome outcome = cli.run(line);
        assertThat(outcome.failed()).as("%s should fail: %s", line, outcome.output()).isTrue();
        return outcome.output();
    }

    /** Records a session of real calls on a runtime that traces, and saves it. */
    @BeforeEach
    void recordASession() throws Exception {
        Running source = start("source", "api-trace { on nitems 100 }");
        try (ApiConnection api = ApiConnection.connect(source.socket(), "recorder", CORE)) {
            assertThat(api.call(new CliInband(0, 0, "create packet-generator interface pg7"), CliInbandReply.CODEC)
                    .retval()).isZero();
            assertThat(api.call(new ShowVersion(0, 0), ShowVersionReply.CODEC).retval()).isZero();
            assertThat(api.call(new CliInband(0, 0, "set interface state pg7 up"), CliInbandReply.CODEC)
                    .retval()).isZero();
        }
        trace = dir.resolve("session.trace");
        // sockclnt_create, cli_inband, show_version, cli_inband, sockclnt_delete
        assertThat(ok(source.cli(), "api trace save " + trace)).contains("5 messages written");
        stop(source);
    }

    private void stop(Running r) throws InterruptedException {
        r.runtime().stop();
        r.main().join();
        r.runtime().close();
        running.remove(r);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Running r : List.copyOf(running)) {
            stop(r);
        }
    }

    @Test
    void shouldReplayASavedSessionIntoAFreshRuntimeWithTheSameEffect() throws Exception {
        Running fresh = start("fresh", "");
        assertThat(ok(fresh.cli(), "show interface")).doesNotContain("pg7");

        String report = ok(fresh.cli(), "api trace replay " + trace);

        assertThat(report).isEqualTo("api trace replay " + trace + ": 3 of 5 messages replayed (records 0 to 4 of 5),"
                + " 2 memclnt skipped; 3 answers discarded\n");
        assertThat(ok(fresh.cli(), "show interface").lines().filter(line -> line.startsWith("pg7")))
                .singleElement().satisfies(line -> assertThat(line).contains("up"));
        assertThat(fresh.runtime().apiServer().orElseThrow().counters().messagesReceived())
                .as("a replay is not socket traffic").isZero();
    }

    @Test
    void shouldReplayOnlyTheRecordsBetweenFirstAndLastAndShowAnswersWhenVerbose() throws Exception {
        Running fresh = start("fresh", "");

        String report = ok(fresh.cli(), "api trace replay " + trace + " first 1 last 2 verbose");

        assertThat(report.lines().toList()).containsExactly(
                "record 1 cli_inband_f8377302 {\"client_index\":0,\"context\":2,"
                        + "\"cmd\":\"create packet-generator interface pg7\"}",
                "         answer cli_inband_reply_05879051 {\"context\":2,\"retval\":0,\"reply\":\"pg7\\n\"}",
                report.lines().toList().get(2),
                report.lines().toList().get(3),
                "api trace replay " + trace + ": 2 of 2 messages replayed (records 1 to 2 of 5); 2 answers shown");
        assertThat(report.lines().toList().get(2)).startsWith("record 2 show_version_51077d14 {\"client_index\":0,");
        assertThat(report.lines().toList().get(3)).startsWith("         answer show_version_reply_c919bde1 {")
                .contains("\"program\":\"vecta\"");
        assertThat(ok(fresh.cli(), "show interface").lines().filter(line -> line.startsWith("pg7")))
                .singleElement().satisfies(line -> assertThat(line).contains("down"));
        assertThat(fails(fresh.cli(), "api trace replay " + trace + " first 5")).contains("first 5 is past the 5 records");
        assertThat(fails(fresh.cli(), "api trace replay " + trace + " first 3 last 2")).contains("name no records");
    }

    @Test
    void shouldPrintASavedFileAsJsonWhereTheMessageIsKnown() throws Exception {
        Running fresh = start("fresh", "");

        List<String> lines = ok(fresh.cli(), "api trace dump-file " + trace).lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches(" +0 +\\d+\\.\\d{6} client 0x80000001 sockclnt_create_455fb9c4 \\{.*"
                + "\"name\":\"recorder\"}");
        assertThat(lines.get(1)).endsWith("cli_inband_f8377302 {\"client_index\":2147483649,\"context\":2,"
                + "\"cmd\":\"create packet-generator interface pg7\"}");
        assertThat(lines.get(4)).contains("sockclnt_delete_8ac76db6 {");
    }

    @Test
    void shouldSkipAndNameMessagesThisRuntimeDoesNotHave() throws Exception {
        Running fresh = start("fresh", "");
        List<ApiTrace.Entry> saved = ApiTraceFile.read(trace);
        Path mixed = dir.resolve("mixed.trace");
        ApiTraceFile.write(mixed, List.of(
                new ApiTrace.Entry(1, 1, "absent_message_12345678", new byte[] {0, 99, 0, 0, 0, 0, 0, 0, 0, 7}),
                new ApiTrace.Entry(2, 1, "show_version_deadbeef", new byte[] {0, 99, 0, 0, 0, 0, 0, 0, 0, 8}),
                saved.get(1)));

        String report = ok(fresh.cli(), "api trace replay " + mixed);
        String dump = ok(fresh.cli(), "api trace dump-file " + mixed);

        assertThat(report.lines().toList()).containsExactly(
                "record 0 absent_message_12345678: not in this runtime's message table; skipped",
                "record 1 show_version_deadbeef: this runtime has show_version_51077d14 (another layout); skipped",
                "api trace replay " + mixed + ": 1 of 3 messages replayed (records 0 to 2 of 3), 2 unknown skipped"
                        + " (absent_message_12345678 show_version_deadbeef); 1 answer discarded");
        assertThat(ok(fresh.cli(), "show interface")).contains("pg7");
        assertThat(dump.lines().toList().get(0)).endsWith("absent_message_12345678 hex 00630000000000000007");
    }

    @Test
    void shouldRefuseMissingTruncatedAndForeignFilesAndReplayNothingFromThem() throws Exception {
        Running fresh = start("fresh", "");
        byte[] whole = Files.readAllBytes(trace);
        Path cut = Files.write(dir.resolve("cut.trace"), Arrays.copyOf(whole, whole.length - 3));
        Path longer = Files.write(dir.resolve("longer.trace"), Arrays.copyOf(whole, whole.length + 2));
        byte[] v2 = whole.clone();
        v2[15] = '2';
        Path other = Files.write(dir.resolve("v2.trace"), v2);
        Path text = Files.writeString(dir.resolve("text.trace"), "set interface state pg7 up\n");
        Path header = Files.write(dir.resolve("header.trace"), Arrays.copyOf(whole, 18));

        assertThat(fails(fresh.cli(), "api trace replay " + dir.resolve("none.trace")))
                .isEqualTo("api trace: replay " + dir.resolve("none.trace") + ": no such file\n");
        assertThat(fails(fresh.cli(), "api trace replay " + cut)).startsWith("api trace: replay " + cut
                + ": truncated: record 4 of 5 at offset ").contains("for its 14-byte payload")
                .endsWith("; nothing was replayed\n");
        assertThat(fails(fresh.cli(), "api trace replay " + longer)).contains("2 bytes after the last of its 5 records");
        assertThat(fails(fresh.cli(), "api trace replay " + other)).contains("format version '2', this runtime reads '1'");
        assertThat(fails(fresh.cli(), "api trace replay " + text)).contains("not an api trace");
        assertThat(fails(fresh.cli(), "api trace replay " + header)).contains("truncated: 18 bytes, the header alone has 20");
        assertThat(ok(fresh.cli(), "show interface")).doesNotContain("pg7");
        // dump-file shows what it could read, then the damage
        List<String> partial = fails(fresh.cli(), "api trace dump-file " + cut).lines().toList();
        assertThat(partial).hasSize(5);
        assertThat(partial.getLast()).startsWith("api trace: dump-file " + cut + ": truncated: record 4 of 5");
    }

    @Test
    void shouldNameAHandlerThatThrowsAndGoOnWithTheRest() throws Exception {
        List<String> ran = new ArrayList<>();
        AtomicReference<ApiServer> held = new AtomicReference<>();
        ApiModule module = ApiModule.builder("boom", 0x0b00b000)
                .message(ApiMessage.request("boom_fail", 0x01010101, 10, (request, replies) -> {
                    throw new IllegalStateException("boom: nothing to blow up");
                }))
                .message(ApiMessage.request("boom_ok", 0x02020202, 10, (request, replies) -> {
                    ran.add("ok " + request.getInt(ApiFrame.REQUEST_CLIENT_INDEX_OFFSET) + " "
                            + request.getInt(ApiFrame.REQUEST_CONTEXT_OFFSET));
                    replies.reply(ByteBuffer.allocate(10).putShort(0, (short) replies.table().idOf("boom_ok_reply",
                            0x03030303)));
                }))
                .message(ApiMessage.sent("boom_ok_reply", 0x03030303))
                .message(ApiMessage.request("boom_again", 0x04040404, 10, (request, replies) -> ran.add(
                        "again: " + ApiTraceReplay.replay(held.get(), List.of(), 0, 0, false, "inner"))))
                .build();
        ApiServer server = new ApiServer(ApiRegistry.withMemclnt().register(module).table(), inline(),
                ApiServerOptions.DEFAULTS);
        byte[] request = ByteBuffer.allocate(10).putShort(0, (short) 500).putInt(2, 0x80000009).putInt(6, 42).array();
        List<ApiTrace.Entry> entries = List.of(
                new ApiTrace.Entry(0, 9, "boom_fail_01010101", request),
                new ApiTrace.Entry(1, 9, "boom_ok_02020202", request),
                new ApiTrace.Entry(2, 9, "boom_ok_02020202", Arrays.copyOf(request, 6)));
        held.set(server);

        ApiTraceReplay.Report report = ApiTraceReplay.replay(server, entries, 0, Long.MAX_VALUE, false, "t");

        assertThat(report.text().lines().toList()).containsExactly(
                "record 0 boom_fail_01010101: the handler failed: java.lang.IllegalStateException: boom: nothing to"
                        + " blow up",
                "record 2 boom_ok_02020202: 6 bytes, its fixed part needs 10; skipped",
                "api trace replay t: 1 of 3 messages replayed (records 0 to 2 of 3), 2 failed; 1 answer discarded");
        assertThat(ran).as("id and client_index rewritten, context kept").containsExactly("ok 0 42");
        assertThat(report.replayed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);

        ApiTraceReplay.Report nested = ApiTraceReplay.replay(server, List.of(
                new ApiTrace.Entry(0, 9, "boom_again_04040404", request)), 0, 0, false, "outer");
        assertThat(nested.text()).startsWith("record 0 boom_again_04040404: the handler failed: "
                + "java.lang.IllegalStateException: replay inner: a replay is already running");
        assertThat(ApiTraceReplay.replay(server, entries, 1, 1, false, "after").replayed())
                .as("the finished replays let the next one run").isEqualTo(1);
    }

    @Test
    void shouldRunReplayedHandlersOnTheMainThreadWithTheWorkersStoppedUnlessMpSafe() throws Exception {
        byte[] request = ByteBuffer.allocate(10).putShort(0, (short) 1).putInt(6, 5).array();
        List<ApiTrace.Entry> entries = List.of(
                new ApiTrace.Entry(0, 1, "thing_where_" + String.format("%08x", ApiFixture.WHERE_CRC), request),
                new ApiTrace.Entry(1, 1, "thing_quick_" + String.format("%08x", ApiFixture.QUICK_CRC), request));
        try (ApiFixture withWorker = new ApiFixture(Files.createDirectories(dir.resolve("worker")),
                ApiServerOptions.DEFAULTS, "cpu { workers 1 }\nbuffers { page-size 4k buffers-per-numa 4096 }")) {
            ApiTraceReplay.Report report = withWorker.runtime.tasks().call(() ->
                    ApiTraceReplay.replay(withWorker.server, entries, 0, 1, false, "barrier"));

            assertThat(report.replayed()).as(report.text()).isEqualTo(2);
            assertThat(withWorker.whereRanOn).isEqualTo("vecta-main");
            assertThat(withWorker.whereAtBarrier).as("thing_where at the barrier").isTrue();
            assertThat(withWorker.quickAtBarrier).as("thing_quick, mp-safe, not at the barrier").isFalse();
        }
    }

    /** Handlers run on the calling thread: the test's thread plays the main thread. */
    private static ApiMainThread inline() {
        return new ApiMainThread() {
            @Override
            public void run(Runnable work) {
                work.run();
            }

            @Override
            public void withWorkersStopped(Runnable change) {
                change.run();
            }
        };
    }
}
