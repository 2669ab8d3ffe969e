package io.vecta.runtime.cli.commands;

import io.vecta.runtime.ethernet.Loopbacks;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** {@code create loopback interface} and {@code delete loopback interface}, VPP's syntax. */
public final class LoopbackCommands {

    private LoopbackCommands() {
    }

    /** {@code create loopback interface [mac M] [instance N]}; prints the new interface's name. */
    @CliCommand(path = "create loopback interface", shortHelp = "create loopback interface [mac <mac-addr>] [instance <instance>]",
            longHelp = "Creates loop<instance> (the lowest free instance unless given), down, with MAC address"
                    + " de:ad:00:00:00:<instance> unless given. What it sends comes back in on it.")
    public static void create(CliContext ctx, CliInput in, CliOutput out) {
        OptionalLong mac = OptionalLong.empty();
        OptionalInt instance = OptionalInt.empty();
        while (!in.atEnd()) {
            if (in.keyword("mac")) {
                mac = OptionalLong.of(in.macAddress("mac address"));
            } else if (in.keyword("instance")) {
                instance = OptionalInt.of(in.number("instance", 0, Loopbacks.MAX_INSTANCE));
            } else {
                throw in.unknownInput();
            }
        }
        try {
            out.println(Loopbacks.of(RunningRuntime.of(ctx).graph()).create(mac, instance).name());
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code delete loopback interface intfc loopN}. */
    @CliCommand(path = "delete loopback interface", shortHelp = "delete loopback interface intfc <interface>",
            longHelp = "Deletes a loopback interface, its sub-interfaces, addresses and neighbours.")
    public static void delete(CliContext ctx, CliInput in, CliOutput out) {
        if (!in.keyword("intfc")) {
            throw new CliException("expected 'intfc <interface>'");
        }
        InterfaceTable table = InterfaceCommands.table(ctx);
        SwInterface iface = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        in.expectEnd();
        try {
            Loopbacks.of(RunningRuntime.of(ctx).graph()).delete(iface);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }
}
