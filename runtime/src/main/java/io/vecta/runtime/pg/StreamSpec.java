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

    /** {@code UDP: 1234 -> 2345} or {@code TCP: 1234 -> 2345}. */
    public record PortsHeader(int protocol, FieldRange src, FieldRange dst) implements Header {
    }

    /** {@code ICMP echo_request}. */
    public record IcmpHeader(int type) implements Header {
    }
}
