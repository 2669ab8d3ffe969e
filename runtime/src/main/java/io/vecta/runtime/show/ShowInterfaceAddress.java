package io.vecta.runtime.show;

import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.List;

/**
 * {@code show interface address} in VPP's layout: each interface with its admin state, then
 * one line per address.
 *
 * <pre>
 * local0 (dn):
 * pg0 (up):
 *   L3 10.0.0.1/24
 * </pre>
 */
public final class ShowInterfaceAddress {

    private ShowInterfaceAddress() {
    }

    /** The addresses of {@code interfaces}. */
    public static String format(List<SwInterface> interfaces, Ip4InterfaceAddresses addresses) {
        StringBuilder text = new StringBuilder();
        for (SwInterface iface : interfaces) {
            text.append(iface.name()).append(iface.isAdminUp() ? " (up):" : " (dn):").append('\n');
            for (Ip4Prefix address : addresses.of(iface)) {
                text.append("  L3 ").append(address).append('\n');
            }
        }
        return text.toString();
    }
}
