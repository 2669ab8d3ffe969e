package io.vecta.benchmarks.api;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.core.memclnt.ControlPing;
import io.vecta.runtime.api.core.memclnt.ControlPingReply;
import io.vecta.runtime.api.core.memclnt.SockclntCreate;
import io.vecta.runtime.api.core.memclnt.SockclntCreateReply;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code control_ping} round trips over the API socket of a running runtime, as VPP's clients
 * make them: a frame out, the reply read back, one request in flight per client. Reported as
 * round trips per second, with one client and with four at once (each JMH thread is a client
 * with its own connection). The messages are encoded and decoded by the generated codecs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class ControlPingBenchmark {

    /** The runtime serving the API, shared by the clients. */
    @State(Scope.Benchmark)
    public static class Runtime {
        Path directory;
        VectaRuntime runtime;
        Thread mainLoop;

        @Setup(Level.Trial)
        public void start() throws IOException {
            directory = Files.createTempDirectory("vecta-api-bench-");
            runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(directory)).parse("bench.conf",
                    "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
            mainLoop = Thread.ofPlatform().name("vecta-main").start(runtime::run);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            runtime.stop();
            mainLoop.join();
            runtime.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** One client: a connection after the handshake, and a ping ready to send. */
    @State(Scope.Thread)
    public static class Client {
        SocketChannel channel;
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer[] ping;
        ByteBuffer reply = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        int replyId;
        int context;

        @Setup(Level.Trial)
        public void connect(Runtime server) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(server.directory.resolve("api.sock")));
            send(SockclntCreate.CODEC.encode(new SockclntCreate(1, "bench"), 15));
            ByteBuffer created = ByteBuffer.wrap(readFrame(1 << 20));
            SockclntCreateReply table = SockclntCreateReply.CODEC.decode(created);
            int pingId = idOf(table, ControlPing.CODEC.key());
            replyId = idOf(table, ControlPingReply.CODEC.key());
            byte[] payload = ControlPing.CODEC.encode(new ControlPing(table.index_(), 0), pingId);
            ByteBuffer frameHeader = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putInt(8, payload.length);
            ping = new ByteBuffer[] {frameHeader, ByteBuffer.wrap(payload)};
        }

        private static int idOf(SockclntCreateReply table, String key) {
            return table.messageTable().stream().filter(e -> e.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + " is not served")).index_();
        }

        private void send(byte[] payload) throws IOException {
            ByteBuffer frame = ByteBuffer.allocate(16 + payload.length).order(ByteOrder.BIG_ENDIAN);
            frame.putInt(8, payload.length).put(16, payload);
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        }

        private byte[] readFrame(int limit) throws IOException {
            header.clear();
            readFully(header);
            int length = header.getInt(8);
            if (length > limit) {
                throw new IOException("frame of " + length + " bytes");
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload);
            return payload.array();
        }

        private void readFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("the runtime closed the connection");
                }
            }
        }

        /** One round trip; returns the reply's context so that the work is not dropped. */
        int roundTrip() {
            try {
                context++;
                ping[1].putInt(6, context);
                ping[0].rewind();
                ping[1].rewind();
                while (ping[1].hasRemaining()) {
                    channel.write(ping);
                }
                header.clear();
                readFully(header);
                int length = header.getInt(8);
                reply.clear().limit(length);
                readFully(reply);
                if (reply.getShort(0) != replyId || reply.getInt(2) != context) {
                    throw new IllegalStateException("not the reply to ping " + context);
                }
                return reply.getInt(2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int oneClient(Runtime server, Client client) {
        return client.roundTrip();
    }

    @Benchmark
    @Threads(4)
    public int fourClients(Runtime server, Client client) {
        return client.roundTrip();
    }
}
