package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.pcap.InterfacePcap;
import io.vecta.runtime.pcap.InterfacePcapTrace;
import io.vecta.runtime.pcap.PcapDispatchTrace;
import io.vecta.runtime.pcap.PcapException;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * VPP's pcap commands: {@code pcap trace} (packets received, sent or dropped on interfaces,
 * {@link InterfacePcapTrace}) and {@code pcap dispatch trace} (every node's view of every buffer,
 * the one {@link PcapDispatchTrace} set on every dispatch thread). Commands run on the main thread
 * between turns.
 */
public final class PcapCommands {

    /** Packets captured when {@code max} is not given, as VPP's default. */
    static final int DEFAULT_MAX = 100;

    /** File written when {@code file} is not given. */
    static final String DEFAULT_FILE = "dispatch.pcap";

    private PcapCommands() {
    }

    /** {@code pcap dispatch trace on [max <n>] [file <name>] [buffer-trace <input-node> <n>] | off | status}. */
    @CliCommand(path = "pcap dispatch trace",
            shortHelp = "pcap dispatch trace on [max <n>] [file <name>] [buffer-trace <input-node> <n>] | off | status",
            longHelp = "on writes every buffer of every node call, as the node receives it, to a pcap file of"
                    + " Ethernet frames, until n packets (default " + DEFAULT_MAX + ") are written; the file"
                    + " (default " + DEFAULT_FILE + ", relative to the runtime's working directory) is replaced."
                    + " buffer-trace also traces the next n packets of an input node, as 'trace add' does."
                    + " off writes what is left and closes the file; status says what is being captured.")
    public static void dispatchTrace(CliContext ctx, CliInput in, CliOutput out) {
        String what = in.oneOf("what to do", "on", "off", "status");
        VectaRuntime runtime = RunningRuntime.of(ctx);
        ThreadRuntime main = runtime.mainThread();
        switch (what) {
            case "on" -> on(runtime, in, out);
            case "off" -> {
                in.expectEnd();
                off(runtime, main, out);
            }
            default -> {
                in.expectEnd();
                PcapDispatchTrace trace = main.dispatchPcap();
                out.println(trace == null ? "pcap dispatch capture off" : trace.status());
            }
        }
    }

    /** {@code pcap trace [rx] [tx] [drop] [max N] [intfc IF|any] [file F] | off | status}. */
    @CliCommand(path = "pcap trace",
            shortHelp = "pcap trace [rx] [tx] [drop] [max <n>] [intfc <interface>|any] [file <name>] | off | status",
            longHelp = "Writes packets received (rx), sent (tx) or dropped (drop) on an interface, or on any, to a"
                    + " pcap file until n packets (default " + DEFAULT_MAX + ") are written. The file defaults to"
                    + " rx.pcap, tx.pcap, rxandtx.pcap or drop.pcap after what is captured, relative to the runtime's"
                    + " working directory. off writes what is left and closes the file.")
    public static void interfaceTrace(CliContext ctx, CliInput in, CliOutput out) {
        VectaRuntime runtime = RunningRuntime.of(ctx);
        InterfacePcap pcap = InterfacePcap.of(runtime.graph());
        if (in.keyword("status")) {
            in.expectEnd();
            InterfacePcapTrace trace = pcap.active();
            out.print(trace == null ? "pcap trace capture off\n" : trace.status());
            return;
        }
        if (in.keyword("off")) {
            in.expectEnd();
            InterfacePcapTrace trace = pcap.active();
            if (trace == null) {
                throw new CliException("pcap trace: no capture is on");
            }
            pcap.set(null);
            int written;
            try {
                written = trace.stop();
            } catch (PcapException e) {
                throw new CliException(e.getMessage(), e);
            }
            out.println(written == 0 ? "No packets captured, " + trace.file() + " holds none"
                    : "Write " + written + " packets to " + trace.file() + ", and stop capture");
            return;
        }
        boolean rx = false;
        boolean tx = false;
        boolean drop = false;
        int max = DEFAULT_MAX;
        String file = null;
        int swIfIndex = InterfacePcapTrace.ANY_INTERFACE;
        String interfaceName = "any";
        while (!in.atEnd()) {
            switch (in.oneOf("option", "rx", "tx", "drop", "max", "intfc", "file")) {
                case "rx" -> rx = true;
                case "tx" -> tx = true;
                case "drop" -> drop = true;
                case "max" -> max = in.number("max", 1, Integer.MAX_VALUE);
                case "file" -> file = in.string("file");
                default -> {
                    if (!in.keyword("any")) {
                        interfaceName = in.interfaceName("interface");
                        String name = interfaceName;
                        swIfIndex = InterfaceTable.of(runtime.graph()).find(name).map(SwInterface::swIfIndex)
                                .orElseThrow(() -> new CliException("intfc: unknown interface '" + name + "'"));
                    }
                }
            }
        }
        if (!rx && !tx && !drop) {
            throw new CliException("pcap trace: say what to capture: rx, tx and/or drop");
        }
        if (pcap.active() != null) {
            throw new CliException("pcap trace: already capturing to " + pcap.active().file() + "; turn it off first");
        }
        if (file == null) {
            file = rx && tx && !drop ? "rxandtx.pcap" : rx && !tx && !drop ? "rx.pcap" : tx && !rx && !drop ? "tx.pcap"
                    : drop && !rx && !tx ? "drop.pcap" : "trace.pcap";
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new CliException("file: '" + file + "' is not a file name: " + e.getReason());
        }
        try {
            pcap.set(InterfacePcapTrace.start(path, max, rx, tx, drop, swIfIndex, interfaceName));
        } catch (PcapException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static void on(VectaRuntime runtime, CliInput in, CliOutput out) {
        int max = DEFAULT_MAX;
        String file = DEFAULT_FILE;
        GraphNodeEntry traced = null;
        int tracedCount = 0;
        while (!in.atEnd()) {
            switch (in.oneOf("option", "max", "file", "buffer-trace")) {
                case "max" -> max = in.number("max", 1, Integer.MAX_VALUE);
                case "file" -> file = in.string("file");
                default -> {
                    traced = RunningRuntime.node(runtime.graph(), in);
                    tracedCount = in.number("count", 1, Integer.MAX_VALUE);
                }
            }
        }
        PcapDispatchTrace running = runtime.mainThread().dispatchPcap();
        if (running != null) {
            throw new CliException("pcap dispatch trace: already capturing to " + running.file()
                    + "; turn it off first");
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new CliException("file: '" + file + "' is not a file name: " + e.getReason());
        }
        PcapDispatchTrace trace;
        try {
            trace = PcapDispatchTrace.start(path, max, traced == null ? null : traced.name(), tracedCount);
        } catch (PcapException e) {
            throw new CliException(e.getMessage(), e);
        }
        if (traced != null) {
            try {
                TraceCommands.addTrace(runtime, traced, tracedCount);
            } catch (CliException e) {
                trace.stop();
                throw e;
            }
        }
        for (DispatchThread thread : runtime.threads()) {
            thread.runtime().setDispatchPcap(trace);
        }
        out.println("pcap dispatch capture on: max " + max + " packets to " + path);
    }

    private static void off(VectaRuntime runtime, ThreadRuntime main, CliOutput out) {
        PcapDispatchTrace trace = main.dispatchPcap();
        if (trace == null) {
            throw new CliException("pcap dispatch trace: no capture is on");
        }
        for (DispatchThread thread : runtime.threads()) {
            thread.runtime().setDispatchPcap(null);
        }
        int written;
        try {
            written = trace.stop();
        } catch (PcapException e) {
            throw new CliException(e.getMessage(), e);
        }
        out.println(written == 0 ? "No packets captured, " + trace.file() + " holds none"
                : "Write " + written + " packets to " + trace.file() + ", and stop capture");
    }
}
