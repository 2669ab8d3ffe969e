package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct tpacket_block_desc}: the header of each block of a V3 receive ring (48 bytes,
 * host order), through which the kernel and the program pass the block back and forth.
 *
 * <pre>
 *   0               1               2               3
 *  +---------------------------------------------------------------+
 *  |                 version (u32)                                 |   0
 *  +---------------------------------------------------------------+
 *  |                 offset_to_priv (u32)                          |   4
 *  +---------------------------------------------------------------+  tpacket_hdr_v1:
 *  |                 block_status (u32)  KERNEL 0 / USER 1         |   8
 *  +---------------------------------------------------------------+
 *  |                 num_pkts (u32)                                |  12
 *  +---------------------------------------------------------------+
 *  |                 offset_to_first_pkt (u32)                     |  16
 *  +---------------------------------------------------------------+
 *  |                 blk_len (u32)                                 |  20
 *  +---------------------------------------------------------------+
 *  |                 seq_num (u64)                                 |  24
 *  +---------------------------------------------------------------+
 *  |                 ts_first_pkt (sec u32, nsec u32)              |  32
 *  +---------------------------------------------------------------+
 *  |                 ts_last_pkt (sec u32, nsec u32)               |  40
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The handover is a store with release on one side and a load with acquire on the other:
 * the kernel fills the block's frames and then sets {@code block_status} to
 * {@code TP_STATUS_USER}; the program reads the status with acquire before it reads a frame,
 * and gives the block back by storing {@code TP_STATUS_KERNEL} with release after its last
 * read.
 */
public final class TpacketBlockDesc {

    /** u32: layout version of the block. */
    public static final long VERSION_OFFSET = 0;
    /** u32: from the block's first byte to its private area. */
    public static final long OFFSET_TO_PRIV_OFFSET = 4;
    /** u32: who owns the block: {@code TP_STATUS_KERNEL} or {@code TP_STATUS_USER} (plus flags). */
    public static final long BLOCK_STATUS_OFFSET = 8;
    /** u32: frames in the block. */
    public static final long NUM_PKTS_OFFSET = 12;
    /** u32: from the block's first byte to the first frame's header. */
    public static final long OFFSET_TO_FIRST_PKT_OFFSET = 16;
    /** u32: bytes of the block in use. */
    public static final long BLK_LEN_OFFSET = 20;
    /** u64: the block's sequence number. */
    public static final long SEQ_NUM_OFFSET = 24;
    /** Bytes of the header. */
    public static final long SIZE = 48;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private TpacketBlockDesc() {
    }

    /** {@code block_status} read with acquire: the frames are visible once it says USER. */
    public static int statusAcquire(MemorySegment ring, long block) {
        return (int) INT.getAcquire(ring, block + BLOCK_STATUS_OFFSET);
    }

    /** Gives the block back to the kernel, after every read of its frames. */
    public static void releaseToKernel(MemorySegment ring, long block) {
        INT.setRelease(ring, block + BLOCK_STATUS_OFFSET, PacketSocketOptions.TP_STATUS_KERNEL);
    }

    /** {@code num_pkts}. */
    public static int packetCount(MemorySegment ring, long block) {
        return ring.get(JAVA_INT, block + NUM_PKTS_OFFSET);
    }

    /** {@code offset_to_first_pkt}. */
    public static int offsetToFirstPacket(MemorySegment ring, long block) {
        return ring.get(JAVA_INT, block + OFFSET_TO_FIRST_PKT_OFFSET);
    }
}
