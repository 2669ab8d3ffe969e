package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.afpacket.AfPacketInterfaces;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.RxMode;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.show.ShowRxPlacement;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.Optional;

/**
 * The receive queue commands, with VPP's names, syntax and layout: {@code set interface rx-mode}
 * and {@code show interface rx-placement}. Host interfaces are the interfaces with a receive
 * queue whose mode can be set.
 */
public final class RxModeCommands {

    private RxModeCommands() {
    }

    /** {@code set interface rx-mode IF [queue N] polling|interrupt|adaptive}. */
    @CliCommand(path = "set interface rx-mode",
            shortHelp = "set interface rx-mode <interface> [queue <n>] [polling | interrupt | adaptive]",
            longHelp = "Sets how the interface's receive queue (queue 0, or <n>) is read: polling, on every turn"
                    + " of its thread's loop; interrupt, only when its file descriptor is readable, so that an idle"
                    + " thread sleeps; adaptive, interrupt while the queue is quiet and polling while it is busy."
                    + " Host interfaces start in interrupt mode. 'show interface rx-placement' shows the modes.")
    public static void rxMode(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        InterfaceTable table = InterfaceTable.of(runtime.graph());
        SwInterface iface = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        int queue = 0;
        RxMode mode = null;
        while (!in.atEnd()) {
            if (in.keyword("queue")) {
                queue = in.number("queue", 0, Integer.MAX_VALUE);
                continue;
            }
            Optional<String> word = in.tryOneOf("polling", "interrupt", "adaptive");
            if (word.isEmpty()) {
                throw in.unknownInput();
            }
            mode = RxMode.ofWord(word.get()).orElseThrow();
        }
        if (mode == null) {
            throw new CliException("please specify valid rx-mode: polling, interrupt or adaptive");
        }
        try {
            AfPacketInterfaces.of(runtime.graph()).setRxMode(iface, queue, mode);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show interface rx-placement}. */
    @CliCommand(path = "show interface rx-placement", shortHelp = "show interface rx-placement",
            longHelp = "Per thread, the input nodes and the receive queues each reads, with their rx mode.")
    public static void rxPlacement(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        out.print(ShowRxPlacement.format(runtime.threads(), AfPacketInterfaces.of(runtime.graph()).rxPlacement()));
    }
}
