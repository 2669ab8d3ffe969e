package io.vecta.runtime.show;

import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import java.util.List;

/**
 * {@code show interface [IF ...]} in VPP's layout: a row per interface with its name, index,
 * state and MTUs, then one line per counter that is not zero, the first beside the interface's
 * row and the rest under it.
 *
 * <pre>
 *               Name               Idx    State  MTU (L3/IP4/IP6/MPLS)     Counter          Count
 * local0                            0     down          0/0/0/0
 * pg0                               1      up          9000/0/0/0     rx packets                     3
 *                                                                     rx bytes                     192
 * </pre>
 * The per-protocol MTUs are 0 when the protocol takes the L3 one, as VPP prints them; local0
 * has no MTU.
 */
public final class ShowInterface {

    private static final int ROW_WIDTH = 32 + 5 + 10 + 21;

    private ShowInterface() {
    }

    /** The table of {@code interfaces}, with the counters of {@code table}. */
    public static String format(InterfaceTable table, List<SwInterface> interfaces) {
        StringBuilder text = new StringBuilder();
        text.append(Columns.center("Name", 32)).append(Columns.center("Idx", 5)).append(Columns.center("State", 10))
                .append(Columns.center("MTU (L3/IP4/IP6/MPLS)", 21)).append(Columns.center("Counter", 16))
                .append(Columns.center("Count", 16)).append('\n');
        InterfaceCounters counters = table.counters();
        for (SwInterface iface : interfaces) {
            int mtu = iface.swIfIndex() == InterfaceTable.LOCAL0 ? 0 : iface.mtu();
            text.append(Columns.left(iface.name(), 32)).append(Columns.center(iface.swIfIndex(), 5))
                    .append(Columns.center(iface.isAdminUp() ? "up" : "down", 10))
                    .append(Columns.center(mtu + "/0/0/0", 21));
            boolean first = true;
            for (InterfaceCounters.Kind kind : InterfaceCounters.Kind.values()) {
                long value = counters.get(iface.swIfIndex(), kind);
                if (value == 0) {
                    continue;
                }
                if (!first) {
                    text.append(" ".repeat(ROW_WIDTH));
                }
                text.append(Columns.left(kind.label(), 16)).append(Columns.right(value, 16)).append('\n');
                first = false;
            }
            if (first) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
