package io.vecta.testkit;

import io.vecta.sdk.packet.Arp;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip6Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.sdk.packet.PacketBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Packets for tests, layer by layer as scapy stacks them
 * ({@code Ether()/Dot1Q()/IP()/UDP()/Raw()}), with addresses written as text. Every pair is
 * source first, as VPP writes {@code a -> b}:
 *
 * <pre>{@code
 * byte[] p = Packets.ethernet("02:01:00:00:00:01", "02:fe:00:00:00:01")
 *         .vlan(100).ip4("10.0.0.1", "10.0.1.1").ttl(5).udp(1234, 80).payload(18).build();
 * List<byte[]> five = Packets.ethernet(src, dst).ip6("2001:db8::1", "2001:db8::2").icmpEcho(1, 1).times(5);
 * }</pre>
 *
 * Lengths, EtherTypes, protocols and checksums are filled in from what is stacked, unless a
 * test sets them wrong on purpose through {@link #builder()}.
 */
public final class Packets {

    private final PacketBuilder builder;
    private boolean ip6;

    private Packets(PacketBuilder builder) {
        this.builder = builder;
    }

    /** An Ethernet frame from {@code src} to {@code dst}. */
    public static Packets ethernet(String src, String dst) {
        return new Packets(PacketBuilder.ethernet(MacAddress.parse(dst), MacAddress.parse(src)));
    }

    /** An 802.1Q tag with VLAN id {@code vid}. */
    public Packets vlan(int vid) {
        builder.vlan(Ethernet.ETHER_TYPE_VLAN, 0, false, vid);
        return this;
    }

    /** An ARP request: who has {@code targetIp}? tell {@code senderIp} at {@code senderMac}. */
    public Packets arpRequest(String senderMac, String senderIp, String targetIp) {
        builder.arp(Arp.OPCODE_REQUEST, MacAddress.parse(senderMac), Ip4Address.parse(senderIp), 0,
                Ip4Address.parse(targetIp));
        return this;
    }

    /** An ARP reply: {@code senderIp} is at {@code senderMac}, to {@code targetMac}/{@code targetIp}. */
    public Packets arpReply(String senderMac, String senderIp, String targetMac, String targetIp) {
        builder.arp(Arp.OPCODE_REPLY, MacAddress.parse(senderMac), Ip4Address.parse(senderIp),
                MacAddress.parse(targetMac), Ip4Address.parse(targetIp));
        return this;
    }

    /** An IPv4 header from {@code src} to {@code dst}, TTL 64. */
    public Packets ip4(String src, String dst) {
        builder.ip4(Ip4Address.parse(src), Ip4Address.parse(dst));
        return this;
    }

    /** An IPv6 header from {@code src} to {@code dst}, hop limit 64. */
    public Packets ip6(String src, String dst) {
        builder.ip6(Ip6Address.parse(src), Ip6Address.parse(dst));
        ip6 = true;
        return this;
    }

    /** The IPv4 TTL. */
    public Packets ttl(int ttl) {
        builder.ttl(ttl);
        return this;
    }

    /** The IPv6 hop limit. */
    public Packets hopLimit(int hopLimit) {
        builder.hopLimit(hopLimit);
        return this;
    }

    /** The IPv4 type of service byte. */
    public Packets tos(int tos) {
        builder.tos(tos);
        return this;
    }

    /** An ICMP (or, over IPv6, ICMPv6) echo request. */
    public Packets icmpEcho(int id, int sequence) {
        builder.icmpEcho(ip6 ? Icmp.TYPE6_ECHO_REQUEST : Icmp.TYPE_ECHO_REQUEST, id, sequence);
        return this;
    }

    /** A UDP header from port {@code src} to port {@code dst}. */
    public Packets udp(int src, int dst) {
        builder.udp(src, dst);
        return this;
    }

    /** A TCP header from port {@code src} to port {@code dst}, with {@code flags} (SYN is 0x02). */
    public Packets tcp(int src, int dst, int flags) {
        builder.tcp(src, dst).tcpFlags(flags);
        return this;
    }

    /** {@code length} payload bytes counting up from 0, as VPP's pg {@code incrementing} writes them. */
    public Packets payload(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        builder.payload(bytes);
        return this;
    }

    /** The payload {@code bytes}. */
    public Packets payload(byte[] bytes) {
        builder.payload(bytes);
        return this;
    }

    /** The payload {@code text}, in ASCII. */
    public Packets payload(String text) {
        builder.payload(text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Pads the frame with zeros to {@code frameLength} bytes. */
    public Packets padTo(int frameLength) {
        builder.padTo(frameLength);
        return this;
    }

    /** The underlying builder, to set any field, also wrongly, on purpose. */
    public PacketBuilder builder() {
        return builder;
    }

    /** The frame's bytes. */
    public byte[] build() {
        return builder.build();
    }

    /** {@code count} copies of the frame. */
    public List<byte[]> times(int count) {
        byte[] frame = build();
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(frame.clone());
        }
        return frames;
    }

    /** {@code count} frames, the {@code i}-th made by {@code make.apply(i)}: a flow per packet, a size per packet. */
    public static List<byte[]> each(int count, IntFunction<Packets> make) {
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(make.apply(i).build());
        }
        return frames;
    }
}
