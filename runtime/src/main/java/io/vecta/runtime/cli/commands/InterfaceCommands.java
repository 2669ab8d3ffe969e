package io.vecta.runtime.cli.commands;

import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
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
 * {@code set interface state}, {@code set interface mtu} and {@code clear interfaces}.
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

    /** {@code clear interfaces}. */
    @CliCommand(path = "clear interfaces", shortHelp = "clear interfaces",
            longHelp = "Makes every interface counter start again from zero.")
    public static void clear(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        table(ctx).counters().clear();
    }

    private static SwInterface lookUp(InterfaceTable table, String name) {
        Optional<SwInterface> found = table.find(name);
        return found.orElseThrow(() -> new CliException("unknown interface '" + name + "'"));
    }

    private static InterfaceTable table(CliContext ctx) {
        return InterfaceTable.of(RunningRuntime.of(ctx).graph());
    }
}
