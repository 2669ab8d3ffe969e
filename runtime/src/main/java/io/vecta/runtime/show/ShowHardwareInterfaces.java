package io.vecta.runtime.show;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.packet.MacAddress;
import java.util.List;

/**
 * {@code show hardware-interfaces [brief]} in VPP's layout: a row per hardware interface with
 * its name, {@code hw_if_index}, link state and device name, then its link speed and, unless
 * brief, what its device says of it: {@code local} for local0, the Ethernet address of the
 * others.
 *
 * <pre>
 *               Name                Idx   Link  Hardware
 * local0                             0    down  local0
 *   Link speed: unknown
 *   local
 * pg0                                1     up   pg0
 *   Link speed: unknown
 *   Ethernet address 02:fe:00:00:00:00
 * </pre>
 */
public final class ShowHardwareInterfaces {

    private ShowHardwareInterfaces() {
    }

    /** The table of {@code interfaces}, all hardware interfaces. */
    public static String format(List<SwInterface> interfaces, boolean brief) {
        StringBuilder text = new StringBuilder();
        text.append(Columns.center("Name", 32)).append(Columns.center("Idx", 6)).append(Columns.center("Link", 8))
                .append("Hardware\n");
        for (SwInterface iface : interfaces) {
            text.append(Columns.left(iface.name(), 32)).append(Columns.center(iface.hwIfIndex(), 6))
                    .append(Columns.center(iface.isLinkUp() ? "up" : "down", 8)).append(iface.name()).append('\n');
            text.append("  Link speed: unknown\n");
            if (brief) {
                continue;
            }
            if (iface.swIfIndex() == InterfaceTable.LOCAL0) {
                text.append("  local\n");
            } else {
                text.append("  Ethernet address ").append(MacAddress.format(iface.mac())).append('\n');
            }
        }
        return text.toString();
    }
}
