/**
 * Packet header views: static accessors that read and write protocol headers in place, in
 * the style of jextract's struct accessors.
 *
 * <p>A header is named by the memory that holds it and the byte offset of its first byte,
 * the pair a buffer hands out for its current data. There is no header object: a node reads
 * {@code Ip4.ttl(m, off)}, writes {@code Ip4.setTtl(m, off, 63)} and moves on, so per-packet
 * code allocates nothing. Each class draws its header in its Javadoc, RFC style, with the
 * named offset constants beside the diagram:
 *
 * <ul>
 *   <li>{@link io.vecta.sdk.packet.Ethernet} (with the EtherType constants),
 *       {@link io.vecta.sdk.packet.Vlan} (802.1Q / 802.1ad tags), {@link io.vecta.sdk.packet.Arp};
 *   <li>{@link io.vecta.sdk.packet.Ip4}, {@link io.vecta.sdk.packet.Ip6},
 *       {@link io.vecta.sdk.packet.IpProtocol} (protocol and next-header numbers);
 *   <li>{@link io.vecta.sdk.packet.Icmp} (ICMP and ICMPv6), {@link io.vecta.sdk.packet.Udp},
 *       {@link io.vecta.sdk.packet.Tcp}.
 * </ul>
 *
 * <p>Conventions shared by every view:
 * <ul>
 *   <li>Fields are in network byte order; the views convert through static final big-endian
 *       unaligned layouts, so offsets need no alignment.
 *   <li>Unsigned fields come back unsigned: {@code int} for 8- and 16-bit fields, {@code long}
 *       for 32-bit counters (TCP sequence numbers). Addresses keep their wire bytes: IPv4 in an
 *       {@code int}, a MAC in the low 48 bits of a {@code long}, IPv6 in two {@code long}s
 *       ({@code hi}, {@code lo}) or a 16-byte array.
 *   <li>Setters check that a value fits its field and throw {@link java.lang.IllegalArgumentException}
 *       naming the field otherwise, so a bit-field never spills into its neighbour.
 *   <li>Reads trust the packet: a length field is not validated against the buffer. An access
 *       outside the segment throws {@link java.lang.IndexOutOfBoundsException} from the memory
 *       API; input nodes check lengths before they rely on them.
 * </ul>
 *
 * <p>{@link io.vecta.sdk.packet.Checksum} holds the Internet checksum, the pseudo-header sums
 * and the incremental update of RFC 1624; the header classes use it for their
 * {@code computeChecksum}/{@code isChecksumValid} methods and
 * {@link io.vecta.sdk.packet.Ip4#decrementTtl}. {@link io.vecta.sdk.packet.MacAddress},
 * {@link io.vecta.sdk.packet.Ip4Address} and {@link io.vecta.sdk.packet.Ip6Address} format and
 * parse addresses for trace output and configuration; {@link io.vecta.sdk.packet.Ip4Prefix} and
 * {@link io.vecta.sdk.packet.Ip6Prefix} pair an address with a prefix length ({@code 10.0.0.1/24}).
 * {@link io.vecta.sdk.packet.PacketBuilder}
 * builds whole frames for tests, good or deliberately bad.
 *
 * <p>{@link io.vecta.sdk.packet.DecodedPacket} is the reading half: it decodes a frame's bytes
 * into immutable {@link io.vecta.sdk.packet.Layer} records ({@code EthernetLayer},
 * {@code VlanLayer}, {@code ArpLayer}, {@code Ip4Layer}, {@code Ip6Layer},
 * {@code Ip6ExtensionLayer}, {@code IcmpLayer}, {@code UdpLayer}, {@code TcpLayer},
 * {@code RawLayer}, {@code PaddingLayer}, {@code TruncatedLayer}), each with its fields, its
 * {@link io.vecta.sdk.packet.ChecksumCheck} and {@link io.vecta.sdk.packet.LengthCheck}, and
 * prints them on one line ({@code summary()}) or field by field ({@code show()}).
 * {@link io.vecta.sdk.packet.VppHeaderFormat} prints decoded headers in VPP's packet-trace
 * layout. Decoding allocates and serves tests and traces, never the per-packet path.
 *
 * <p>Everything here is stateless and safe to call from any thread; the memory being read or
 * written belongs to whoever owns the buffer.
 */
package io.vecta.sdk.packet;
