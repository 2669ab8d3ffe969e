package io.vecta.runtime.show;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.neighbor.Ip4Neighbor;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import java.util.List;

/**
 * {@code show ip neighbors} in VPP's layout: seconds since the entry was last set or
 * confirmed, the address, its flags ({@code S} static, {@code D} dynamic), the MAC address and
 * the interface.
 *
 * <pre>
 *      Age                       IP                    Flags      Ethernet              Interface
 *       2.0943                10.0.1.2                   S    02:00:00:00:01:02 pg1
 * </pre>
 */
public final class ShowIpNeighbors {

    private static final double NANOS_PER_SECOND = 1e9;

    private ShowIpNeighbors() {
    }

    /** The rows of {@code neighbors}, their age taken at {@code nowNanos}. */
    public static String format(List<Ip4Neighbor> neighbors, InterfaceTable table, long nowNanos) {
        StringBuilder text = new StringBuilder();
        text.append(Columns.center("Age", 12)).append(Columns.center("IP", 40)).append(Columns.center("Flags", 6))
                .append(Columns.center("Ethernet", 20)).append(Columns.center("Interface", 24)).append('\n');
        for (Ip4Neighbor n : neighbors) {
            double age = Math.max(0, nowNanos - n.updatedNanos()) / NANOS_PER_SECOND;
            text.append(Columns.right(Columns.fixed(age, 4), 12))
                    .append(Columns.center(Ip4Address.format(n.ip()), 40))
                    .append(Columns.center(n.isStatic() ? "S" : "D", 6))
                    .append(Columns.center(MacAddress.format(n.mac()), 20))
                    .append(table.nameOf(n.swIfIndex())).append('\n');
        }
        return text.toString();
    }
}
