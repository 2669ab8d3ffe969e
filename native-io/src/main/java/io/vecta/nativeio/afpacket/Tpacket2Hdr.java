package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * {@code struct tpacket2_hdr}: the header at the start of each frame of a V2 ring (32 bytes,
 * host order). In a transmit ring the program writes the frame at {@link #TX_DATA_OFFSET}, sets
 * {@code tp_len}, and hands the frame over by storing {@code TP_STATUS_SEND_REQUEST} in
 * {@code tp_status} with release; the kernel stores {@code TP_STATUS_AVAILABLE} once it has sent
 * it.
 *
 * <pre>
 *   0               1               2               3
 *  +---------------------------------------------------------------+
 *  |                 tp_status (u32)                               |   0
 *  +---------------------------------------------------------------+
 *  |                 tp_len (u32)                                  |   4
 *  +---------------------------------------------------------------+
 *  |                 tp_snaplen (u32)                              |   8
 *  +-------------------------------+-------------------------------+
 *  |  tp_mac (u16)                 |  tp_net (u16)                 |  12
 *  +-------------------------------+-------------------------------+
 *  |                 tp_sec (u32)                                  |  16
 *  +---------------------------------------------------------------+
 *  |                 tp_nsec (u32)                                 |  20
 *  +-------------------------------+-------------------------------+
 *  |  tp_vlan_tci (u16)            |  tp_vlan_tpid (u16)           |  24
 *  +-------------------------------+-------------------------------+
 *  |                 tp_padding[4] (u8)                            |  28
 *  +---------------------------------------------------------------+
 *  |  frame to send ...                                            |  32 = TPACKET_ALIGN(32)
 * </pre>
 * The kernel's transmit path takes the frame from {@code TPACKET2_HDRLEN - sizeof(sockaddr_ll)}
 * = 52 - 20 = 32 bytes into the slot.
 */
public final class Tpacket2Hdr {

    /** u32: who owns the frame ({@code TP_STATUS_*}). */
    public static final long STATUS_OFFSET = 0;
    /** u32: bytes of the frame. */
    public static final long LEN_OFFSET = 4;
    /** u32: bytes kept (receive rings). */
    public static final long SNAPLEN_OFFSET = 8;
    /** u16: to the frame's first byte (receive rings). */
    public static final long MAC_OFFSET = 12;
    /** u16: to the network header (receive rings). */
    public static final long NET_OFFSET = 14;
    /** Bytes of the header. */
    public static final long SIZE = 32;
    /** Where a transmit frame's bytes start in its slot. */
    public static final long TX_DATA_OFFSET = 32;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private Tpacket2Hdr() {
    }

    /** {@code tp_status} read with acquire. */
    public static int statusAcquire(MemorySegment ring, long frame) {
        return (int) INT.getAcquire(ring, frame + STATUS_OFFSET);
    }

    /** Sets {@code tp_len}, then hands the frame to the kernel with a release store of SEND_REQUEST. */
    public static void requestSend(MemorySegment ring, long frame, int length) {
        ring.set(JAVA_INT, frame + LEN_OFFSET, length);
        INT.setRelease(ring, frame + STATUS_OFFSET, PacketSocketOptions.TP_STATUS_SEND_REQUEST);
    }

    /** {@code tp_len}. */
    public static int length(MemorySegment ring, long frame) {
        return ring.get(JAVA_INT, frame + LEN_OFFSET);
    }
}
