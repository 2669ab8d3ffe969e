package io.vecta.benchmarks.afpacket;

import io.vecta.nativeio.afpacket.RxRing;
import io.vecta.nativeio.afpacket.Tpacket3Hdr;
import io.vecta.nativeio.afpacket.TxRing;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.Buffers;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The AF_PACKET data path over a real veth pair, both ends in this namespace: a burst of 64
 * frames of 64 bytes written into a's transmit ring and flushed with one {@code sendto}, then
 * every frame waiting in b's receive ring copied into a buffer, as {@code af-packet-input} does,
 * and the buffers freed. The time per operation is per frame sent and includes the kernel's
 * veth path; {@code received} counts the frames copied out (a receive block is handed over when
 * full or after 1 ms, so it trails {@code sent} by at most a block). Needs root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class AfPacketVethBenchmark {

    private static final String A = "vafbm0a";
    private static final String B = "vafbm0b";
    private static final int BURST = 64;
    private static final int FRAME_LENGTH = 64;

    private BufferPools pools;
    private BufferAllocator allocator;
    private Buffers buffers;
    private TxRing tx;
    private RxRing rx;
    private final int[] bis = new int[256];
    private final byte[] frame = new byte[FRAME_LENGTH];

    /** Frames copied out of the receive ring, and frames the full transmit ring turned away. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counts {
        public long received;
        public long txFull;
    }

    @Setup
    public void setUp() throws Exception {
        run("ip", "link", "del", A);
        run("ip", "link", "add", A, "type", "veth", "peer", "name", B);
        for (String end : new String[] {A, B}) {
            Path ipv6 = Path.of("/proc/sys/net/ipv6/conf", end, "disable_ipv6");
            if (Files.exists(ipv6)) {
                Files.writeString(ipv6, "1");
            }
            run("ip", "link", "set", end, "up");
        }
        pools = BufferPools.create(BufferConfig.builder().pageSize(BufferPageSize.SIZE_4K).build(), 1);
        allocator = pools.allocator(0);
        buffers = allocator.buffers();
        tx = TxRing.open(A);
        rx = RxRing.open(B);
        for (int i = 0; i < 6; i++) {
            frame[i] = (byte) 0xff;
        }
        frame[12] = (byte) 0x88;
        frame[13] = (byte) 0xb5;
    }

    @TearDown
    public void tearDown() throws Exception {
        tx.close();
        rx.close();
        pools.close();
        run("ip", "link", "del", A);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int sendBurstAndReceive(Counts counts) {
        MemorySegment slots = tx.memory();
        for (int i = 0; i < BURST; i++) {
            long slot = tx.claim();
            if (slot < 0) {
                counts.txFull++;
                continue;
            }
            MemorySegment.copy(frame, 0, slots, ValueLayout.JAVA_BYTE, slot, FRAME_LENGTH);
            tx.send(slot, FRAME_LENGTH);
        }
        tx.flush();
        MemorySegment ring = rx.memory();
        MemorySegment memory = buffers.memory();
        int n = allocator.alloc(bis, 0, bis.length);
        int used = 0;
        long header;
        while (used < n && (header = rx.next()) >= 0) {
            int length = Tpacket3Hdr.snaplen(ring, header);
            int bi = bis[used++];
            MemorySegment.copy(ring, header + Tpacket3Hdr.macOffset(ring, header), memory, buffers.dataOffset(bi),
                    length);
            buffers.setCurrentLength(bi, length);
        }
        counts.received += used;
        allocator.free(bis, 0, n);
        return used;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
