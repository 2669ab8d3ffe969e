package io.vecta.runtime.cli.commands;

import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.show.ShowHardwareInterfaces;
import io.vecta.runtime.show.ShowInterface;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interface commands, with VPP's names and syntax: {@code show interface},
 * {@code show hardware-interfaces}, {@code set interface state}, {@code set interface mtu},
 * {@code set interface mac address}, {@code create sub-interfaces},
 * {@code delete sub-interface} and {@code clear interfaces}.
 */
public final class InterfaceCommands {

    private InterfaceCommands() {
    }

    /** {@code show interface [IF ...]}. */
    @CliCommand(path = "show interface", shortHelp = "show interface [<interface> ...]",
            longHelp = "A row per interface (or per interface named): name, sw_if_index, admin state, MTU, and"
                    + " every counter that is not zero: rx and tx packets and bytes, drops, punts.")
    public static void show(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        List<SwInterface> chosen = new ArrayList<>();
        while (!in.atEnd()) {
            chosen.add(lookUp(table, in.interfaceName("interface")));
        }
        out.print(ShowInterface.format(table, chosen.isEmpty() ? table.all() : chosen));
    }

    /** {@code set interface state IF up|down}. */
    @CliCommand(path = "set interface state", shortHelp = "set interface state <interface> up|down",
            longHelp = "Sets the interface up, so that it sends and receives, or down.")
    public static void state(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        SwInterface iface = lookUp(table, in.interfaceName("interface"));
        boolean up = in.oneOf("state", "up", "down").equals("up");
        in.expectEnd();
        try {
            table.setAdminUp(iface, up);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code set interface mtu [packet] N IF}, VPP's order: the value, then the interface. */
    @CliCommand(path = "set interface mtu", shortHelp = "set interface mtu [packet] <value> <interface>",
            longHelp = "Sets the interface's L3 MTU in bytes, 68 to 65535.")
    public static void mtu(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        in.keyword("packet");
        int bytes = in.number("mtu");
        SwInterface iface = lookUp(table, in.interfaceName("interface"));
        in.expectEnd();
        try {
            table.setMtu(iface, bytes);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show hardware-interfaces [brief] [IF ...]}; {@code show hardware} reaches it as a prefix. */
    @CliCommand(path = "show hardware-interfaces", shortHelp = "show hardware-interfaces [brief] [<interface> ...]",
            longHelp = "A row per hardware interface (or per interface named): name, hw_if_index, link state and"
                    + " device, then its link speed and, unless brief, its Ethernet address.")
    public static void showHardware(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        boolean brief = false;
        List<SwInterface> chosen = new ArrayList<>();
        while (!in.atEnd()) {
            if (in.keyword("brief")) {
                brief = true;
            } else {
                SwInterface iface = lookUp(table, in.interfaceName("interface"));
                if (iface.isSubInterface()) {
                    throw new CliException(iface.name() + " is a sub-interface; its hardware is "
                            + table.nameOf(iface.supSwIfIndex()));
                }
                chosen.add(iface);
            }
        }
        out.print(ShowHardwareInterfaces.format(chosen.isEmpty() ? table.hardware() : chosen, brief));
    }

    /** {@code set interface mac address IF MAC}. */
    @CliCommand(path = "set interface mac address", shortHelp = "set interface mac address <interface> <mac-address>",
            longHelp = "Gives a hardware interface (and its sub-interfaces) a new unicast MAC address.")
    public static void mac(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        SwInterface iface = lookUp(table, in.interfaceName("interface"));
        long mac = in.macAddress("mac address");
        in.expectEnd();
        try {
            table.setMac(iface, mac);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code create sub-interfaces IF ID [dot1q VLAN [exact-match]]}; prints the new interface's name. */
    @CliCommand(path = "create sub-interfaces",
            shortHelp = "create sub-interfaces <interface> <id> [dot1q <vlan> [exact-match]]",
            longHelp = "Creates <interface>.<id>, an 802.1Q sub-interface that takes the frames tagged with <vlan>"
                    + " (with <id> alone: vlan <id>, exact-match, as VPP). exact-match takes only frames with that"
                    + " one tag. It starts down.")
    public static void createSub(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        SwInterface parent = lookUp(table, in.interfaceName("interface"));
        int id = in.number("sub-interface id", 0, Integer.MAX_VALUE);
        int vlan = id;
        boolean exactMatch = true;
        if (in.keyword("dot1q")) {
            vlan = in.number("vlan", 1, InterfaceTable.MAX_VLAN);
            exactMatch = in.keyword("exact-match");
        }
        in.expectEnd();
        try {
            out.println(table.createSubInterface(parent, id, vlan, exactMatch).name());
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code delete sub-interface IF}. */
    @CliCommand(path = "delete sub-interface", shortHelp = "delete sub-interface <interface>",
            longHelp = "Deletes a sub-interface, with its addresses and neighbours.")
    public static void deleteSub(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = table(ctx);
        SwInterface iface = lookUp(table, in.interfaceName("interface"));
        in.expectEnd();
        if (!iface.isSubInterface()) {
            throw new CliException(iface.name() + " is not a sub-interface");
        }
        table.delete(iface);
    }

    /** {@code clear interfaces}. */
    @CliCommand(path = "clear interfaces", shortHelp = "clear interfaces",
            longHelp = "Makes every interface counter start again from zero.")
    public static void clear(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        table(ctx).counters().clear();
    }

    static SwInterface lookUp(InterfaceTable table, String name) {
        Optional<SwInterface> found = table.find(name);
        return found.orElseThrow(() -> new CliException("unknown interface '" + name + "'"));
    }

    static InterfaceTable table(CliContext ctx) {
        return InterfaceTable.of(RunningRuntime.of(ctx).graph());
    }
}
