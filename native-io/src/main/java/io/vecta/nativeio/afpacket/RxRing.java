package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.Libc;
import io.vecta.nativeio.linux.MappedMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A {@code TPACKET_V3} receive ring on one kernel interface: an {@code AF_PACKET} raw socket bound
 * to the device for every protocol ({@code ETH_P_ALL}), blind to what this host itself sends out of
 * it ({@code PACKET_IGNORE_OUTGOING}), and its ring mapped into this process.
 *
 * <pre>
 *  ring = blockCount blocks of blockSize bytes
 *  +---------------------------+---------------------------+----
 *  | block 0                   | block 1                   | ...
 *  | tpacket_block_desc        | tpacket_block_desc        |
 *  |   block_status USER/KERNEL|                           |
 *  |   num_pkts, offset_to_    |                           |
 *  |   first_pkt ──┐           |                           |
 *  | tpacket3_hdr ◀┘ ─next──▶ tpacket3_hdr ─next──▶ ...    |
 *  |   tp_mac ──▶ frame bytes  |                           |
 *  +---------------------------+---------------------------+----
 * </pre>
 * The kernel fills blocks in order and hands each over when it is full or after the retire
 * timeout; {@link #next()} walks the frames of the block it holds and gives the block back when it
 * asks for the frame after its last, so a frame's bytes stay valid until the following call.
 *
 * <p>One thread polls a ring. {@link #next()} makes no system call and allocates nothing: polling
 * an idle ring is one load with acquire.
 */
public final class RxRing implements AutoCloseable {

    /** 64 blocks of 64 KiB (4 MiB): some 2000 full-size frames, or 64 retire periods of small ones. */
    public static final RingGeometry DEFAULT_GEOMETRY = new RingGeometry(1 << 16, 64, 2048);
    /** A block that holds frames is handed over at the latest after this many milliseconds. */
    public static final int DEFAULT_RETIRE_MILLIS = 1;

    /** Bytes of {@code struct tpacket_stats_v3}: packets, drops, freeze count (u32 each). */
    private static final long STATS_V3_SIZE = 12;

    private final String interfaceName;
    private final int fd;
    private final MappedMemory mapping;
    private final MemorySegment ring;
    private final int blockSize;
    private final int blockCount;
    private int block;
    private boolean holding;
    private int packetsLeft;
    private long nextHeader;

    private RxRing(String interfaceName, int fd, MappedMemory mapping, RingGeometry geometry) {
        this.interfaceName = interfaceName;
        this.fd = fd;
        this.mapping = mapping;
        this.ring = mapping.segment();
        this.blockSize = geometry.blockSize();
        this.blockCount = geometry.blockCount();
    }

    /**
     * Opens a receive ring on {@code interfaceName} with {@link #DEFAULT_GEOMETRY}.
     *
     * @throws ErrnoException naming the interface and the call that failed (no such interface,
     *                        {@code EPERM} without {@code CAP_NET_RAW}, ...)
     */
    public static RxRing open(String interfaceName) {
        return open(interfaceName, DEFAULT_GEOMETRY, DEFAULT_RETIRE_MILLIS);
    }

    /**
     * Opens a receive ring on {@code interfaceName}.
     *
     * @throws ErrnoException naming the interface and the call that failed
     */
    public static RxRing open(String interfaceName, RingGeometry geometry, int retireMillis) {
        if (retireMillis < 1) {
            throw new IllegalArgumentException("host interface " + interfaceName + ": block retire timeout "
                    + retireMillis + " ms must be at least 1");
        }
        try (Arena arena = Arena.ofConfined()) {
            PacketSocket.Opened opened = PacketSocket.open(interfaceName, PacketSocketOptions.ETH_P_ALL,
                    PacketSocketOptions.TPACKET_V3,
                    new PacketSocket.IntOption[] {new PacketSocket.IntOption(
                            PacketSocketOptions.PACKET_IGNORE_OUTGOING, "PACKET_IGNORE_OUTGOING", 1)},
                    PacketSocketOptions.PACKET_RX_RING, RingRequest.v3(arena, geometry, retireMillis), geometry);
            return new RxRing(interfaceName, opened.fd(), opened.mapping(), geometry);
        }
    }

    /**
     * The offset in {@link #memory()} of the next received frame's {@link Tpacket3Hdr}, or -1
     * when none is waiting. The frame stays valid until the next call.
     */
    public long next() {
        while (packetsLeft == 0) {
            long blockStart = (long) block * blockSize;
            if (holding) {
                TpacketBlockDesc.releaseToKernel(ring, blockStart);
                holding = false;
                block = block + 1 == blockCount ? 0 : block + 1;
                blockStart = (long) block * blockSize;
            }
            if ((TpacketBlockDesc.statusAcquire(ring, blockStart) & PacketSocketOptions.TP_STATUS_USER) == 0) {
                return -1;
            }
            holding = true;
            packetsLeft = TpacketBlockDesc.packetCount(ring, blockStart);
            nextHeader = blockStart + TpacketBlockDesc.offsetToFirstPacket(ring, blockStart);
        }
        long header = nextHeader;
        nextHeader = header + Tpacket3Hdr.nextOffset(ring, header);
        packetsLeft--;
        return header;
    }

    /** The mapped ring, for {@link Tpacket3Hdr}'s accessors and copying frames out. */
    public MemorySegment memory() {
        return ring;
    }

    /** The socket, for {@code poll} when a thread waits for frames. */
    public int fd() {
        return fd;
    }

    /** The interface the ring receives from. */
    public String interfaceName() {
        return interfaceName;
    }

    /**
     * The socket's counters since the last call ({@code PACKET_STATISTICS}, which the kernel
     * resets on each read): frames received, and frames dropped because the ring was full.
     */
    public Statistics statistics() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stats = arena.allocate(STATS_V3_SIZE, 4);
            Libc.getsockopt(fd, PacketSocketOptions.SOL_PACKET, PacketSocketOptions.PACKET_STATISTICS, stats,
                    "SOL_PACKET, PACKET_STATISTICS");
            return new Statistics(Integer.toUnsignedLong(stats.get(JAVA_INT, 0)),
                    Integer.toUnsignedLong(stats.get(JAVA_INT, 4)));
        } catch (ErrnoException e) {
            throw e.withContext("host interface " + interfaceName, "");
        }
    }

    /** What the kernel counted for the socket between two reads. */
    public record Statistics(long packets, long drops) {
    }

    /** Unmaps the ring and closes the socket; the ring must not be polled any more. */
    @Override
    public void close() {
        try {
            mapping.close();
        } finally {
            Libc.close(fd);
        }
    }
}
