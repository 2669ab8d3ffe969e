package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.afpacket.AfPacketInterfaces;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The host interface commands, with VPP's names and syntax: {@code create host-interface} and
 * {@code delete host-interface}.
 */
public final class AfPacketCommands {

    private AfPacketCommands() {
    }

    /** {@code create host-interface name IF [hw-addr MAC] [node NODE]}. */
    @CliCommand(path = "create host-interface",
            shortHelp = "create host-interface name <host-if-name> [hw-addr <mac>] [node <node>]",
            longHelp = "Creates the interface host-<host-if-name>, down, on the Linux interface <host-if-name>"
                    + " through AF_PACKET rings, and sets the Linux interface up. Its MAC address is <mac>, or the"
                    + " Linux interface's own. Received frames go to <node>, by default ethernet-input. Prints the"
                    + " new interface's name.")
    public static void create(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        String hostName = null;
        OptionalLong mac = OptionalLong.empty();
        Optional<String> node = Optional.empty();
        while (!in.atEnd()) {
            if (in.keyword("name")) {
                hostName = in.word("host interface name");
            } else if (in.keyword("hw-addr")) {
                mac = OptionalLong.of(in.macAddress("hw-addr"));
            } else if (in.keyword("node")) {
                node = Optional.of(RunningRuntime.node(runtime.graph(), in).name());
            } else {
                throw in.unknownInput();
            }
        }
        if (hostName == null) {
            throw new CliException("name <host-if-name> is required");
        }
        List<ThreadRuntime> threads = runtime.threads().stream().map(DispatchThread::runtime).toList();
        try {
            SwInterface created = AfPacketInterfaces.of(runtime.graph()).create(hostName, mac, node, threads);
            out.println(created.name());
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code delete host-interface name IF}. */
    @CliCommand(path = "delete host-interface", shortHelp = "delete host-interface name <host-if-name>",
            longHelp = "Deletes the interface host-<host-if-name> and closes its AF_PACKET rings; the Linux"
                    + " interface stays as it is.")
    public static void delete(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        if (!in.keyword("name")) {
            throw new CliException("name <host-if-name> is required");
        }
        String hostName = in.word("host interface name");
        in.expectEnd();
        try {
            AfPacketInterfaces.of(runtime.graph()).delete(hostName);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }
}
