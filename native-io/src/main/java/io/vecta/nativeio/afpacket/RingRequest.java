package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@code struct tpacket_req3}, the argument of {@code PACKET_RX_RING} and {@code PACKET_TX_RING}:
 * the ring's geometry (all fields u32, host order). A {@code TPACKET_V2} ring takes only the first
 * 16 bytes ({@code struct tpacket_req}).
 *
 * <pre>
 *   0               1               2               3
 *  +---------------------------------------------------------------+
 *  |                  tp_block_size (u32)                          |   0  \
 *  +---------------------------------------------------------------+       |
 *  |                  tp_block_nr (u32)                            |   4   | tpacket_req
 *  +---------------------------------------------------------------+       | (TPACKET_V2)
 *  |                  tp_frame_size (u32)                          |   8   |
 *  +---------------------------------------------------------------+       |
 *  |                  tp_frame_nr (u32)                            |  12  /
 *  +---------------------------------------------------------------+
 *  |                  tp_retire_blk_tov (u32)  ms                  |  16  \
 *  +---------------------------------------------------------------+       | TPACKET_V3
 *  |                  tp_sizeof_priv (u32)                         |  20   | only
 *  +---------------------------------------------------------------+       |
 *  |                  tp_feature_req_word (u32)                    |  24  /
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class RingRequest {

    /** u32: bytes per block, a multiple of the page size. */
    public static final long BLOCK_SIZE_OFFSET = 0;
    /** u32: blocks in the ring. */
    public static final long BLOCK_NR_OFFSET = 4;
    /** u32: bytes per frame, a multiple of {@link PacketSocketOptions#TPACKET_ALIGNMENT}. */
    public static final long FRAME_SIZE_OFFSET = 8;
    /** u32: frames in the ring: blocks times frames per block. */
    public static final long FRAME_NR_OFFSET = 12;
    /** u32, V3: a block that is not full is handed over after this many milliseconds. */
    public static final long RETIRE_BLOCK_TIMEOUT_OFFSET = 16;
    /** u32, V3: bytes of private area in each block header. */
    public static final long SIZEOF_PRIV_OFFSET = 20;
    /** u32, V3: feature requests (e.g. rx hash). */
    public static final long FEATURE_REQ_WORD_OFFSET = 24;
    /** Bytes of {@code tpacket_req} (V2). */
    public static final long V2_SIZE = 16;
    /** Bytes of {@code tpacket_req3} (V3). */
    public static final long V3_SIZE = 28;

    private RingRequest() {
    }

    /** A {@code tpacket_req} for a V2 ring of {@code geometry}. */
    public static MemorySegment v2(Arena arena, RingGeometry geometry) {
        MemorySegment request = arena.allocate(V2_SIZE, 4);
        writeCommon(request, geometry);
        return request;
    }

    /** A {@code tpacket_req3} for a V3 ring of {@code geometry}. */
    public static MemorySegment v3(Arena arena, RingGeometry geometry, int retireBlockTimeoutMillis) {
        MemorySegment request = arena.allocate(V3_SIZE, 4);
        writeCommon(request, geometry);
        request.set(JAVA_INT, RETIRE_BLOCK_TIMEOUT_OFFSET, retireBlockTimeoutMillis);
        request.set(JAVA_INT, SIZEOF_PRIV_OFFSET, 0);
        request.set(JAVA_INT, FEATURE_REQ_WORD_OFFSET, 0);
        return request;
    }

    private static void writeCommon(MemorySegment request, RingGeometry geometry) {
        request.set(JAVA_INT, BLOCK_SIZE_OFFSET, geometry.blockSize());
        request.set(JAVA_INT, BLOCK_NR_OFFSET, geometry.blockCount());
        request.set(JAVA_INT, FRAME_SIZE_OFFSET, geometry.frameSize());
        request.set(JAVA_INT, FRAME_NR_OFFSET, geometry.frameCount());
    }
}
