package io.vecta.runtime.pg;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.VppHeaderFormat;
import java.util.HexFormat;

/**
 * What {@code pg-input} records of a traced packet, as VPP's pg-input trace does: the stream,
 * the packet's length, and its headers in the layout of VPP's header formats, printed by
 * {@link VppHeaderFormat}, then the kept bytes after them in hex:
 *
 * <pre>
 * stream v6, 64 bytes
 * IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a
 * UDP: 2001:db8::1 -> 2001:db8::2
 *   tos 0x00, flow label 0x0, hop limit 64, payload length 10
 * UDP: 1234 -> 2345
 *   length 10, checksum 0x1a2b
 * 00 01
 * </pre>
 *
 * Only the head is kept, and only of traced packets; it is decoded when the trace is shown.
 *
 * @param stream the stream that made the packet
 * @param length the packet's length in bytes
 * @param start  the header the packet starts with
 * @param head   the first bytes of the packet, up to {@link #HEAD_BYTES}
 */
public record PgTrace(String stream, int length, Start start, byte[] head) {

    /** Bytes of the packet the trace keeps: Ethernet, IPv6 and a TCP header with room to spare. */
    public static final int HEAD_BYTES = 96;

    private static final HexFormat SPACED_HEX = HexFormat.ofDelimiter(" ");

    /** The header a stream's packets start with. */
    public enum Start {
        /** An Ethernet header: {@code data} starting with {@code IP4: mac -> mac}, and pcap replay. */
        ETHERNET,
        /** An IPv4 header, for {@code ip4-input}. */
        IP4,
        /** An IPv6 header, for {@code ip6-input}. */
        IP6,
        /** Payload bytes alone. */
        RAW
    }

    /** Copies the head. */
    public PgTrace {
        head = head.clone();
    }

    /** The trace of buffer {@code bi}, made by {@code stream}. */
    static PgTrace of(PgStream stream, Buffers buffers, int bi) {
        int length = buffers.currentLength(bi);
        byte[] head = new byte[Math.min(HEAD_BYTES, length)];
        buffers.copyOut(bi, 0, head, 0, head.length);
        return new PgTrace(stream.name(), length, stream.traceStart(), head);
    }

    /** {@code show trace}'s lines. */
    public String format() {
        StringBuilder out = new StringBuilder("stream ").append(stream).append(", ").append(length).append(" bytes");
        DecodedPacket.Start decodeFrom = switch (start) {
            case ETHERNET -> DecodedPacket.Start.ETHERNET;
            case IP4 -> DecodedPacket.Start.IP4;
            case IP6 -> DecodedPacket.Start.IP6;
            case RAW -> null;
        };
        int formatted = 0;
        if (decodeFrom != null) {
            VppHeaderFormat.Headers headers = VppHeaderFormat.format(DecodedPacket.decode(head, decodeFrom));
            out.append('\n').append(headers.text());
            formatted = headers.length();
        }
        if (formatted < head.length) {
            out.append('\n').append(SPACED_HEX.formatHex(head, formatted, head.length));
        }
        return out.toString();
    }
}
