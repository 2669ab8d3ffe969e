package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.items.items.ItemDetails;
import io.vecta.runtime.api.items.items.ItemDump;
import io.vecta.runtime.api.items.items.ItemNameDetails;
import io.vecta.runtime.api.items.items.ItemNameDump;
import io.vecta.runtime.api.items.items.ItemPageDetails;
import io.vecta.runtime.api.items.items.ItemPageGet;
import io.vecta.runtime.api.items.items.ItemPageGetReply;
import io.vecta.runtime.api.items.items.ItemsModule;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @ApiHandler} methods ({@link ItemApi}) bound by their generated {@code ItemApi_ApiHandlers}
 * and served over a real socket by a running runtime: each shape's answers arrive with the
 * request's context, in order, and a dump's end is the reply to the ping behind it.
 */
class ApiHandlerServingTest {

    @TempDir
    static Path dir;

    private static VectaRuntime runtime;
    private static Thread mainLoop;
    private static ApiServer server;
    private static ItemApi items;

    @BeforeAll
    static void start() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }"));
        mainLoop = Thread.ofPlatform().name("vecta-main").start(runtime::run);
        items = new ItemApi();
        ApiModule module = ApiModule.fromCodecs(ItemsModule.NAME, ItemsModule.FILE_CRC, ItemsModule.MESSAGES,
                ItemApi_ApiHandlers.bind(items));
        server = new ApiServer(ApiRegistry.withMemclnt().register(module).table(), ApiMainThread.of(runtime),
                ApiServerOptions.DEFAULTS);
        server.listen(dir.resolve("api.sock"), Optional.empty());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
        runtime.stop();
        mainLoop.join();
        runtime.close();
    }

    @Test
    void shouldServeAReturnedStreamAsDetailsEndedByThePingReplyAndCloseIt() {
        int closedBefore = items.streamsClosed;
        try (RawApiClient client = RawApiClient.handshake(dir.resolve("api.sock"), "streamer")) {
            send(client, ItemDump.CODEC, new ItemDump(handle(client), 42, 3));
            client.send(client.controlPing(42));

            for (long index = 0; index < 3; index++) {
                assertThat(read(client, ItemDetails.CODEC)).isEqualTo(new ItemDetails(42, index));
            }
            ByteBuffer end = client.read();
            assertThat(end.getShort(0)).as("control_ping_reply").isEqualTo((short) client.id("control_ping_reply_f6b0b8ca"));
            assertThat(end.getInt(2)).as("context").isEqualTo(42);
        }
        assertThat(items.streamsClosed).isEqualTo(closedBefore + 1);
    }

    @Test
    void shouldServeAReturnedListAsDetails() {
        try (RawApiClient client = RawApiClient.handshake(dir.resolve("api.sock"), "lister")) {
            send(client, ItemNameDump.CODEC, new ItemNameDump(handle(client), 0xfffffff0L));
            client.send(client.controlPing(0xfffffff0));

            assertThat(read(client, ItemNameDetails.CODEC)).isEqualTo(new ItemNameDetails(0xfffffff0L, "first"));
            assertThat(read(client, ItemNameDetails.CODEC)).isEqualTo(new ItemNameDetails(0xfffffff0L, "second"));
            assertThat(client.read().getInt(2)).as("control_ping_reply's context").isEqualTo(0xfffffff0);
        }
    }

    @Test
    void shouldLetAGetPageThroughDetailsEachEndedByAReplyWithTheNextCursor() {
        try (RawApiClient client = RawApiClient.handshake(dir.resolve("api.sock"), "pager")) {
            List<Long> seen = new ArrayList<>();
            long cursor = 0;
            int context = 100;
            while (cursor != ItemApi.END) {
                send(client, ItemPageGet.CODEC, new ItemPageGet(handle(client), context, cursor));
                ByteBuffer next = client.read();
                while (next.getShort(0) == (short) client.id(ItemPageDetails.CODEC.key())) {
                    ItemPageDetails details = ItemPageDetails.CODEC.decode(next);
                    assertThat(details.context()).isEqualTo(context);
                    seen.add(details.item());
                    next = client.read();
                }
                ItemPageGetReply reply = decodeAs(next, client, ItemPageGetReply.CODEC);
                assertThat(reply.context()).isEqualTo(context);
                assertThat(reply.retval()).isZero();
                cursor = reply.cursor();
                context++;
            }

            assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(context).as("pages").isEqualTo(103);
        }
    }

    @Test
    void shouldRegisterEachBoundRequestWithItsMpSafetyAndTheRestAsSent() {
        ApiModule module = server.table().modules().stream().filter(m -> m.name().equals(ItemsModule.NAME))
                .findFirst().orElseThrow();

        assertThat(module.messages()).extracting(m -> m.name() + " " + (m.handler().isPresent() ? "served" : "sent")
                + (m.handler().isPresent() && m.mpSafe() ? " mp-safe" : "")).containsExactly(
                "item_dump served", "item_details sent", "item_name_dump served", "item_name_details sent",
                "item_page_get served mp-safe", "item_page_get_reply sent", "item_page_details sent");
        assertThat(module.messages().get(0).fixedBytes()).isEqualTo(ItemDump.CODEC.minimumPayloadSize());
    }

    @Test
    void shouldRefuseTwoHandlersForOneMessageOfAModule() {
        List<ApiHandlerBinding> twice = new ArrayList<>(ItemApi_ApiHandlers.bind(new ItemApi()));
        twice.addAll(ItemApi_ApiHandlers.bind(new ItemApi()));

        assertThatThrownBy(() -> ApiModule.fromCodecs(ItemsModule.NAME, ItemsModule.FILE_CRC, ItemsModule.MESSAGES,
                twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api module 'items': " + ItemDump.CODEC.key() + " is given two handlers; a message has one");
    }

    private static long handle(RawApiClient client) {
        return Integer.toUnsignedLong(client.handle);
    }

    private static <T extends ApiMessage> void send(RawApiClient client, MessageCodec<T> codec, T request) {
        client.send(ByteBuffer.wrap(codec.encode(request, client.id(codec.key()))));
    }

    private static <T extends ApiMessage> T read(RawApiClient client, MessageCodec<T> codec) {
        return decodeAs(client.read(), client, codec);
    }

    private static <T extends ApiMessage> T decodeAs(ByteBuffer payload, RawApiClient client, MessageCodec<T> codec) {
        assertThat(Short.toUnsignedInt(payload.getShort(0))).as("id of " + codec.key())
                .isEqualTo(client.id(codec.key()));
        return codec.decode(payload);
    }
}
