package io.vecta.sdk.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A frame's bytes decoded into layers, outermost first: the reading half of the test kit
 * whose writing half is {@link PacketBuilder}. Tests assert on what a node sent and print it
 * when they fail.
 *
 * <pre>{@code
 * DecodedPacket packet = DecodedPacket.decode(frame);
 * assertThat(packet.ip4().ttl()).isEqualTo(63);
 * assertThat(packet.udp().dstPort()).isEqualTo(30000);
 * assertThat(packet.isValid()).as(packet.show()).isTrue();
 * packet.summary();  // Ether / IPv4 192.0.2.1 > 192.0.2.2 / UDP 40000 > 30000 / Raw 18
 * }</pre>
 *
 * <p>Decoded layers: {@link EthernetLayer}, any number of {@link VlanLayer} tags (802.1Q and
 * 802.1ad), then {@link ArpLayer}, {@link Ip4Layer} (options kept as bytes) or {@link Ip6Layer}
 * (extension headers as opaque {@link Ip6ExtensionLayer}s), then {@link IcmpLayer} (ICMP and
 * ICMPv6), {@link UdpLayer} or {@link TcpLayer} (options kept as bytes), then the payload as
 * {@link RawLayer}, the frame's bytes after the packet as {@link PaddingLayer}. Anything not
 * understood (another EtherType or protocol, a later fragment) is payload.
 *
 * <p>Decoding never throws on the packet's content. Each layer checks its own checksum
 * (IPv4 header; ICMP; ICMPv6, UDP and TCP with the pseudo-header; a zero UDP checksum over
 * IPv4 means none) and its length fields against each other and the bytes present; a packet
 * whose bytes stop early decodes as far as they go and ends with a {@link TruncatedLayer}.
 *
 * <p>Not for the per-packet path: decoding copies and allocates, for clarity.
 */
public final class DecodedPacket {

    /** What the first byte of the decoded bytes is: a frame, or a buffer's IP header. */
    public enum Start { ETHERNET, IP4, IP6 }

    private static final int FIELD_NAME_WIDTH = 10;

    private final int length;
    private final List<Layer> layers;

    private DecodedPacket(int length, List<Layer> layers) {
        this.length = length;
        this.layers = layers;
    }

    /** Decodes an Ethernet frame. */
    public static DecodedPacket decode(byte[] frame) {
        return decode(frame, Start.ETHERNET);
    }

    /** Decodes bytes that start with the header {@code start} names. */
    public static DecodedPacket decode(byte[] bytes, Start start) {
        return new DecodedPacket(bytes.length, PacketDecoder.decode(bytes, start));
    }

    /** The number of bytes decoded. */
    public int length() {
        return length;
    }

    /** The layers, outermost first (unmodifiable). */
    public List<Layer> layers() {
        return layers;
    }

    /** The first layer of {@code type}, if any. */
    public <T extends Layer> Optional<T> find(Class<T> type) {
        for (Layer layer : layers) {
            if (type.isInstance(layer)) {
                return Optional.of(type.cast(layer));
            }
        }
        return Optional.empty();
    }

    /**
     * The first layer of {@code type}.
     *
     * @throws NoSuchElementException naming the type and the layers the packet has
     */
    public <T extends Layer> T layer(Class<T> type) {
        return find(type).orElseThrow(() -> new NoSuchElementException(
                "decoded packet has no " + type.getSimpleName() + ": " + summary()));
    }

    /** Every layer of {@code type}, outermost first: the VLAN tags of a QinQ frame. */
    public <T extends Layer> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Layer layer : layers) {
            if (type.isInstance(layer)) {
                found.add(type.cast(layer));
            }
        }
        return found;
    }

    public boolean has(Class<? extends Layer> type) {
        return find(type).isPresent();
    }

    public EthernetLayer ethernet() {
        return layer(EthernetLayer.class);
    }

    /** The VLAN tags, outer first; empty for an untagged frame. */
    public List<VlanLayer> vlans() {
        return all(VlanLayer.class);
    }

    public ArpLayer arp() {
        return layer(ArpLayer.class);
    }

    public Ip4Layer ip4() {
        return layer(Ip4Layer.class);
    }

    public Ip6Layer ip6() {
        return layer(Ip6Layer.class);
    }

    public IcmpLayer icmp() {
        return layer(IcmpLayer.class);
    }

    public UdpLayer udp() {
        return layer(UdpLayer.class);
    }

    public TcpLayer tcp() {
        return layer(TcpLayer.class);
    }

    /** The payload after the last decoded header (a new array; empty when there is none). */
    public byte[] payload() {
        return find(RawLayer.class).map(raw -> raw.bytes().toArray()).orElseGet(() -> new byte[0]);
    }

    /** True when the bytes stopped before the headers or length fields said they would. */
    public boolean isTruncated() {
        return has(TruncatedLayer.class);
    }

    /** True when every layer's checksum and lengths are correct and nothing is truncated. */
    public boolean isValid() {
        return layers.stream().allMatch(Layer::isValid);
    }

    /** One line, scapy style: {@code Ether / IPv4 192.0.2.1 > 192.0.2.2 / UDP 40000 > 30000 / Raw 18}. */
    public String summary() {
        return layers.stream().map(Layer::summary).collect(Collectors.joining(" / "));
    }

    /**
     * Every field of every layer, one per line, scapy style, with checksums marked
     * {@code (correct)} or {@code (incorrect, should be 0x....)}:
     *
     * <pre>
     * ###[ IPv4 ]###
     *   version   = 4
     *   ...
     *   chksum    = 0xb6c5 (correct)
     * </pre>
     */
    public String show() {
        StringBuilder text = new StringBuilder();
        for (Layer layer : layers) {
            text.append("###[ ").append(layer.title()).append(" ]###\n");
            for (Layer.Field field : layer.fields()) {
                text.append("  ").append(field.name()).append(" ".repeat(Math.max(1, FIELD_NAME_WIDTH - field.name()
                        .length()))).append("= ").append(field.value()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
