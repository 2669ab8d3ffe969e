package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;

/**
 * {@code struct tpacket3_hdr}: the header in front of each frame of a V3 receive block (48
 * bytes, host order). The frame's bytes start {@code tp_mac} bytes after the header's first
 * byte; the next frame's header {@code tp_next_offset} bytes after it.
 *
 * <pre>
 *   0               1               2               3
 *  +---------------------------------------------------------------+
 *  |                 tp_next_offset (u32)                          |   0
 *  +---------------------------------------------------------------+
 *  |                 tp_sec (u32)                                  |   4
 *  +---------------------------------------------------------------+
 *  |                 tp_nsec (u32)                                 |   8
 *  +---------------------------------------------------------------+
 *  |                 tp_snaplen (u32)  bytes kept in the ring      |  12
 *  +---------------------------------------------------------------+
 *  |                 tp_len (u32)      bytes on the wire           |  16
 *  +---------------------------------------------------------------+
 *  |                 tp_status (u32)                               |  20
 *  +-------------------------------+-------------------------------+
 *  |  tp_mac (u16)                 |  tp_net (u16)                 |  24
 *  +-------------------------------+-------------------------------+
 *  |                 hv1.tp_rxhash (u32)                           |  28
 *  +---------------------------------------------------------------+
 *  |                 hv1.tp_vlan_tci (u32)                         |  32
 *  +-------------------------------+-------------------------------+
 *  |  hv1.tp_vlan_tpid (u16)       |  hv1.tp_padding (u16)         |  36
 *  +-------------------------------+-------------------------------+
 *  |                 tp_padding[8] (u8)                            |  40..47
 *  +---------------------------------------------------------------+
 *  then struct sockaddr_ll (the device and packet type), then at tp_mac the frame
 * </pre>
 */
public final class Tpacket3Hdr {

    /** u32: bytes from this header to the next one of the block; 0 for the last. */
    public static final long NEXT_OFFSET_OFFSET = 0;
    /** u32: receive time, seconds. */
    public static final long SEC_OFFSET = 4;
    /** u32: receive time, nanoseconds. */
    public static final long NSEC_OFFSET = 8;
    /** u32: bytes of the frame kept in the ring. */
    public static final long SNAPLEN_OFFSET = 12;
    /** u32: bytes of the frame as received. */
    public static final long LEN_OFFSET = 16;
    /** u32: {@code TP_STATUS_*} bits of this frame. */
    public static final long STATUS_OFFSET = 20;
    /** u16: from this header's first byte to the frame's first byte. */
    public static final long MAC_OFFSET = 24;
    /** u16: from this header's first byte to the network header. */
    public static final long NET_OFFSET = 26;
    /** u32: receive hash, when requested. */
    public static final long RXHASH_OFFSET = 28;
    /** u32: VLAN tag the device stripped, valid with {@code TP_STATUS_VLAN_VALID}. */
    public static final long VLAN_TCI_OFFSET = 32;
    /** Bytes of the header. */
    public static final long SIZE = 48;

    private Tpacket3Hdr() {
    }

    /** {@code tp_next_offset} of the header at {@code header}. */
    public static int nextOffset(MemorySegment ring, long header) {
        return ring.get(JAVA_INT, header + NEXT_OFFSET_OFFSET);
    }

    /** {@code tp_snaplen}: bytes of the frame in the ring. */
    public static int snaplen(MemorySegment ring, long header) {
        return ring.get(JAVA_INT, header + SNAPLEN_OFFSET);
    }

    /** {@code tp_len}: bytes of the frame as received. */
    public static int length(MemorySegment ring, long header) {
        return ring.get(JAVA_INT, header + LEN_OFFSET);
    }

    /** {@code tp_status}. */
    public static int status(MemorySegment ring, long header) {
        return ring.get(JAVA_INT, header + STATUS_OFFSET);
    }

    /** {@code tp_mac}: from the header's first byte to the frame's. */
    public static int macOffset(MemorySegment ring, long header) {
        return Short.toUnsignedInt(ring.get(JAVA_SHORT, header + MAC_OFFSET));
    }

    /** {@code tp_net}: from the header's first byte to the network header. */
    public static int netOffset(MemorySegment ring, long header) {
        return Short.toUnsignedInt(ring.get(JAVA_SHORT, header + NET_OFFSET));
    }

    /** {@code tp_sec}. */
    public static long seconds(MemorySegment ring, long header) {
        return Integer.toUnsignedLong(ring.get(JAVA_INT, header + SEC_OFFSET));
    }

    /** {@code tp_nsec}. */
    public static int nanos(MemorySegment ring, long header) {
        return ring.get(JAVA_INT, header + NSEC_OFFSET);
    }
}
