package io.vecta.runtime.ethernet;

import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Vlan;
import java.lang.foreign.MemorySegment;

/**
 * The Ethernet header a packet leaving by an interface carries (VPP's
 * {@code ethernet_build_rewrite}): destination, the interface's MAC as source, the 802.1Q tag
 * of a sub-interface, and the EtherType. Written into the headroom in front of the packet, so
 * the sub-interface's tag is in the frame before it reaches {@code interface-output}.
 *
 * <pre>
 *   hardware interface:  | dst (6) | src (6) | type (2) |                         14 bytes
 *   sub-interface:       | dst (6) | src (6) | 0x8100 | TCI: vlan | type (2) |    18 bytes
 * </pre>
 */
public final class EthernetRewrite {

    private EthernetRewrite() {
    }

    /** The length of the header {@code iface} sends with. */
    public static int length(SwInterface iface) {
        return iface.outerVlan() == SwInterface.NO_VLAN ? Ethernet.HEADER_LENGTH
                : Ethernet.HEADER_LENGTH + Vlan.TAG_LENGTH;
    }

    /**
     * Prepends the header of {@code iface} towards {@code dst} to {@code bi}, whose current data
     * is the L3 header, and moves the current data to the new header.
     *
     * @throws IllegalArgumentException if the headroom is too small (from {@link Buffers#advance})
     */
    public static void prepend(Buffers buffers, int bi, SwInterface iface, long dst, int etherType) {
        int length = length(iface);
        buffers.advance(bi, -length);
        MemorySegment m = buffers.memory();
        long at = buffers.dataOffset(bi);
        Ethernet.setDst(m, at, dst);
        Ethernet.setSrc(m, at, iface.mac());
        if (length == Ethernet.HEADER_LENGTH) {
            Ethernet.setEtherType(m, at, etherType);
        } else {
            Ethernet.setEtherType(m, at, Ethernet.ETHER_TYPE_VLAN);
            Vlan.setTci(m, at + Ethernet.HEADER_LENGTH, Vlan.tci(0, false, iface.outerVlan()));
            Vlan.setEtherType(m, at + Ethernet.HEADER_LENGTH, etherType);
        }
    }
}
