package io.vecta.runtime.fib;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code show ip fib [table ID] [PREFIX]} in VPP's layout. Without a prefix, each table's header
 * and then every prefix in address order with its forwarding chain:
 *
 * <pre>
 * ipv4-VRF:0, fib_index:0, flow hash:[src dst sport dport proto flowlabel ] epoch:0 flags:none locks:[adjacency:1, default-route:1, ]
 * 48.0.0.0/8
 *   unicast-ip4-chain
 *   [@0]: dpo-load-balance: [proto:ip4 index:17 buckets:1 uRPF:20 to:[0:0]]
 *     [0] [@5]: ipv4 via 10.0.1.2 pg1: mtu:9000 next:3 flags:[] 0200000001020200000000020800
 * </pre>
 *
 * With a prefix, the table's longest match for it in detail: each source with its paths, then
 * the forwarding chain. {@code [@n]} is the next node of ip4-lookup ({@link DpoKind#lookupNext});
 * the uRPF list is named by the path-list. Packet counters ({@code to:[packets:bytes]}) are 0
 * until the nodes count them.
 */
public final class ShowIpFib {

    private ShowIpFib() {
    }

    /** Every table with every prefix. */
    public static String format(Ip4Fib fib) {
        StringBuilder text = new StringBuilder();
        for (Ip4FibTable table : fib.tables()) {
            table(text, fib, table);
        }
        return text.toString();
    }

    /** Table {@code tableId} with every prefix. */
    public static String format(Ip4Fib fib, int tableId) {
        StringBuilder text = new StringBuilder();
        table(text, fib, fib.table(tableId));
        return text.toString();
    }

    private static void table(StringBuilder text, Ip4Fib fib, Ip4FibTable table) {
        header(text, table);
        for (Ip4Prefix prefix : new TreeSet<>(table.entries.keySet())) {
            FibEntry entry = table.entries.get(prefix);
            text.append(prefix).append('\n');
            forwarding(text, fib, entry, "  ");
        }
    }

    /** Table {@code tableId}'s longest match for {@code prefix}, in detail. */
    public static String format(Ip4Fib fib, int tableId, Ip4Prefix prefix) {
        Ip4FibTable table = fib.table(tableId);
        FibEntry entry = table.longestMatch(prefix.address(), prefix.length());
        StringBuilder text = new StringBuilder();
        header(text, table);
        text.append(entry.prefix).append(" fib:").append(table.fibIndex()).append(" index:").append(entry.index)
                .append(" locks:").append(entry.sources.size()).append('\n');
        FibSource best = entry.best();
        for (var source : entry.sources.entrySet()) {
            boolean active = source.getKey() == best;
            text.append("  ").append(source.getKey().label()).append(" refs:1 src-flags:added,")
                    .append(active ? "contributing,active," : "").append('\n');
            List<FibPath> paths = source.getValue();
            text.append("    path-list:[").append(entry.pathList).append("] locks:1 flags:")
                    .append(" uPRF-list:").append(entry.pathList).append(" len:").append(interfacesOf(paths).size())
                    .append(" itfs:[");
            for (int swIfIndex : interfacesOf(paths)) {
                text.append(swIfIndex).append(", ");
            }
            text.append("]\n");
            for (int i = 0; i < paths.size(); i++) {
                path(text, fib, entry, paths.get(i), active ? entry.firstPath + i : -1);
            }
        }
        text.append("\n forwarding:   ");
        forwarding(text, fib, entry, "");
        return text.toString();
    }

    /**
     * The table's header. Its locks are VPP's: the default route's, and one for the
     * neighbours while the table holds a neighbour's /32 (VPP locks a table once for its first
     * adj-fib and lets go with the last).
     */
    private static void header(StringBuilder text, Ip4FibTable table) {
        text.append("ipv4-VRF:").append(table.tableId()).append(", fib_index:").append(table.fibIndex())
                .append(", flow hash:[").append(Ip4FlowHash.format(table.flowHashConfig()))
                .append("] epoch:0 flags:none locks:[");
        if (table.entries.values().stream().anyMatch(entry -> entry.sources.containsKey(FibSource.ADJACENCY))) {
            text.append(FibSource.ADJACENCY.label()).append(":1, ");
        }
        text.append(FibSource.DEFAULT_ROUTE.label()).append(":1, ]\n");
    }

    private static void path(StringBuilder text, Ip4Fib fib, FibEntry entry, FibPath path, int pathIndex) {
        text.append("      path:[").append(pathIndex < 0 ? "-" : Integer.toString(pathIndex)).append("] pl-index:")
                .append(entry.pathList).append(" ip4 weight=").append(path.weight()).append(" pref=0 ")
                .append(path.kind().label()).append(":  oper-flags:resolved,\n");
        Adjacencies adjacencies = fib.adjacencies();
        switch (path.kind()) {
            case ATTACHED_NEXT_HOP -> {
                text.append("        ").append(Ip4Prefix.formatAddress(path.nextHop())).append(' ')
                        .append(fib.interfaces().name(path.swIfIndex())).append('\n');
                int adj = adjacencies.findNeighbour(path.swIfIndex(), path.nextHop());
                if (adj >= 0) {
                    text.append("      [@0]: ").append(adjacencies.format(adj)).append('\n');
                }
            }
            case ATTACHED -> text.append("        ").append(fib.interfaces().name(path.swIfIndex())).append('\n');
            case RECEIVE -> text.append("      [@0]: ").append(receive(fib, path.nextHop(), path.swIfIndex()))
                    .append('\n');
            case DROP -> text.append("      [@0]: dpo-drop ip4\n");
        }
    }

    private static void forwarding(StringBuilder text, Ip4Fib fib, FibEntry entry, String indent) {
        LoadBalances loadBalances = fib.loadBalances();
        int lb = entry.loadBalance;
        int count = loadBalances.bucketCount(lb);
        text.append(indent.isEmpty() ? "" : indent).append("unicast-ip4-chain\n");
        text.append("  [@0]: dpo-load-balance: [proto:ip4 index:").append(lb).append(" buckets:").append(count)
                .append(" uRPF:").append(entry.pathList).append(" to:[0:0]]\n");
        for (int i = 0; i < count; i++) {
            int bucket = loadBalances.bucketAt(lb, i);
            DpoKind kind = DpoKind.of(bucket);
            text.append("    [").append(i).append("] [@").append(kind.lookupNext()).append("]: ");
            switch (kind) {
                case DROP -> text.append("dpo-drop ip4");
                case RECEIVE -> text.append(receive(fib, entry.prefix.address(), DpoKind.index(bucket)));
                default -> text.append(fib.adjacencies().format(DpoKind.index(bucket)));
            }
            text.append('\n');
        }
    }

    private static String receive(Ip4Fib fib, int address, int swIfIndex) {
        return "dpo-receive: " + Ip4Prefix.formatAddress(address) + " on " + fib.interfaces().name(swIfIndex);
    }

    private static List<Integer> interfacesOf(List<FibPath> paths) {
        List<Integer> interfaces = new ArrayList<>();
        for (FibPath path : paths) {
            if (path.swIfIndex() >= 0 && !interfaces.contains(path.swIfIndex())) {
                interfaces.add(path.swIfIndex());
            }
        }
        return interfaces;
    }
}
