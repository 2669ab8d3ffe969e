package io.vecta.runtime.afpacket;

import io.vecta.nativeio.afpacket.RxRing;
import io.vecta.nativeio.afpacket.TxRing;
import io.vecta.runtime.interfaces.SwInterface;

/**
 * One host interface as the dataplane sees it: its receive ring, polled by {@code af-packet-input}
 * on one thread, and one transmit ring per dispatch thread, so that {@code af-packet-tx} sends
 * without a lock on whichever thread the packet is (VPP shares one ring and takes a spinlock).
 *
 * @param hostName    the kernel interface, e.g. {@code veth1}
 * @param iface       the Vecta interface, {@code host-veth1}
 * @param rx          the receive ring
 * @param tx          transmit rings, by thread index
 * @param rxThread    the thread whose {@code af-packet-input} polls {@code rx}
 * @param next        {@code af-packet-input}'s next index for the frames received
 * @param nextNode    the name of that next node
 * @param rxQueue     how {@code rx} is read: its rx mode
 */
public record AfPacketPort(String hostName, SwInterface iface, RxRing rx, TxRing[] tx, int rxThread, int next,
                           String nextNode, AfPacketRxQueue rxQueue) {

    /** Closes every ring; the port must be unpublished first. */
    void close() {
        RuntimeException failed = null;
        try {
            rx.close();
        } catch (RuntimeException e) {
            failed = e;
        }
        for (TxRing ring : tx) {
            try {
                ring.close();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
