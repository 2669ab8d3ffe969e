package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.fib.DpoKind;
import io.vecta.runtime.fib.FibPath;
import io.vecta.runtime.fib.FibSource;
import io.vecta.runtime.fib.Ip4Fib;
import io.vecta.runtime.fib.Ip4Prefix;
import io.vecta.runtime.fib.ShowIpFib;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.runtime.ip4.Ip4Forwarding;
import io.vecta.runtime.ip4.Ip4Ping;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IPv4 routes and reachability, VPP's commands: {@code ip route}, {@code show ip fib} and
 * {@code ping}.
 */
public final class Ip4RouteCommands {

    /** VPP's default count of echo requests. */
    static final int DEFAULT_REPEAT = 5;
    /** ICMP data bytes of a request, so that the IPv4 datagram is VPP's 116 bytes. */
    static final int DEFAULT_DATA_BYTES = 88;

    private Ip4RouteCommands() {
    }

    /**
     * {@code ip route [add|del] A.B.C.D/L [table N] via NH [IF] [weight W] [via ...]},
     * {@code ip route add A.B.C.D/L via drop}, {@code ip route del A.B.C.D/L}.
     */
    @CliCommand(path = "ip route",
            shortHelp = "ip route [add|del] <ip4-address>/<width> [table <n>] via <next-hop> [<interface>] [weight <w>]"
                    + " [via ...] | via drop",
            longHelp = "Adds (the default) or deletes a route. Each via is one path; several are ECMP, shared by"
                    + " weight. A next hop without an interface must lie in a connected subnet.")
    public static void route(CliContext ctx, CliInput in, CliOutput out) {
        boolean del = in.keyword("del");
        if (!del) {
            in.keyword("add");
        }
        io.vecta.sdk.packet.Ip4Prefix given = in.ip4Prefix("prefix");
        Ip4Prefix prefix = new Ip4Prefix(Ip4Prefix.mask(given.address(), given.length()), given.length());
        int tableId = 0;
        if (in.keyword("table")) {
            tableId = in.number("table", 0, Integer.MAX_VALUE);
        }
        VectaRuntime runtime = RunningRuntime.of(ctx);
        Ip4Fib fib = Ip4Forwarding.of(runtime.graph()).fib();
        try {
            if (del) {
                in.expectEnd();
                if (!fib.delRoute(tableId, prefix, FibSource.CLI)) {
                    throw new CliException("no route to " + prefix + " in table " + tableId + " from the CLI");
                }
                return;
            }
            List<FibPath> paths = paths(runtime, in);
            fib.addRoute(tableId, prefix, FibSource.CLI, paths);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static List<FibPath> paths(VectaRuntime runtime, CliInput in) {
        if (!in.keyword("via")) {
            throw in.atEnd() ? new CliException("a route needs a path: via <next-hop> [<interface>], or via drop")
                    : in.unknownInput();
        }
        InterfaceTable interfaces = InterfaceTable.of(runtime.graph());
        List<FibPath> paths = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = false;
            if (in.keyword("drop")) {
                paths.add(FibPath.drop());
            } else {
                int nextHop = in.ip4Address("next hop");
                int swIfIndex = -1;
                int weight = 1;
                while (!in.atEnd()) {
                    if (in.keyword("weight")) {
                        weight = in.number("weight", 1, FibPath.MAX_WEIGHT);
                    } else if (in.keyword("via")) {
                        more = true;
                        break;
                    } else if (swIfIndex < 0) {
                        String name = in.interfaceName("interface");
                        swIfIndex = interfaces.find(name).orElseThrow(() -> new CliException(
                                "unknown interface '" + name + "'")).swIfIndex();
                    } else {
                        throw in.unknownInput();
                    }
                }
                if (swIfIndex < 0) {
                    swIfIndex = connectedInterface(runtime, nextHop);
                }
                paths.add(FibPath.via(nextHop, swIfIndex, weight));
                continue;
            }
            if (!in.atEnd()) {
                more = in.keyword("via");
                if (!more) {
                    throw in.unknownInput();
                }
            }
        }
        return paths;
    }

    /** The interface whose subnet holds {@code nextHop}. */
    private static int connectedInterface(VectaRuntime runtime, int nextHop) {
        int sw = Ip4InterfaceAddresses.of(runtime.graph()).connectedInterface(nextHop);
        if (sw < 0) {
            throw new CliException("next hop " + Ip4Prefix.formatAddress(nextHop)
                    + " is in no connected subnet: name the interface (via <next-hop> <interface>)");
        }
        return sw;
    }

    /** {@code show ip fib [table N] [index N] [A.B.C.D[/L]]}. */
    @CliCommand(path = "show ip fib", shortHelp = "show ip fib [table <n>] [index <fib-index>] [<ip4-address>[/<width>]]",
            longHelp = "The IPv4 FIB tables, every prefix with its forwarding chain; with an address or prefix, the"
                    + " longest match for it in detail.")
    public static void showFib(CliContext ctx, CliInput in, CliOutput out) {
        Ip4Fib fib = Ip4Forwarding.of(RunningRuntime.of(ctx).graph()).fib();
        Integer tableId = null;
        Ip4Prefix prefix = null;
        try {
            while (!in.atEnd()) {
                if (in.keyword("table")) {
                    tableId = fib.table(in.number("table", 0, Integer.MAX_VALUE)).tableId();
                } else if (in.keyword("index")) {
                    int index = in.number("fib index", 0, Integer.MAX_VALUE);
                    if (index >= fib.tables().size()) {
                        throw new CliException("no fib index " + index + " (" + fib.tables().size()
                                + " tables)");
                    }
                    tableId = fib.tableAt(index).tableId();
                } else {
                    var given = in.tryIp4Prefix();
                    if (given.isPresent()) {
                        prefix = new Ip4Prefix(Ip4Prefix.mask(given.get().address(), given.get().length()),
                                given.get().length());
                    } else {
                        prefix = new Ip4Prefix(in.ip4Address("address or prefix"), 32);
                    }
                }
            }
            if (prefix != null) {
                out.print(ShowIpFib.format(fib, tableId == null ? 0 : tableId, prefix));
            } else if (tableId != null) {
                out.print(ShowIpFib.format(fib, tableId));
            } else {
                out.print(ShowIpFib.format(fib));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /**
     * {@code ping A.B.C.D [source IF] [repeat N] [interval S] [size B]}: VPP's lines, one per reply,
     * then the statistics. The command turns the main thread's graph while it waits.
     */
    @CliCommand(path = "ping", shortHelp = "ping <ip4-address> [source <interface>] [repeat <n>] [interval <seconds>]"
            + " [size <data-bytes>]",
            longHelp = "Sends ICMP echo requests (5 by default, one a second) through ip4-lookup and prints each"
                    + " reply with its round-trip time, then how many were lost.")
    public static void ping(CliContext ctx, CliInput in, CliOutput out) {
        int destination = in.ip4Address("address");
        VectaRuntime runtime = RunningRuntime.of(ctx);
        InterfaceTable interfaces = InterfaceTable.of(runtime.graph());
        SwInterface source = null;
        int repeat = DEFAULT_REPEAT;
        double interval = 1.0;
        int dataBytes = DEFAULT_DATA_BYTES;
        while (!in.atEnd()) {
            if (in.keyword("source")) {
                String name = in.interfaceName("interface");
                source = interfaces.find(name).orElseThrow(() -> new CliException("unknown interface '" + name + "'"));
            } else if (in.keyword("repeat")) {
                repeat = in.number("repeat", 1, 1_000_000);
            } else if (in.keyword("interval")) {
                String text = in.word("interval");
                try {
                    interval = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new CliException("interval: '" + text + "' is not a number of seconds");
                }
                if (!(interval >= 0 && interval <= 3600)) {
                    throw new CliException("interval: " + text + " seconds (0 to 3600)");
                }
            } else if (in.keyword("size")) {
                dataBytes = in.number("size", 0, 1400);
            } else {
                throw in.unknownInput();
            }
        }
        int sourceAddress = sourceAddress(runtime, source, destination);
        int rx = source == null ? InterfaceTable.LOCAL0 : source.swIfIndex();
        Ip4Ping ping = Ip4Ping.of(runtime.graph());
        int id = ping.newId();
        long intervalNanos = (long) (interval * 1e9);
        int received = 0;
        StringBuilder text = new StringBuilder();
        for (int seq = 1; seq <= repeat; seq++) {
            if (!ping.send(runtime.mainThread(), sourceAddress, destination, rx, id, seq, dataBytes)) {
                throw new CliException("ping: no buffer free for echo request " + seq);
            }
            long deadline = System.nanoTime() + intervalNanos;
            boolean answered = false;
            do {
                runtime.mainThread().runOnce();
                for (Ip4Ping.Reply reply : ping.takeReplies()) {
                    received++;
                    answered |= reply.sequence() == seq;
                    text.append(reply.bytes()).append(" bytes from ").append(Ip4Prefix.formatAddress(reply.from()))
                            .append(": icmp_seq=").append(reply.sequence()).append(" ttl=").append(reply.ttl())
                            .append(" time=").append(milliseconds(reply.roundTripNanos())).append(" ms\n");
                }
            } while (System.nanoTime() < deadline && !(answered && seq == repeat));
        }
        ping.forget(id);
        int lossPercent = (int) Math.round(100.0 * (repeat - received) / repeat);
        text.append("\nStatistics: ").append(repeat).append(" sent, ").append(received).append(" received, ")
                .append(lossPercent).append("% packet loss\n");
        out.print(text.toString());
    }

    /** Milliseconds as VPP prints them: four decimals, no leading zero ({@code .0572}). */
    static String milliseconds(long nanos) {
        String text = String.format(Locale.ROOT, "%.4f", nanos / 1e6);
        return text.startsWith("0.") ? text.substring(1) : text;
    }

    /** The address to ping from: the source interface's, or that of the interface the route leaves by. */
    private static int sourceAddress(VectaRuntime runtime, SwInterface source, int destination) {
        Ip4InterfaceAddresses addresses = Ip4InterfaceAddresses.of(runtime.graph());
        if (source != null) {
            List<io.vecta.sdk.packet.Ip4Prefix> mine = addresses.of(source);
            if (mine.isEmpty()) {
                throw new CliException("ping: " + source.name() + " has no IPv4 address");
            }
            return mine.getFirst().address();
        }
        Ip4Fib fib = Ip4Forwarding.of(runtime.graph()).fib();
        int lb = fib.lookup(0, destination);
        int bucket = fib.loadBalances().bucketAt(lb, 0);
        DpoKind kind = DpoKind.of(bucket);
        int sw = -1;
        if (kind == DpoKind.RECEIVE) {
            sw = DpoKind.index(bucket);
        } else if (kind != DpoKind.DROP) {
            sw = fib.adjacencies().swIfIndex(DpoKind.index(bucket));
        }
        io.vecta.sdk.packet.Ip4Prefix[][] byInterface = addresses.byInterface();
        if (sw < 0 || sw >= byInterface.length || byInterface[sw].length == 0) {
            throw new CliException("ping: no route with a source address to " + Ip4Prefix.formatAddress(destination)
                    + " (ip route add, or ping ... source <interface>)");
        }
        return byInterface[sw][0].address();
    }
}
