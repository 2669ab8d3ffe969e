package io.vecta.runtime.ethernet;

import io.vecta.sdk.buffer.Buffers;

/**
 * Where a received frame's L2 header starts, kept in the buffer after {@code ethernet-input}
 * has moved the current data to the L3 header (VPP's {@code vnet_buffer(b)->l2_hdr_offset}).
 * Nodes past {@code ethernet-input} find the Ethernet header there to answer in place (an ARP
 * reply) or to trace it.
 *
 * <pre>
 *   opaque word 0 (u32), as VPP's vnet buffer opaque begins after the two sw_if_index words:
 *   +-------------------------------+-------------------------------+
 *   | l2_hdr_offset (i16, low half) | l2 header length (u16, high)  |
 *   +-------------------------------+-------------------------------+
 * </pre>
 * The offset is {@code current_data}'s value at the L2 header, so it may be negative after
 * headers were pushed into the headroom; the length covers the Ethernet header and its tags.
 */
public final class L2Header {

    /** The opaque word that holds the offset and the length. */
    public static final int OPAQUE_WORD = 0;

    private L2Header() {
    }

    /** Records that the L2 header of {@code bi} starts at {@code currentData} and is {@code length} long. */
    public static void set(Buffers buffers, int bi, int currentData, int length) {
        buffers.setOpaque(bi, OPAQUE_WORD, word(currentData, length));
    }

    /** The opaque word that records an L2 header at {@code currentData}, {@code length} long. */
    public static int word(int currentData, int length) {
        return (length << 16) | (currentData & 0xffff);
    }

    /** The {@code current_data} value at which the L2 header of {@code bi} starts. */
    public static int offset(Buffers buffers, int bi) {
        return (short) buffers.opaque(bi, OPAQUE_WORD);
    }

    /** The length of the L2 header of {@code bi}: 14, 18 or 22 bytes. */
    public static int length(Buffers buffers, int bi) {
        return buffers.opaque(bi, OPAQUE_WORD) >>> 16;
    }

    /** The byte offset in buffer memory of the L2 header of {@code bi}. */
    public static long start(Buffers buffers, int bi) {
        return buffers.dataOffset(bi) - buffers.currentData(bi) + offset(buffers, bi);
    }
}
