package io.vecta.runtime.ip;

import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.packet.Ip4Prefix;

/**
 * Told when an interface gains or loses an IPv4 address: the FIB's hook to add and remove the
 * address's connected prefix and its receive /32 (VPP's {@code ip4_add_del_interface_address}
 * callbacks). Called on the main thread, with the workers stopped, after the change.
 */
public interface Ip4AddressListener {

    /** {@code iface} now has {@code address} (host bits kept: {@code 10.0.0.1/24}). */
    void added(SwInterface iface, Ip4Prefix address);

    /** {@code iface} no longer has {@code address}; also called for each address of a deleted interface. */
    void removed(SwInterface iface, Ip4Prefix address);
}
