package io.vecta.runtime.pg;

import io.vecta.runtime.pg.StreamSpec.EthernetHeader;
import io.vecta.runtime.pg.StreamSpec.Header;
import io.vecta.runtime.pg.StreamSpec.IcmpHeader;
import io.vecta.runtime.pg.StreamSpec.Ip4Header;
import io.vecta.runtime.pg.StreamSpec.Ip6Header;
import io.vecta.runtime.pg.StreamSpec.PortsHeader;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Ip6;
import io.vecta.sdk.packet.Ip6Address;
import io.vecta.sdk.packet.IpProtocol;
import io.vecta.sdk.packet.PacketBuilder;
import io.vecta.sdk.packet.Tcp;
import io.vecta.sdk.packet.Udp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The packets of a stream built once, when the stream is created: one complete frame per
 * frame length of its {@code size} range, written by {@link PacketBuilder} with every field at
 * the first value of its range and every length and checksum right, plus the
 * {@link FieldEdit}s that turn a copy of a template into packet {@code n}.
 *
 * <p>The payload ({@code incrementing}, {@code random}, {@code hex}) is repeated until the
 * frame is as long as its size asks; without a size the frame is the headers and the payload
 * as written. Data that starts at an IP header (for a stream to {@code ip4-input} or
 * {@code ip6-input}) has no Ethernet header and its size counts from the IP header; data without headers is its payload
 * bytes alone.
 *
 * @param frames  the template of each frame length, shortest first
 * @param edits   the fields that vary, in header order
 * @param layout  each header's size and offset, for {@code show packet-generator verbose}
 */
record PacketTemplates(byte[][] frames, FieldEdit[] edits, List<HeaderLayout> layout) {

    /** A header's place in the frame and the edit function VPP names for it. */
    record HeaderLayout(int size, int offset, String editFunction) {
    }

    /** The templates of {@code spec}, whose data is headers and payload. */
    static PacketTemplates of(StreamSpec spec) {
        List<Header> headers = spec.headers();
        boolean ethernet = !headers.isEmpty() && headers.getFirst() instanceof EthernetHeader;
        int strip = ethernet ? 0 : Ethernet.HEADER_LENGTH;
        boolean raw = headers.isEmpty();
        int headersLength = raw ? 0 : builder(spec, new byte[0]).length() - strip;
        int min = spec.minSize() == 0 ? headersLength + spec.payload().length : spec.minSize();
        int max = spec.minSize() == 0 ? min : spec.maxSize();
        if (min < headersLength) {
            throw new PgStreamException("size: stream '" + spec.name() + "' sends frames of " + min
                    + " bytes, too short for its " + headersLength + " bytes of headers");
        }
        byte[][] frames = new byte[max - min + 1][];
        for (int length = min; length <= max; length++) {
            byte[] payload = fill(spec.payload(), length - headersLength);
            byte[] frame = raw ? payload : builder(spec, payload).build();
            frames[length - min] = raw ? frame : Arrays.copyOfRange(frame, strip, frame.length);
        }
        List<FieldEdit> edits = new ArrayList<>();
        List<HeaderLayout> layout = new ArrayList<>();
        int offset = 0;
        for (Header header : headers) {
            switch (header) {
                case EthernetHeader e -> {
                    edit(edits, e.dst(), offset + Ethernet.DST_OFFSET, 6, FieldEdit.NONE, FieldEdit.NONE, false);
                    edit(edits, e.src(), offset + Ethernet.SRC_OFFSET, 6, FieldEdit.NONE, FieldEdit.NONE, false);
                    layout.add(new HeaderLayout(Ethernet.HEADER_LENGTH, offset, null));
                    offset += Ethernet.HEADER_LENGTH;
                }
                case Ip4Header ip -> {
                    int l4Checksum = switch (ip.protocol()) {
                        case IpProtocol.UDP -> offset + Ip4.MIN_HEADER_LENGTH + Udp.CHECKSUM_OFFSET;
                        case IpProtocol.TCP -> offset + Ip4.MIN_HEADER_LENGTH + Tcp.CHECKSUM_OFFSET;
                        default -> FieldEdit.NONE;
                    };
                    boolean hasL4 = headers.getLast() != header;
                    int ck = hasL4 ? l4Checksum : FieldEdit.NONE;
                    boolean udp = ip.protocol() == IpProtocol.UDP;
                    edit(edits, ip.src(), offset + Ip4.SRC_OFFSET, 4, offset + Ip4.CHECKSUM_OFFSET, ck, udp);
                    edit(edits, ip.dst(), offset + Ip4.DST_OFFSET, 4, offset + Ip4.CHECKSUM_OFFSET, ck, udp);
                    layout.add(new HeaderLayout(Ip4.MIN_HEADER_LENGTH, offset, null));
                    offset += Ip4.MIN_HEADER_LENGTH;
                }
                case Ip6Header ip -> {
                    int l4Checksum = switch (ip.protocol()) {
                        case IpProtocol.UDP -> offset + Ip6.HEADER_LENGTH + Udp.CHECKSUM_OFFSET;
                        case IpProtocol.TCP -> offset + Ip6.HEADER_LENGTH + Tcp.CHECKSUM_OFFSET;
                        case IpProtocol.ICMP6 -> offset + Ip6.HEADER_LENGTH + Icmp.CHECKSUM_OFFSET;
                        default -> FieldEdit.NONE;
                    };
                    int ck = headers.getLast() != header ? l4Checksum : FieldEdit.NONE;
                    boolean udp = ip.protocol() == IpProtocol.UDP;
                    // only the low 64 bits vary; the high half is in the template
                    edit(edits, ip.src().low(), offset + Ip6.SRC_OFFSET + 8, 8, FieldEdit.NONE, ck, udp);
                    edit(edits, ip.dst().low(), offset + Ip6.DST_OFFSET + 8, 8, FieldEdit.NONE, ck, udp);
                    layout.add(new HeaderLayout(Ip6.HEADER_LENGTH, offset, null));
                    offset += Ip6.HEADER_LENGTH;
                }
                case PortsHeader p -> {
                    boolean udp = p.protocol() == IpProtocol.UDP;
                    int ck = offset + (udp ? Udp.CHECKSUM_OFFSET : Tcp.CHECKSUM_OFFSET);
                    edit(edits, p.src(), offset, 2, FieldEdit.NONE, ck, udp);
                    edit(edits, p.dst(), offset + 2, 2, FieldEdit.NONE, ck, udp);
                    int size = udp ? Udp.HEADER_LENGTH : Tcp.MIN_HEADER_LENGTH;
                    layout.add(new HeaderLayout(size, offset, udp ? "udp_pg_edit_function" : "tcp_pg_edit_function"));
                    offset += size;
                }
                case IcmpHeader i -> {
                    layout.add(new HeaderLayout(Icmp.HEADER_LENGTH, offset, null));
                    offset += Icmp.HEADER_LENGTH;
                }
            }
        }
        int payloadSize = min - offset;
        if (payloadSize > 0) {
            layout.add(new HeaderLayout(payloadSize, offset, null));
        }
        return new PacketTemplates(frames, edits.toArray(FieldEdit[]::new), List.copyOf(layout));
    }

    /** One template per packet of a capture, sent in turn, nothing edited. */
    static PacketTemplates ofCapture(List<byte[]> packets) {
        return new PacketTemplates(packets.toArray(byte[][]::new), new FieldEdit[0], List.of());
    }

    private static void edit(List<FieldEdit> edits, FieldRange range, int offset, int width, int ip4Checksum,
            int l4Checksum, boolean udp) {
        if (range.varies()) {
            edits.add(new FieldEdit(offset, width, range, ip4Checksum, l4Checksum, udp));
        }
    }

    private static PacketBuilder builder(StreamSpec spec, byte[] payload) {
        List<Header> headers = spec.headers();
        PacketBuilder b = PacketBuilder.ethernet(0, 0);
        for (Header header : headers) {
            switch (header) {
                case EthernetHeader e -> b = PacketBuilder.ethernet(e.dst().lo(), e.src().lo()).etherType(e.etherType());
                case Ip4Header ip -> {
                    b.ip4((int) ip.src().lo(), (int) ip.dst().lo()).ttl(ip.ttl());
                    if (headers.getLast() == header) {
                        b.protocol(ip.protocol());
                    }
                }
                case Ip6Header ip -> {
                    b.ip6(Ip6Address.toBytes(ip.src().hi(), ip.src().low().lo()),
                            Ip6Address.toBytes(ip.dst().hi(), ip.dst().low().lo()))
                            .hopLimit(ip.hopLimit()).trafficClass(ip.trafficClass());
                    if (headers.getLast() == header) {
                        b.nextHeader(ip.protocol());
                    }
                }
                case PortsHeader p -> {
                    if (p.protocol() == IpProtocol.UDP) {
                        b.udp((int) p.src().lo(), (int) p.dst().lo());
                    } else {
                        b.tcp((int) p.src().lo(), (int) p.dst().lo()).window(65535);
                    }
                }
                case IcmpHeader i -> b.icmpEcho(i.type(), 0, 0);
            }
        }
        return b.payload(payload);
    }

    /** {@code length} bytes of {@code pattern} repeated; zeros when there is no pattern. */
    private static byte[] fill(byte[] pattern, int length) {
        byte[] out = new byte[length];
        if (pattern.length > 0) {
            for (int i = 0; i < length; i++) {
                out[i] = pattern[i % pattern.length];
            }
        }
        return out;
    }
}
