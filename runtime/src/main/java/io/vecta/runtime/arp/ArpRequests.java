package io.vecta.runtime.arp;

import io.vecta.runtime.ethernet.EthernetRewrite;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.packet.Arp;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip4Prefix;
import io.vecta.sdk.packet.MacAddress;
import java.lang.foreign.MemorySegment;

/**
 * ARP requests the runtime sends to resolve a neighbour (what VPP's {@code ip4-arp} and
 * {@code ip4-glean} nodes send): broadcast, from the interface's MAC and from its address in the
 * subnet of the target, tagged when the interface is a sub-interface. The caller gives a
 * buffer and sends it to {@code interface-output}; the buffer's tx interface is set.
 */
public final class ArpRequests {

    private ArpRequests() {
    }

    /**
     * Writes into {@code bi} the request of {@code iface} for {@code targetIp}, from
     * {@code sourceIp}; the buffer's data is replaced.
     */
    public static void write(Buffers buffers, int bi, SwInterface iface, int sourceIp, int targetIp) {
        buffers.setCurrentData(bi, 0);
        buffers.setCurrentLength(bi, Arp.LENGTH);
        MemorySegment m = buffers.memory();
        long arp = buffers.dataOffset(bi);
        Arp.setHardwareType(m, arp, Arp.HARDWARE_TYPE_ETHERNET);
        Arp.setProtocolType(m, arp, Ethernet.ETHER_TYPE_IP4);
        Arp.setHardwareSize(m, arp, MacAddress.LENGTH);
        Arp.setProtocolSize(m, arp, Ip4Address.LENGTH);
        Arp.setOpcode(m, arp, Arp.OPCODE_REQUEST);
        Arp.setSenderMac(m, arp, iface.mac());
        Arp.setSenderIp(m, arp, sourceIp);
        Arp.setTargetMac(m, arp, 0);
        Arp.setTargetIp(m, arp, targetIp);
        EthernetRewrite.prepend(buffers, bi, iface, Ethernet.BROADCAST, Ethernet.ETHER_TYPE_ARP);
        buffers.setTxSwIfIndex(bi, iface.swIfIndex());
    }

    /**
     * Writes into {@code bi} the request of {@code iface} for {@code targetIp}, from the
     * interface's address whose subnet holds the target.
     *
     * @throws InterfaceException if no address of {@code iface} has the target in its subnet
     */
    public static void write(Buffers buffers, int bi, SwInterface iface, Ip4InterfaceAddresses addresses,
                             int targetIp) {
        Ip4Prefix source = addresses.matching(iface.swIfIndex(), targetIp);
        if (source == null) {
            throw new InterfaceException("cannot ARP for " + Ip4Address.format(targetIp) + " on " + iface.name()
                    + ": no address of the interface has it in its subnet (" + addresses.of(iface) + ")");
        }
        write(buffers, bi, iface, source.address(), targetIp);
    }
}
