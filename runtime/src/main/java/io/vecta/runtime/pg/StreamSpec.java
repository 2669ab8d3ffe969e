package io.vecta.runtime.pg;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A stream as its text describes it, checked but not yet bound to a graph.
 *
 * @param name     the stream's name, unique among the streams
 * @param limit    packets to send before the stream disables itself; 0 for no limit
 * @param minSize  the frame length of the first packet; 0 to take the headers and payload as they are
 * @param maxSize  the frame length of the last size before the sizes start again
 * @param rate     packets per second; 0 for as fast as the graph takes them
 * @param node     the node the packets are given to
 * @param rxInterface the pg interface the packets arrive on ({@code interface pg0}), if any
 * @param txInterface the interface the packets are to leave by ({@code tx-interface pg1}), if any
 * @param headers  the headers of each packet, outermost first; empty for pcap replay
 * @param payload  the bytes after the headers, repeated to fill the frame length
 * @param pcap     a capture whose packets are sent in turn instead of headers and payload
 */
public record StreamSpec(String name, long limit, int minSize, int maxSize, double rate, String node,
                         Optional<String> rxInterface, Optional<String> txInterface, List<Header> headers, byte[] payload, Optional<Path> pcap) {

    /** Copies the lists. */
    public StreamSpec {
        headers = List.copyOf(headers);
        payload = payload.clone();
    }

    /** One header of the packets of a stream, as {@code data { ... }} writes it. */
    public sealed interface Header {
    }

    /** {@code IP4: 1.2.3 -> 4.5.6}: an Ethernet header; VPP writes the source first. */
    public record EthernetHeader(int etherType, FieldRange src, FieldRange dst) implements Header {
    }

    /** {@code UDP: 10.0.0.1 -> 10.0.0.2}: an IPv4 header carrying {@code protocol}. */
    public record Ip4Header(int protocol, FieldRange src, FieldRange dst, int ttl) implements Header {
    }

    /**
     * {@code UDP: 2001:db8::1 -> 2001:db8::2 hop-limit 5 traffic-class 0x10}: an IPv6 header carrying
     * {@code protocol} (VPP's {@code unformat_pg_ip6_header}); the flow label is 0.
     */
    public record Ip6Header(int protocol, Ip6Range src, Ip6Range dst, int hopLimit, int trafficClass)
            implements Header {
    }

    /**
     * An IPv6 address field: the high 64 bits are the same in every packet, the low 64 bits
     * ({@code 2001:db8::1 - 2001:db8::ff}) take their values as a {@link FieldRange} of unsigned
     * longs, so a range stays within one /64.
     *
     * @param hi  bits 127..64, fixed
     * @param low bits 63..0
     */
    public record Ip6Range(long hi, FieldRange low) {
    }

    /** {@code UDP: 1234 -> 2345} or {@code TCP: 1234 -> 2345}. */
    public record PortsHeader(int protocol, FieldRange src, FieldRange dst) implements Header {
    }

    /** {@code ICMP echo_request}: ICMP after IPv4, ICMPv6 after IPv6, with the type of its IP version. */
    public record IcmpHeader(int type) implements Header {
    }
}
