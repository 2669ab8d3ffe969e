package io.vecta.sdk.packet;

import java.util.List;

/**
 * An 802.1Q (C-tag) or 802.1ad (S-tag) VLAN tag; stacked tags are consecutive layers, outer
 * first.
 *
 * @param tpid      the tag protocol identifier that announced the tag (0x8100 or 0x88a8)
 * @param pcp       priority code point, 0..7
 * @param dei       drop eligible indicator
 * @param vid       VLAN identifier, 0..4095
 * @param etherType the EtherType after the tag (the next tag's TPID when stacked)
 */
public record VlanLayer(int tpid, int pcp, boolean dei, int vid, int etherType) implements Layer {

    /** True for an 802.1ad service tag, false for an 802.1Q customer tag. */
    public boolean isServiceTag() {
        return tpid == Ethernet.ETHER_TYPE_QINQ;
    }

    @Override
    public String title() {
        return isServiceTag() ? "802.1ad" : "802.1Q";
    }

    @Override
    public String summary() {
        return title() + " vlan " + vid + (pcp != 0 ? " prio " + pcp : "") + (dei ? " dei" : "");
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("tpid", LayerText.etherType(tpid)), new Field("prio", Integer.toString(pcp)),
                new Field("dei", dei ? "1" : "0"), new Field("vlan", Integer.toString(vid)),
                new Field("type", LayerText.etherType(etherType)));
    }

    @Override
    public boolean isValid() {
        return true;
    }
}
