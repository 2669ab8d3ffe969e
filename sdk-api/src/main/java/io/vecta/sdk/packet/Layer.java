package io.vecta.sdk.packet;

import java.util.List;

/**
 * One layer of a {@link DecodedPacket}: an immutable record of the header's fields as typed
 * values, which prints itself for {@link DecodedPacket#summary} and {@link DecodedPacket#show}.
 */
public sealed interface Layer permits EthernetLayer, VlanLayer, ArpLayer, Ip4Layer, Ip6Layer, Ip6ExtensionLayer,
        IcmpLayer, UdpLayer, TcpLayer, RawLayer, PaddingLayer, TruncatedLayer {

    /** The layer's title in {@code show()}: {@code Ethernet}, {@code IPv4}, {@code UDP}, ... */
    String title();

    /** The layer's part of the one-line summary: {@code IPv4 192.0.2.1 > 192.0.2.2}. */
    String summary();

    /** Every field, in wire order, as {@code show()} prints it. */
    List<Field> fields();

    /** True when the layer's checksum (if it has one) and its length fields are correct. */
    boolean isValid();

    /** A field's name and its printed value. */
    record Field(String name, String value) {
    }
}
