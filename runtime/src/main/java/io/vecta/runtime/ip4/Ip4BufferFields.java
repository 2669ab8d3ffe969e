package io.vecta.runtime.ip4;

import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;

/**
 * What the IPv4 nodes hand each other in a buffer's opaque words (VPP's {@code vnet_buffer(b)->ip}):
 * the adjacency ip4-lookup chose, for ip4-rewrite, ip4-arp and ip4-glean; the flow hash it
 * computed; and the ICMP error a node asks {@code ip4-icmp-error} to send.
 *
 * <pre>
 *   opaque word 0   the L2 header's place (ethernet-input's, see L2Header)
 *   opaque word 1   adj_index (u32): the adjacency, or for a receive the interface
 *   opaque word 2   flow_hash (u32): 0 unless the load-balance had several buckets
 *   opaque word 3   icmp error:  +--------+--------+-----------------+
 *                                | type u8| code u8|  data u16 (MTU) |
 *                                +--------+--------+-----------------+
 * </pre>
 *
 * <p>One buffer flag: {@link #LOCALLY_ORIGINATED} (VPP's {@code VNET_BUFFER_F_LOCALLY_ORIGINATED}),
 * set by the nodes that make a packet here (echo replies, ICMP errors, ping's requests) so that
 * ip4-rewrite sends it with the TTL it was given rather than forwarding it. ip4-rewrite clears
 * it, and ip4-input clears one a reused buffer still carries, since allocation keeps flags.
 */
public final class Ip4BufferFields {

    /** The buffer flag of a packet this host made: ip4-rewrite leaves its TTL alone. */
    public static final int LOCALLY_ORIGINATED = BufferFlags.feature(0);

    /** The opaque word of the adjacency index. */
    public static final int ADJ_INDEX_WORD = 1;
    /** The opaque word of the flow hash. */
    public static final int FLOW_HASH_WORD = 2;
    /** The opaque word of the ICMP error to send. */
    public static final int ICMP_ERROR_WORD = 3;

    private Ip4BufferFields() {
    }

    /** The adjacency ip4-lookup chose for {@code bi}. */
    public static int adjIndex(Buffers buffers, int bi) {
        return buffers.opaque(bi, ADJ_INDEX_WORD);
    }

    /** Records the adjacency of {@code bi}. */
    public static void setAdjIndex(Buffers buffers, int bi, int adj) {
        buffers.setOpaque(bi, ADJ_INDEX_WORD, adj);
    }

    /** The flow hash of {@code bi}. */
    public static int flowHash(Buffers buffers, int bi) {
        return buffers.opaque(bi, FLOW_HASH_WORD);
    }

    /** Records the flow hash of {@code bi}. */
    public static void setFlowHash(Buffers buffers, int bi, int hash) {
        buffers.setOpaque(bi, FLOW_HASH_WORD, hash);
    }

    /** Asks ip4-icmp-error to answer {@code bi} with ICMP {@code type}/{@code code} and {@code data}. */
    public static void setIcmpError(Buffers buffers, int bi, int type, int code, int data) {
        buffers.setOpaque(bi, ICMP_ERROR_WORD, (type << 24) | (code << 16) | (data & 0xffff));
    }

    /** The ICMP type ip4-icmp-error is to send for {@code bi}. */
    public static int icmpType(Buffers buffers, int bi) {
        return buffers.opaque(bi, ICMP_ERROR_WORD) >>> 24;
    }

    /** The ICMP code ip4-icmp-error is to send for {@code bi}. */
    public static int icmpCode(Buffers buffers, int bi) {
        return (buffers.opaque(bi, ICMP_ERROR_WORD) >>> 16) & 0xff;
    }

    /** The data word (next-hop MTU for frag-needed) ip4-icmp-error is to send for {@code bi}. */
    public static int icmpData(Buffers buffers, int bi) {
        return buffers.opaque(bi, ICMP_ERROR_WORD) & 0xffff;
    }
}
