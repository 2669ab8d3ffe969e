package io.vecta.runtime.cli.commands;

import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.runtime.show.ShowInterfaceAddress;
import io.vecta.runtime.show.ShowIpNeighbors;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Interface addresses and neighbours, VPP's commands: {@code set interface ip address},
 * {@code show interface address}, {@code set ip neighbor}, {@code show ip neighbors} and
 * {@code set ip neighbor-config}.
 */
public final class Ip4Commands {

    private Ip4Commands() {
    }

    /** {@code set interface ip address [del] IF A.B.C.D/L}, {@code ... IF A.B.C.D/L del}, {@code ... del IF all}. */
    @CliCommand(path = "set interface ip address",
            shortHelp = "set interface ip address [del] <interface> <ip4-address>/<mask-width> | del <interface> all",
            longHelp = "Adds an IPv4 address to the interface, or deletes one (or all) of its addresses. Two"
                    + " interfaces may not hold overlapping subnets.")
    public static void address(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        boolean del = in.keyword("del");
        SwInterface iface = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        Ip4InterfaceAddresses addresses = addresses(ctx);
        try {
            if (del && in.keyword("all")) {
                in.expectEnd();
                for (Ip4Prefix address : addresses.of(iface)) {
                    addresses.remove(iface, address);
                }
                return;
            }
            Ip4Prefix prefix = in.ip4Prefix("address");
            del |= in.keyword("del");
            in.expectEnd();
            if (del) {
                addresses.remove(iface, prefix);
            } else {
                addresses.add(iface, prefix);
            }
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show interface address [IF ...]}. */
    @CliCommand(path = "show interface address", shortHelp = "show interface address [<interface> ...]",
            longHelp = "Each interface (or each named) with its state and its IPv4 addresses.")
    public static void showAddress(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        List<SwInterface> chosen = new ArrayList<>();
        while (!in.atEnd()) {
            chosen.add(InterfaceCommands.lookUp(table, in.interfaceName("interface")));
        }
        out.print(ShowInterfaceAddress.format(chosen.isEmpty() ? table.all() : chosen, addresses(ctx)));
    }

    /** {@code set ip neighbor [del] IF A.B.C.D MAC [static]}. */
    @CliCommand(path = "set ip neighbor", shortHelp = "set ip neighbor [del] <interface> <ip4-address> <mac-address> [static]",
            longHelp = "Adds (or with del removes) the neighbour: a static one is never aged nor replaced by what"
                    + " ARP says; without static it is dynamic.")
    public static void neighbor(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        boolean del = in.keyword("del");
        SwInterface iface = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        int ip = in.ip4Address("ip4 address");
        Ip4NeighborTable neighbors = neighbors(ctx);
        try {
            if (del) {
                in.tryMacAddress();
                in.keyword("static");
                in.expectEnd();
                neighbors.remove(iface, ip);
                return;
            }
            long mac = in.macAddress("mac address");
            boolean isStatic = in.keyword("static");
            in.expectEnd();
            neighbors.set(iface, ip, mac, isStatic);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show ip neighbors [IF]}. */
    @CliCommand(path = "show ip neighbors", shortHelp = "show ip neighbors [<interface>]",
            longHelp = "The IPv4 neighbours: age in seconds, address, flags (S static, D dynamic), MAC address and"
                    + " interface.")
    public static void showNeighbors(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        int only = -1;
        if (!in.atEnd()) {
            only = InterfaceCommands.lookUp(table, in.interfaceName("interface")).swIfIndex();
        }
        in.expectEnd();
        Ip4NeighborTable neighbors = neighbors(ctx);
        int chosen = only;
        out.print(ShowIpNeighbors.format(neighbors.all().stream()
                .filter(n -> chosen < 0 || n.swIfIndex() == chosen).toList(), table, neighbors.nowNanos()));
    }

    /** {@code set ip neighbor-config ip4 [limit N] [age S] [recycle|norecycle]}. */
    @CliCommand(path = "set ip neighbor-config",
            shortHelp = "set ip neighbor-config ip4 [limit <limit>] [age <age>] [recycle|norecycle]",
            longHelp = "The most IPv4 neighbours kept (50000); the seconds a dynamic one lives unconfirmed (0, the"
                    + " default, for ever), removed then by ip4-neighbor-age-process; and whether a full table"
                    + " gives a new neighbour the place of the oldest dynamic one (norecycle, the default, refuses"
                    + " it).")
    public static void neighborConfig(CliContext ctx, CliInput in, CliOutput out) {
        in.oneOf("address family", "ip4");
        Ip4NeighborTable neighbors = neighbors(ctx);
        int limit = neighbors.limit();
        int age = neighbors.maxAgeSeconds();
        boolean recycle = neighbors.recycle();
        while (!in.atEnd()) {
            if (in.keyword("limit")) {
                limit = in.number("limit", 1, Integer.MAX_VALUE);
            } else if (in.keyword("age")) {
                age = in.number("age", 0, Integer.MAX_VALUE);
            } else if (in.keyword("recycle")) {
                recycle = true;
            } else if (in.keyword("norecycle")) {
                recycle = false;
            } else {
                throw in.unknownInput();
            }
        }
        neighbors.configure(limit, age, recycle);
    }

    /** {@code show ip neighbor-config}. */
    @CliCommand(path = "show ip neighbor-config", shortHelp = "show ip neighbor-config",
            longHelp = "The IPv4 neighbour settings as VPP prints them (limit, age in seconds, recycle), and how"
                    + " many dynamic neighbours have been removed by age.")
    public static void showNeighborConfig(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        Ip4NeighborTable neighbors = neighbors(ctx);
        out.println("ip4:");
        out.println("  limit:" + neighbors.limit() + ", age:" + neighbors.maxAgeSeconds() + ", recycle:"
                + (neighbors.recycle() ? 1 : 0));
        out.println("  aged out:" + neighbors.agedOut());
    }

    private static Ip4InterfaceAddresses addresses(CliContext ctx) {
        return Ip4InterfaceAddresses.of(RunningRuntime.of(ctx).graph());
    }

    private static Ip4NeighborTable neighbors(CliContext ctx) {
        return Ip4NeighborTable.of(RunningRuntime.of(ctx).graph());
    }
}
