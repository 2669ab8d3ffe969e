/**
 * The packet generator, FD.io VPP's {@code pg}: streams of packets written in VPP's stream
 * syntax and sent into the graph by the input node {@code pg-input}.
 *
 * <pre>
 *   packet-generator new { ... }  ──▶ StreamSpecReader (grammar PgStream.g4) ──▶ StreamSpec
 *                                 ──▶ PacketTemplates (PacketBuilder, once per frame size)
 *                                 ──▶ PgStream in the graph's PacketGenerator, next arc of pg-input
 *   pg-input, each main-thread turn: for each enabled stream, allocate up to a frame,
 *       copy templates, apply FieldEdits (incremental checksums), enqueue to the stream's node
 * </pre>
 *
 * <p>Headers are Ethernet, IPv4 or IPv6, then UDP, TCP or an ICMP/ICMPv6 echo, as VPP writes
 * them ({@code IP6: mac -> mac  UDP: 2001:db8::1 -> 2001:db8::2  UDP: 1234 -> 2345}); every
 * length and checksum (with the IPv4 or IPv6 pseudo-header) is right in every packet, whatever
 * its size and field values.
 *
 * <p>Streams are created disabled; {@code packet-generator enable-stream} starts them. A stream
 * with a limit disables itself when it has sent it. Streams that name a pg interface
 * ({@code interface pg0}, {@code source pg0}) are refused until interfaces exist.
 */
package io.vecta.runtime.pg;
