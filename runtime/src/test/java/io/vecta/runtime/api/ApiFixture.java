package io.vecta.runtime.api;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A running runtime (its main loop on a thread of its own) and an API server on a socket in a
 * temporary directory, with memclnt and a small test module:
 * <pre>
 *   thing_dump    u16 id | u32 client_index | u32 context | u32 count   ─▶ count × thing_details
 *   thing_details u16 id | u32 context | u32 sequence number
 *   thing_where   u16 id | u32 client_index | u32 context               ─▶ thing_where_reply,
 *                 run at the barrier; records the thread it ran on
 *   thing_where_reply u16 id | u32 context | i32 retval
 *   thing_quick   as thing_where, but mp-safe: runs while workers dispatch; answered with thing_where_reply
 * </pre>
 */
final class ApiFixture implements AutoCloseable {

    static final String THING = "thing";
    static final int THING_CRC = 0x0badcafe;
    static final int DUMP_CRC = 0x11111111;
    static final int DETAILS_CRC = 0x22222222;
    static final int WHERE_CRC = 0x33333333;
    static final int WHERE_REPLY_CRC = 0x44444444;
    static final int QUICK_CRC = 0x55555555;

    final VectaRuntime runtime;
    final Thread mainLoop;
    final ApiServer server;
    final Path socket;
    volatile String whereRanOn;
    /** Whether the workers were stopped at the barrier when thing_where, or thing_quick, last ran. */
    volatile boolean whereAtBarrier;
    volatile boolean quickAtBarrier;

    ApiFixture(Path dir, ApiServerOptions options) {
        this(dir, options, "buffers { page-size 4k buffers-per-numa 2048 }");
    }

    ApiFixture(Path dir, ApiServerOptions options, String config) {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf", config));
        mainLoop = Thread.ofPlatform().name("vecta-main").start(runtime::run);
        ApiModule thing = ApiModule.builder(THING, THING_CRC)
                .message(ApiMessage.request("thing_dump", DUMP_CRC, 14, ApiFixture::dump))
                .message(ApiMessage.sent("thing_details", DETAILS_CRC))
                .message(ApiMessage.request("thing_where", WHERE_CRC, 10, this::where))
                .message(ApiMessage.sent("thing_where_reply", WHERE_REPLY_CRC))
                .message(ApiMessage.request("thing_quick", QUICK_CRC, 10, this::quick).asMpSafe())
                .build();
        server = new ApiServer(ApiRegistry.withMemclnt().register(thing).table(), ApiMainThread.of(runtime), options);
        socket = dir.resolve("api.sock");
        server.listen(socket, java.util.Optional.empty());
    }

    private static void dump(ByteBuffer request, ApiReplySink replies) {
        int count = request.getInt(10);
        int id = replies.table().idOf("thing_details", DETAILS_CRC);
        List<ByteBuffer> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN).putShort(0, (short) id).putInt(6, i));
        }
        replies.dump(records);
    }

    private void where(ByteBuffer request, ApiReplySink replies) {
        whereRanOn = Thread.currentThread().getName();
        whereAtBarrier = atBarrier();
        replies.reply(ByteBuffer.allocate(10).putShort(0, (short) replies.table().idOf("thing_where_reply",
                WHERE_REPLY_CRC)));
    }

    private void quick(ByteBuffer request, ApiReplySink replies) {
        quickAtBarrier = atBarrier();
        replies.reply(ByteBuffer.allocate(10).putShort(0, (short) replies.table().idOf("thing_where_reply",
                WHERE_REPLY_CRC)));
    }

    private boolean atBarrier() {
        return runtime.workers().map(w -> w.barrier().isSynced()).orElse(false);
    }

    /** Waits (bounded) until {@code condition} holds; false if it never did. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        runtime.stop();
        mainLoop.join();
        runtime.close();
    }
}
