package io.vecta.sdk.packet;

import java.util.List;

/**
 * An IPv6 extension header (hop-by-hop, routing, fragment, destination options, AH), kept
 * opaque: its type, the next header it names, and its bytes.
 *
 * @param type       the {@link IpProtocol} number that announced it
 * @param nextHeader the {@link IpProtocol} of what follows it
 * @param bytes      the whole extension header, its first two bytes included
 */
public record Ip6ExtensionLayer(int type, int nextHeader, Bytes bytes) implements Layer {

    /** The extension header's length in bytes. */
    public int length() {
        return bytes.length();
    }

    @Override
    public String title() {
        return "IPv6 extension " + IpProtocol.name(type);
    }

    @Override
    public String summary() {
        return "IPv6Ext " + IpProtocol.name(type) + " " + length();
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("type", type + " (" + IpProtocol.name(type) + ")"),
                new Field("nh", nextHeader + " (" + IpProtocol.name(nextHeader) + ")"),
                new Field("len", length() + " bytes"),
                new Field("data", bytes.toHex()));
    }

    @Override
    public boolean isValid() {
        return true;
    }
}
