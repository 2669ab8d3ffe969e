package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that misbehave: each case is counted, answered as VPP answers it (mostly: dropped,
 * or the connection closed), and leaves the other clients and the runtime serving.
 */
class ApiServerBadInputTest {

    private static final long QUEUE_LIMIT = 1 << 20;

    @TempDir
    Path dir;

    private ApiFixture api;
    private RawApiClient bystander;

    @BeforeEach
    void start() {
        api = new ApiFixture(dir, ApiServerOptions.DEFAULTS.withMaxQueuedBytes(QUEUE_LIMIT));
        bystander = RawApiClient.handshake(api.socket, "bystander");
    }

    @AfterEach
    void stop() throws InterruptedException {
        assertBystanderServed(1000);
        bystander.close();
        api.close();
    }

    private void assertBystanderServed(int context) {
        bystander.send(bystander.controlPing(context));
        ByteBuffer reply = bystander.read();
        assertThat(reply).as("the other client's ping reply").isNotNull();
        assertThat(reply.getInt(2)).isEqualTo(context);
    }

    private ByteBuffer nextAfterPing(RawApiClient client, int context) {
        client.send(client.controlPing(context));
        return client.read();
    }

    @Test
    void shouldDropUnknownIdsAndGoOnServingTheConnection() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            client.send(RawApiClient.payload(10).putShort(0, (short) 999).putInt(6, 1));
            client.send(RawApiClient.payload(10).putShort(0, (short) 0).putInt(6, 2));
            client.send(RawApiClient.payload(10).putShort(0, (short) 1).putInt(6, 3)); // memclnt_create: shm only

            ByteBuffer next = nextAfterPing(client, 4);

            assertThat(next.getShort(0)).as("no reply before the ping's").isEqualTo((short) 24);
            assertThat(next.getInt(2)).isEqualTo(4);
            assertThat(api.server.counters().unknownMessages()).isEqualTo(3);
        }
    }

    @Test
    void shouldDropMessagesShorterThanTheirFixedPart() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            client.send(RawApiClient.payload(0));
            client.send(RawApiClient.payload(1));
            client.send(RawApiClient.payload(6).putShort(0, (short) 23).putInt(2, client.handle));
            client.send(RawApiClient.payload(20).putShort(0, (short) 10)); // get_first_msg_id needs 74

            ByteBuffer next = nextAfterPing(client, 5);

            assertThat(next.getInt(2)).isEqualTo(5);
            assertThat(api.server.counters().shortMessages()).isEqualTo(4);
        }
    }

    @Test
    void shouldAcceptALongerPayloadThanNeeded() {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            client.send(RawApiClient.payload(40).putShort(0, (short) 23).putInt(2, client.handle).putInt(6, 6));

            assertThat(client.read().getInt(2)).isEqualTo(6);
        }
    }

    @Test
    void shouldCloseAConnectionAnnouncingAFramePastTheLimit() throws InterruptedException {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "c")) {
            byte[] header = new byte[16];
            ByteBuffer.wrap(header).putInt(8, (64 << 20) + 1);
            client.write(header);

            assertThat(client.read()).as("end of stream").isNull();
            assertThat(ApiFixture.eventually(() -> api.server.counters().protocolErrors() == 1)).isTrue();
        }
    }

    @Test
    void shouldCloseAConnectionThatSpeaksSomethingElse() throws InterruptedException {
        try (RawApiClient client = RawApiClient.connect(api.socket)) {
            client.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(client.read()).as("end of stream").isNull();
            assertThat(ApiFixture.eventually(() -> api.server.counters().protocolErrors() == 1)).isTrue();
        }
    }

    @Test
    void shouldCountAConnectionThatEndsInsideAFrame() throws InterruptedException {
        try (RawApiClient client = RawApiClient.connect(api.socket)) {
            byte[] frame = RawApiClient.frame(RawApiClient.sockclntCreate(1, "cut"));
            client.write(java.util.Arrays.copyOf(frame, 30));
        }

        assertThat(ApiFixture.eventually(() -> api.server.counters().truncatedFrames() == 1)).isTrue();
        assertThat(ApiFixture.eventually(() -> api.server.clients().size() == 1)).isTrue();
    }

    @Test
    void shouldFreeAClientThatLeavesInTheMiddleOfADump() throws InterruptedException {
        try (RawApiClient client = RawApiClient.handshake(api.socket, "leaver")) {
            client.send(RawApiClient.payload(14).putShort(0, (short) client.id("thing_dump_11111111"))
                    .putInt(2, client.handle).putInt(6, 7).putInt(10, 30_000));
            client.send(client.controlPing(7));
            for (int i = 0; i < 3; i++) {
                assertThat(client.read().getInt(6)).isEqualTo(i);
            }
        }

        assertThat(ApiFixture.eventually(() -> api.server.clients().size() == 1)).isTrue();
        assertThat(api.server.counters().repliesDropped()).isPositive();
        assertThat(api.server.counters().clientsCutOff()).isZero();
    }

    @Test
    void shouldCutOffAClientThatNeverReadsWhileOthersGoOn() throws Exception {
        RawApiClient hog = RawApiClient.connect(api.socket);
        Thread writer = Thread.ofVirtual().start(() -> {
            byte[] create = RawApiClient.frame(RawApiClient.sockclntCreate(1, "hog"));
            try {
                for (int i = 0; i < 5000; i++) {
                    hog.write(create);
                }
            } catch (UncheckedIOException cutOff) {
                // the server closed the connection: what this test expects
            }
        });

        assertThat(ApiFixture.eventually(() -> api.server.counters().clientsCutOff() == 1)).isTrue();
        assertBystanderServed(2);
        writer.join();
        hog.close();
        assertThat(ApiFixture.eventually(() -> api.server.clients().size() == 1)).isTrue();
        assertThat(api.server.clients()).extracting(ApiClient::name).containsExactly("bystander");
    }

    @Test
    void shouldLeakNothingOverAThousandConnections() throws Exception {
        long descriptorsBefore = openDescriptors();
        for (int i = 0; i < 1000; i++) {
            if (i % 2 == 0) {
                RawApiClient.handshake(api.socket, "cycle" + i).close();
            } else {
                RawApiClient.connect(api.socket).close();
            }
        }

        // a connection closed before the server took it is accepted (and closed) a little later
        assertThat(ApiFixture.eventually(() -> api.server.clients().size() == 1
                && api.server.counters().clientsAccepted() == 1001)).isTrue();
        ApiServerCounters counters = api.server.counters();
        assertThat(counters.clientsAccepted()).isEqualTo(1001);
        assertThat(counters.clientsClosed()).isEqualTo(1000);
        assertThat(openDescriptors()).as("open file descriptors").isLessThan(descriptorsBefore + 50);
    }

    private static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
