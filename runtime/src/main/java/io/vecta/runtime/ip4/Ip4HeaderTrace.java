package io.vecta.runtime.ip4;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.VppHeaderFormat;

/**
 * A trace record of the IPv4 nodes: an optional first line of the node's own (ip4-lookup's
 * {@code fib 0 dpo-idx 4 flow hash: 0x00000000}) and then the packet's IPv4 header and the header
 * after it, as VPP's {@code format_ip4_header} prints them.
 *
 * @param line   the node's line, or empty
 * @param header the first bytes of the packet from its IPv4 header
 */
public record Ip4HeaderTrace(String line, byte[] header) {

    /** How many bytes of the packet a record keeps: the IPv4 header and the next one, with room. */
    static final int KEPT_BYTES = 64;

    /** The record of {@code bi}, whose current data is its IPv4 header. */
    static Ip4HeaderTrace of(String line, Buffers buffers, int bi) {
        byte[] head = new byte[Math.min(KEPT_BYTES, buffers.currentLength(bi))];
        buffers.copyOut(bi, 0, head, 0, head.length);
        return new Ip4HeaderTrace(line, head);
    }

    /** {@code show trace}'s lines. */
    public String format() {
        String headers = VppHeaderFormat.format(DecodedPacket.decode(header, DecodedPacket.Start.IP4)).text();
        return line.isEmpty() ? headers : line + "\n" + headers;
    }
}
