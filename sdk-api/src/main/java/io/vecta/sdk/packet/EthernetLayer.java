package io.vecta.sdk.packet;

import java.util.List;

/**
 * An Ethernet II header.
 *
 * @param dst       destination MAC address (as in {@link MacAddress})
 * @param src       source MAC address
 * @param etherType the EtherType field: the network layer's, or the TPID of the first VLAN tag
 */
public record EthernetLayer(long dst, long src, int etherType) implements Layer {

    @Override
    public String title() {
        return "Ethernet";
    }

    @Override
    public String summary() {
        return "Ether";
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("dst", MacAddress.format(dst)), new Field("src", MacAddress.format(src)),
                new Field("type", LayerText.etherType(etherType)));
    }

    @Override
    public boolean isValid() {
        return true;
    }
}
