package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handshake and memclnt's messages, over a real socket, against a running runtime. */
class ApiServerTest {

    @TempDir
    Path dir;

    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture(dir, ApiServerOptions.DEFAULTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void shouldAnswerTheHandshakeWithTheClientsHandleAndTheWholeTable() {
        try (RawApiClient client = RawApiClient.connect(api.socket)) {
            client.send(RawApiClient.sockclntCreate(124, "a_client"));
            ByteBuffer reply = client.read();

            assertThat(reply.getShort(0)).isEqualTo((short) 16);
            assertThat(reply.getInt(2)).as("client_index").isZero();
            assertThat(reply.getInt(6)).as("context").isEqualTo(124);
            assertThat(reply.getInt(10)).as("response").isZero();
            assertThat(reply.getInt(14)).as("index").isEqualTo(0x80000001);
            client.readTable(reply);
            assertThat(reply.remaining()).isEqualTo(20 + 66 * client.table.size());
            assertThat(client.table).hasSize(33).containsAllEntriesOf(api.server.table().ids())
                    .containsEntry("sockclnt_create_455fb9c4", 15).containsEntry("control_ping_reply_f6b0b8ca", 24)
                    .containsEntry("thing_dump_11111111", 29).containsEntry("thing_where_reply_44444444", 32);
            assertThat(api.server.clients()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("a_client");
                assertThat(c.index()).isEqualTo(0x80000001);
            });
        }
    }

    @Test
    void shouldHandOutANewHandleToEachClient() {
        try (RawApiClient first = RawApiClient.handshake(api.socket, "first");
             RawApiClient second = RawApiClient.handshake(api.socket, "second")) {
            assertThat(first.handle).isEqualTo(0x80000001);
            assertThat(second.handle).isEqualTo(0x80000002);
        }
    }

    @Test
    void shouldEchoTheContextAndClientIndexInControlPingReply() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "pinger")) {
            client.send(client.controlPing(0xdeadbeef));
            ByteBuffer reply = client.read();

            assertThat(reply.remaining()).isEqualTo(18);
            assertThat(reply.getShort(0)).isEqualTo((short) 24);
            assertThat(reply.getInt(2)).isEqualTo(0xdeadbeef);
            assertThat(reply.getInt(6)).as("retval").isZero();
            assertThat(reply.getInt(10)).as("client_index").isEqualTo(client.handle);
            assertThat(reply.getInt(14)).as("vpe_pid").isEqualTo((int) ProcessHandle.current().pid());
        }
    }

    @Test
    void shouldFindAModulesFirstIdByItsRangeName() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            client.send(client.getFirstMsgId(5, "thing_0badcafe"));
            ByteBuffer hit = client.read();
            client.send(client.getFirstMsgId(6, "vpe_33b45969"));
            ByteBuffer miss = client.read();

            assertThat(hit.remaining()).isEqualTo(12);
            assertThat(hit.getShort(0)).isEqualTo((short) 11);
            assertThat(hit.getInt(2)).isEqualTo(5);
            assertThat(hit.getInt(6)).isZero();
            assertThat(hit.getShort(10)).isEqualTo((short) 29);
            assertThat(miss.getInt(2)).isEqualTo(6);
            assertThat(miss.getInt(6)).isEqualTo(-7);
            assertThat(miss.getShort(10)).isEqualTo((short) 0xffff);
        }
    }

    @Test
    void shouldAnswerApiVersionsKeepaliveAndGetApiJson() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            client.send(client.plain("api_versions_51077d14", 1));
            client.send(client.plain("memclnt_keepalive_51077d14", 2));
            client.send(client.plain("get_api_json_51077d14", 3));
            ByteBuffer versions = client.read();
            ByteBuffer keepalive = client.read();
            ByteBuffer json = client.read();

            assertThat(versions.getShort(0)).isEqualTo((short) 13);
            assertThat(versions.getInt(2)).isEqualTo(1);
            assertThat(versions.getInt(10)).as("count").isZero();
            assertThat(keepalive.remaining()).isEqualTo(10);
            assertThat(keepalive.getShort(0)).isEqualTo((short) 22);
            assertThat(keepalive.getInt(2)).isEqualTo(2);
            assertThat(json.getShort(0)).isEqualTo((short) 28);
            assertThat(json.getInt(2)).isEqualTo(3);
            assertThat(json.getInt(10)).isEqualTo(2);
            assertThat(new String(json.array(), 14, 2, StandardCharsets.UTF_8)).isEqualTo("[]");
        }
    }

    @Test
    void shouldAnswerItsOwnDeleteWithOneAndThenClose() throws InterruptedException {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "leaving")) {
            client.send(client.sockclntDelete(9, client.handle + 1));
            ByteBuffer foreign = client.read();
            client.send(client.sockclntDelete(10, client.handle));
            ByteBuffer own = client.read();

            assertThat(foreign.remaining()).isEqualTo(10);
            assertThat(foreign.getShort(0)).isEqualTo((short) 18);
            assertThat(foreign.getInt(2)).isEqualTo(9);
            assertThat(foreign.getInt(6)).isEqualTo(-1);
            assertThat(own.getInt(2)).isEqualTo(10);
            assertThat(own.getInt(6)).isEqualTo(1);
            assertThat(client.read()).as("end of stream").isNull();
            assertThat(ApiFixture.eventually(() -> api.server.clients().isEmpty())).isTrue();
        }
    }

    @Test
    void shouldJoinFramesSentByteByByte() {
        try (RawApiClient client = RawApiClient.connect(api.socket)) {
            byte[] stream = RawApiClient.frame(RawApiClient.sockclntCreate(77, "slow"));
            for (byte b : stream) {
                client.write(new byte[] {b});
            }
            ByteBuffer reply = client.read();

            assertThat(reply.getShort(0)).isEqualTo((short) 16);
            assertThat(reply.getInt(6)).isEqualTo(77);
        }
    }

    @Test
    void shouldAnswerManyFramesOfOneWriteInOrder() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "burst")) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int context = 1; context <= 500; context++) {
                burst.writeBytes(RawApiClient.frame(client.controlPing(context)));
            }
            client.write(burst.toByteArray());

            for (int context = 1; context <= 500; context++) {
                ByteBuffer reply = client.read();
                assertThat(reply.getShort(0)).isEqualTo((short) 24);
                assertThat(reply.getInt(2)).isEqualTo(context);
            }
        }
    }

    @Test
    void shouldEndADumpWithTheReplyToThePingSentBehindIt() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "dumper")) {
            ByteBuffer dump = RawApiClient.payload(14).putShort(0, (short) client.id("thing_dump_11111111"))
                    .putInt(2, client.handle).putInt(6, 42).putInt(10, 3);
            client.send(dump);
            client.send(client.controlPing(42));
            ByteBuffer empty = RawApiClient.payload(14).putShort(0, (short) client.id("thing_dump_11111111"))
                    .putInt(2, client.handle).putInt(6, 43);
            client.send(empty);
            client.send(client.controlPing(43));

            for (int i = 0; i < 3; i++) {
                ByteBuffer details = client.read();
                assertThat(details.getShort(0)).isEqualTo((short) client.id("thing_details_22222222"));
                assertThat(details.getInt(2)).isEqualTo(42);
                assertThat(details.getInt(6)).isEqualTo(i);
            }
            ByteBuffer end = client.read();
            assertThat(end.getShort(0)).isEqualTo((short) 24);
            assertThat(end.getInt(2)).isEqualTo(42);
            ByteBuffer emptyEnd = client.read();
            assertThat(emptyEnd.getShort(0)).isEqualTo((short) 24);
            assertThat(emptyEnd.getInt(2)).isEqualTo(43);
        }
    }

    @Test
    void shouldRunHandlersOnTheMainThread() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            client.send(client.plain("thing_where_33333333", 8));
            ByteBuffer reply = client.read();

            assertThat(reply.getInt(2)).isEqualTo(8);
            assertThat(api.whereRanOn).isEqualTo("vecta-main");
        }
    }

    @Test
    void shouldStopTheWorkersForHandlersThatAreNotMpSafe(@TempDir Path workerDir) throws InterruptedException {
        try (ApiFixture withWorker = new ApiFixture(workerDir, ApiServerOptions.DEFAULTS,
                "cpu { workers 1 }\nbuffers { page-size 4k buffers-per-numa 4096 }");
             RawApiClient client = RawApiClient.handshake(withWorker.socket, "c")) {
            client.send(client.plain("thing_where_33333333", 1));
            client.send(client.plain("thing_quick_55555555", 2));

            assertThat(client.read().getInt(2)).isEqualTo(1);
            assertThat(client.read().getInt(2)).isEqualTo(2);
            assertThat(withWorker.whereAtBarrier).as("thing_where at the barrier").isTrue();
            assertThat(withWorker.quickAtBarrier).as("thing_quick at the barrier").isFalse();
        }
    }

    @Test
    void shouldMakeTheSocketGroupWritableAndRemoveItOnClose() throws Exception {
        assertThat(Files.getPosixFilePermissions(api.socket)).contains(PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OWNER_WRITE);
        api.server.close();
        assertThat(api.socket).doesNotExist();
    }
}
