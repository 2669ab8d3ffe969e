package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.pcap.PcapException;
import io.vecta.runtime.pg.PacketGenerator;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.runtime.pg.PgStreamException;
import io.vecta.runtime.pg.ShowPacketGenerator;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The packet generator's commands, with VPP's names and syntax: {@code packet-generator new},
 * {@code enable-stream}, {@code disable-stream}, {@code delete} and
 * {@code show packet-generator}.
 */
public final class PgCommands {

    private PgCommands() {
    }

    /**
     * {@code packet-generator new { name S limit N size A-B rate R node NODE data { ... } }}; the
     * line and column of a syntax error count from the first word after {@code new}.
     */
    @CliCommand(path = "packet-generator new",
            shortHelp = "packet-generator new { name <s> [limit <n>] [size <min>-<max>] [rate <pps>] node <node>"
                    + " data { ... } | pcap <file> }",
            longHelp = "Creates a stream, disabled until 'packet-generator enable-stream'. The braces around the"
                    + " stream may be left out. data holds headers as VPP writes them (IP4: <src-mac> -> <dst-mac>,"
                    + " UDP: <src-ip> -> <dst-ip>, UDP: <src-port> -> <dst-port>, ICMP echo_request) and a payload"
                    + " (incrementing <n>, random <n>, hex 0x...). A field written 'a - b' steps from a to b, one"
                    + " per packet; 'a + b' takes a random value between them. pcap <file> replays a capture.")
    public static void create(CliContext ctx, CliInput in, CliOutput out) {
        String text = in.restOfLine();
        try {
            generator(ctx).create(text);
        } catch (PgStreamException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code packet-generator enable-stream [NAME]}. */
    @CliCommand(path = "packet-generator enable-stream", shortHelp = "packet-generator enable-stream [<name>]",
            longHelp = "Starts the stream called <name>, or every stream, from a count of 0: a stream with a"
                    + " limit sends it again.")
    public static void enable(CliContext ctx, CliInput in, CliOutput out) {
        setEnabled(ctx, in, true);
    }

    /** {@code packet-generator disable-stream [NAME]}. */
    @CliCommand(path = "packet-generator disable-stream", shortHelp = "packet-generator disable-stream [<name>]",
            longHelp = "Stops the stream called <name>, or every stream; its count stays until it is enabled.")
    public static void disable(CliContext ctx, CliInput in, CliOutput out) {
        setEnabled(ctx, in, false);
    }

    /** {@code packet-generator delete NAME}. */
    @CliCommand(path = "packet-generator delete", shortHelp = "packet-generator delete <name>",
            longHelp = "Stops and removes the stream called <name>.")
    public static void delete(CliContext ctx, CliInput in, CliOutput out) {
        String name = in.word("stream name");
        in.expectEnd();
        try {
            generator(ctx).delete(name);
        } catch (PgStreamException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show packet-generator [verbose]}. */
    @CliCommand(path = "show packet-generator", shortHelp = "show packet-generator [verbose]",
            longHelp = "A row per stream: name, whether it is enabled, the packets sent since it was enabled and"
                    + " its parameters; verbose adds the size and offset of each header.")
    public static void show(CliContext ctx, CliInput in, CliOutput out) {
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        VectaRuntime runtime = RunningRuntime.of(ctx);
        int bufferSize = runtime.mainThread().buffers().pools().getFirst().dataSize();
        out.print(ShowPacketGenerator.format(generator(ctx).streams(), bufferSize, verbose));
    }

    /** {@code create packet-generator interface pgN [hw-addr MAC]}. */
    @CliCommand(path = "create packet-generator interface",
            shortHelp = "create packet-generator interface pg<n> [hw-addr <mac-addr>]",
            longHelp = "Creates the pg interface pg<n>, down, with MAC address 02:fe:00:00:hh:ll (hhll: n) unless"
                    + " given: streams with 'interface pg<n>' receive on it, and what the graph sends out of it can be"
                    + " captured with 'packet-generator capture'.")
    public static void createInterface(CliContext ctx, CliInput in, CliOutput out) {
        String name = in.word("interface name (pg<n>)");
        if (!name.matches("pg[0-9]{1,5}")) {
            throw new CliException("interface name '" + name + "': a pg interface is called pg<n>, e.g. pg0");
        }
        OptionalLong mac = OptionalLong.empty();
        while (!in.atEnd()) {
            if (in.keyword("hw-addr")) {
                mac = OptionalLong.of(in.macAddress("hw-addr"));
            } else {
                throw in.unknownInput();
            }
        }
        try {
            SwInterface created = PgInterfaces.of(RunningRuntime.of(ctx).graph())
                    .create(Integer.parseInt(name.substring(2)), mac);
            out.println(created.name());
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code packet-generator capture IF [pcap FILE] [count N] | IF disable}. */
    @CliCommand(path = "packet-generator capture",
            shortHelp = "packet-generator capture <interface> [pcap <file>] [count <n>] | <interface> disable",
            longHelp = "Keeps what the pg interface sends, up to <n> packets (default "
                    + PgInterfaces.DEFAULT_CAPTURE_COUNT + "), and writes them to <file> as pcap if given; a capture"
                    + " that was on is replaced. disable ends the capture and closes its file.")
    public static void capture(CliContext ctx, CliInput in, CliOutput out) {
        PgInterfaces interfaces = PgInterfaces.of(RunningRuntime.of(ctx).graph());
        String name = in.interfaceName("interface");
        SwInterface iface;
        try {
            iface = interfaces.byName(name);
        } catch (InterfaceException e) {
            throw new CliException(e.getMessage());
        }
        if (in.keyword("disable")) {
            in.expectEnd();
            try {
                interfaces.stopCapture(iface).ifPresent(c -> out.println(c.interfaceName() + ": " + c.size()
                        + " packets captured" + (c.missed() > 0 ? ", " + c.missed() + " missed (capture full)" : "")
                        + c.file().map(f -> ", written to " + f).orElse("")));
            } catch (PcapException e) {
                throw new CliException(e.getMessage());
            }
            return;
        }
        Optional<Path> pcap = Optional.empty();
        int count = PgInterfaces.DEFAULT_CAPTURE_COUNT;
        while (!in.atEnd()) {
            if (in.keyword("pcap")) {
                pcap = Optional.of(Path.of(in.string("pcap file name")));
            } else if (in.keyword("count")) {
                count = in.number("count", 1, Integer.MAX_VALUE);
            } else {
                throw in.unknownInput();
            }
        }
        try {
            interfaces.startCapture(iface, count, pcap);
        } catch (PcapException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static void setEnabled(CliContext ctx, CliInput in, boolean enable) {
        Optional<String> name = in.tryWord();
        in.expectEnd();
        try {
            generator(ctx).setEnabled(name, enable);
        } catch (PgStreamException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static PacketGenerator generator(CliContext ctx) {
        return PacketGenerator.of(RunningRuntime.of(ctx).graph());
    }
}
