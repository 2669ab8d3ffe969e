package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api-trace { on }} and {@code api trace}: the messages the server handled, kept, listed and saved. */
class ApiTraceTest {

    @TempDir
    Path dir;

    private VectaRuntime start(String text) {
        return VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n" + text));
    }

    private static String ok(CommandRunner cli, String line) {
        CommandOutcome outcome = cli.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isFalse();
        return outcome.output();
    }

    @Test
    void shouldKeepListAndSaveTheMessagesHandledFromTheStart() throws Exception {
        try (VectaRuntime runtime = start("api-trace { on nitems 3 }")) {
            Thread main = Thread.ofPlatform().start(runtime::run);
            try (RawApiClient client = RawApiClient.handshake(dir.resolve("api.sock"), "tracer")) {
                for (int context = 1; context <= 3; context++) {
                    client.send(client.controlPing(context));
                    client.read();
                }
            }
            CommandRunner cli = runtime.onMainThread(runtime.newShell(false));

            assertThat(ok(cli, "api trace status")).isEqualTo(
                    "api trace on: 3 of 3 messages kept, 4 recorded (the oldest overwritten)\n");
            List<String> dump = ok(cli, "api trace dump").lines().toList();
            assertThat(dump).hasSize(3).allSatisfy(line -> assertThat(line).contains("client 0x80000001")
                    .contains("control_ping_51077d14").contains("10 bytes"));
            assertThat(ok(cli, "api trace dump max 1").lines()).singleElement().isEqualTo(dump.getLast());

            Path saved = dir.resolve("api.trace");
            assertThat(ok(cli, "api trace save " + saved)).isEqualTo("api trace: 3 messages written to " + saved + "\n");
            assertThat(readKeys(saved)).containsExactly("control_ping_51077d14", "control_ping_51077d14",
                    "control_ping_51077d14");

            ok(cli, "api trace off");
            assertThat(ok(cli, "api trace status")).startsWith("api trace off: 3 of 3");
            runtime.stop();
            main.join();
        }
    }

    @Test
    void shouldRecordNothingUntilTurnedOnAndNameAnUnwritableFile() throws Exception {
        try (VectaRuntime runtime = start("")) {
            CommandRunner cli = runtime.onMainThread(runtime.newShell(false));
            Thread main = Thread.ofPlatform().start(runtime::run);

            assertThat(ok(cli, "api trace status")).isEqualTo("api trace off: 0 of 0 messages kept, 0 recorded\n");
            ok(cli, "api trace on nitems 10");
            try (RawApiClient client = RawApiClient.handshake(dir.resolve("api.sock"), "one")) {
                client.send(client.controlPing(7));
                client.read();
            }
            assertThat(ok(cli, "api trace status")).isEqualTo("api trace on: 2 of 10 messages kept, 2 recorded\n");
            CommandOutcome bad = cli.run("api trace save " + dir.resolve("no/such/dir/t"));
            assertThat(bad.failed()).isTrue();
            assertThat(bad.output()).contains("api trace save " + dir.resolve("no/such/dir/t"));
            assertThat(cli.run("api trace on nitems 0").output()).contains("nitems");
            runtime.stop();
            main.join();
        }
    }

    /** The name_crc of each message of a saved trace, read as its format says. */
    private static List<String> readKeys(Path file) throws Exception {
        List<String> keys = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            assertThat(in.readNBytes(ApiTraceFile.MAGIC.length)).isEqualTo(ApiTraceFile.MAGIC);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                in.readLong();
                in.readInt();
                keys.add(new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8));
                in.readNBytes(in.readInt());
            }
            assertThat(in.read()).as("nothing after the records").isEqualTo(-1);
        }
        return keys;
    }
}
