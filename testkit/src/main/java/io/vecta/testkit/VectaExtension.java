package io.vecta.testkit;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.dispatch.MainClock;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.pg.PacketGenerator;
import io.vecta.runtime.pg.PgCapture;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.runtime.pg.PgStream;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.node.ErrorDescriptor;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.runtime.pcap.PcapFormat;
import io.vecta.runtime.pcap.PcapWriter;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A Vecta runtime for each test, in the test's JVM: started before the test from a
 * startup.conf snippet, its main loop turning on a thread of its own, stopped after the test.
 * Register it on an instance field, so that every test gets a fresh runtime:
 *
 * <pre>{@code
 * @RegisterExtension
 * final VectaExtension vecta = VectaExtension.withConfig("cpu { workers 1 }").inputNode("xconnect");
 * }</pre>
 *
 * What the test does goes through the runtime's own CLI ({@link #cli}), as an operator's
 * would, so a test drives exactly what a user drives. {@link #sendAndExpect} sends packets into a
 * pg interface as a pg stream replaying a pcap file (as VPP's test framework does) and returns
 * what the expected interface sent, decoded. Every packet sent is traced; when a test fails, the
 * trace, the errors and the interfaces are printed before the failure is reported. The
 * runtime also serves its binary API, which {@link #api} connects to.
 */
public final class VectaExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    /** How long {@link #sendAndExpect} waits for the packets, as VPP's tests wait by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How long {@link #sendAndAssertNoReplies} watches for packets that should not come. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(200);

    /** Packets traced per send, so that a failure can show them. */
    public static final int TRACED_PER_SEND = 50;

    private static final String BASE_CONFIG = "buffers { page-size 4k buffers-per-numa 16384 }\n";

    /** The API socket's name in the test's runtime directory. */
    private static final String API_SOCKET = "api.sock";

    private final String config;
    private String inputNode = "ethernet-input";
    private Duration timeout = DEFAULT_TIMEOUT;

    private Path directory;
    private VectaRuntime runtime;
    private Thread mainLoop;
    private CommandRunner cli;
    private final Map<Integer, PgPort> ports = new HashMap<>();
    private final List<ApiConnection> apiConnections = new ArrayList<>();
    private int streams;
    private MainClock.Frozen clock;

    private VectaExtension(String config) {
        this.config = config;
    }

    /** A runtime from the kit's defaults (4K pages, 16384 buffers) and {@code startupConf}. */
    public static VectaExtension withConfig(String startupConf) {
        return new VectaExtension(startupConf);
    }

    /** A runtime from the kit's defaults alone. */
    public static VectaExtension withDefaults() {
        return new VectaExtension("");
    }

    /** The node packets start at when they arrive on a pg interface; VPP's is {@code ethernet-input}. */
    public VectaExtension inputNode(String node) {
        this.inputNode = node;
        return this;
    }

    /** How long {@link #sendAndExpect} waits for packets. */
    public VectaExtension timeout(Duration wait) {
        this.timeout = wait;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("vecta-test-");
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(directory.resolve("run")))
                .parse(context.getDisplayName(), BASE_CONFIG + "socksvr { socket-name " + apiSocket() + " }\n"
                        + config));
        mainLoop = Thread.ofPlatform().name("vecta-test-main").start(runtime::run);
        cli = runtime.onMainThread(runtime.newShell(false));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (ApiConnection connection : apiConnections) {
            connection.close();
        }
        apiConnections.clear();
        clock = null;
        runtime.stop();
        mainLoop.join(Duration.ofSeconds(10));
        runtime.close();
        ports.clear();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (runtime != null && runtime.isRunning()) {
            System.err.println("==== " + context.getDisplayName() + " failed; the runtime's view ====");
            for (String line : List.of("show trace", "show errors", "show interface")) {
                System.err.println("vecta# " + line);
                System.err.print(cli.run(line).output());
            }
        }
        throw failure;
    }

    /** The runtime under test. */
    public VectaRuntime runtime() {
        return runtime;
    }

    /**
     * Runs a CLI line on the runtime's main thread, as {@code vectactl} would.
     *
     * @return its output
     * @throws AssertionError if the command fails, with its message
     */
    public String cli(String line) {
        CommandOutcome outcome = cli.run(line);
        if (outcome.failed()) {
            throw new AssertionError("'" + line + "' failed: " + outcome.output().strip());
        }
        return outcome.output();
    }

    /** Runs a CLI line that must fail and returns its error message. */
    public String cliError(String line) {
        CommandOutcome outcome = cli.run(line);
        if (!outcome.failed()) {
            throw new AssertionError("'" + line + "' should have failed, but said: " + outcome.output().strip());
        }
        return outcome.output();
    }

    /**
     * A binary-API client of the runtime under test, as an agent or vpp_papi would connect,
     * checked against {@code codecs} (the generated modules' {@code MESSAGES}); closed after the
     * test.
     */
    public ApiConnection api(ApiCodecs codecs) {
        ApiConnection connection = ApiConnection.connect(apiSocket(), "vecta-test", codecs);
        apiConnections.add(connection);
        return connection;
    }

    private Path apiSocket() {
        return directory.resolve("run").resolve(API_SOCKET);
    }

    /**
     * Stops the runtime's {@link MainClock} for the rest of the test: process timers expire and
     * entries age only when {@link #advanceClock} moves it, never with the wall clock. Packets
     * still flow; learnt entries and neighbours are stamped with the stopped time.
     */
    public void freezeClock() {
        clock = MainClock.of(runtime.graph()).freeze();
    }

    /**
     * Moves the frozen clock {@code by} forward as if that much time had passed: the main
     * thread's processes wake at each timer they set on the way, in order, each seeing the
     * time it asked for, and have run when this returns.
     *
     * @throws IllegalStateException if {@link #freezeClock} was not called
     */
    public void advanceClock(Duration by) {
        MainClock.Frozen frozen = clock;
        if (frozen == null) {
            throw new IllegalStateException("advanceClock needs freezeClock() first: the clock is the wall clock");
        }
        onMain(() -> {
            ThreadRuntime main = runtime.threads().getFirst().runtime();
            long target = frozen.getAsLong() + by.toNanos();
            main.runDueProcesses();
            long next;
            while ((next = main.processes().nextTimerNanos()) <= target) {
                frozen.advanceTo(Math.max(next, frozen.getAsLong()));
                main.runDueProcesses();
            }
            frozen.advanceTo(target);
            main.runDueProcesses();
            return null;
        });
    }

    /** The pg interface {@code pg<n>}, created and set up on first use. */
    public PgPort pg(int n) {
        PgPort port = ports.get(n);
        if (port == null) {
            cli("create packet-generator interface pg" + n);
            cli("set interface state pg" + n + " up");
            SwInterface iface = InterfaceTable.of(runtime.graph()).byName("pg" + n);
            port = new PgPort(iface.name(), iface.swIfIndex(), iface.mac());
            ports.put(n, port);
        }
        return port;
    }

    /**
     * Sends {@code packets} into {@code in} and waits until {@code out} has sent as many.
     *
     * @return what {@code out} sent, decoded, in order
     * @throws AssertionError if {@code out} sent another number of packets within the timeout
     */
    public List<DecodedPacket> sendAndExpect(PgPort in, List<byte[]> packets, PgPort out) {
        return sendAndExpect(in, packets, out, packets.size());
    }

    /**
     * Sends {@code packets} into {@code in} and waits until {@code out} has sent {@code expected}.
     *
     * @return what {@code out} sent, decoded, in order
     * @throws AssertionError if {@code out} sent another number of packets within the timeout
     */
    public List<DecodedPacket> sendAndExpect(PgPort in, List<byte[]> packets, PgPort out, int expected) {
        Map<PgPort, List<byte[]>> got = send(in, packets, List.of(out), expected, timeout);
        List<byte[]> received = got.get(out);
        if (received.size() != expected) {
            throw new AssertionError("expected " + expected + " packets out of " + out.name() + " after sending "
                    + packets.size() + " into " + in.name() + ", got " + received.size() + " within " + timeout);
        }
        return received.stream().map(DecodedPacket::decode).toList();
    }

    /**
     * Sends {@code packets} into {@code in} and checks that none of {@code watched} sends
     * anything for a short while after.
     *
     * @throws AssertionError naming the interface and what it sent
     */
    public void sendAndAssertNoReplies(PgPort in, List<byte[]> packets, PgPort... watched) {
        Map<PgPort, List<byte[]>> got = send(in, packets, List.of(watched), 0, DEFAULT_QUIET);
        for (PgPort port : watched) {
            List<byte[]> sent = got.get(port);
            if (!sent.isEmpty()) {
                throw new AssertionError(port.name() + " sent " + sent.size() + " packets where none were expected;"
                        + " the first: " + DecodedPacket.decode(sent.getFirst()).summary());
            }
        }
    }

    /** The sum over threads of {@code node}'s error counter described as {@code description}. */
    public long errors(String node, String description) {
        GraphNodeEntry entry = runtime.graph().node(node);
        ErrorDescriptor error = entry.descriptor().errors().stream()
                .filter(e -> e.description().equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("node " + node + " has no error '" + description + "'; it has "
                        + entry.descriptor().errors().stream().map(ErrorDescriptor::description).toList()));
        return onMain(() -> {
            long total = 0;
            for (DispatchThread thread : runtime.threads()) {
                total += thread.runtime().node(node).errorCount(error.code());
            }
            return total;
        });
    }

    /** The packets {@code node} processed, summed over threads (its vectors in {@code show runtime}). */
    public long vectors(String node) {
        runtime.graph().node(node);
        return onMain(() -> {
            long total = 0;
            for (DispatchThread thread : runtime.threads()) {
                total += thread.runtime().node(node).vectors();
            }
            return total;
        });
    }

    /** One counter of interface {@code port}. */
    public long counter(PgPort port, InterfaceCounters.Kind kind) {
        return InterfaceTable.of(runtime.graph()).counters().get(port.swIfIndex(), kind);
    }

    private Map<PgPort, List<byte[]>> send(PgPort in, List<byte[]> packets, List<PgPort> watched, int expected,
                                           Duration wait) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("nothing to send into " + in.name());
        }
        Path pcap = directory.resolve("send-" + streams + ".pcap");
        String stream = "test-" + streams++;
        writePcap(pcap, packets);
        for (PgPort port : watched) {
            cli("packet-generator capture " + port.name());
        }
        cli("trace add pg-input " + TRACED_PER_SEND);
        cli("packet-generator new { name " + stream + " limit " + packets.size() + " interface " + in.name()
                + " node " + inputNode + " pcap " + pcap + " }");
        cli("packet-generator enable-stream " + stream);
        PgInterfaces pg = PgInterfaces.of(runtime.graph());
        PacketGenerator generator = PacketGenerator.of(runtime.graph());
        long deadline = System.nanoTime() + wait.toNanos();
        PgStream sending = generator.find(stream).orElseThrow();
        while (System.nanoTime() < deadline) {
            boolean allSent = sending.sent() == packets.size() && !sending.isEnabled();
            if (allSent && expected > 0 && captured(pg, watched) >= expected) {
                break;
            }
            sleepBriefly();
        }
        // one more turn of the main loop, so that nothing sent is still in flight on it
        cli("comment settled");
        Map<PgPort, List<byte[]>> got = new HashMap<>();
        for (PgPort port : watched) {
            Optional<PgCapture> capture = pg.stopCapture(iface(port));
            got.put(port, capture.map(PgCapture::packets).orElse(List.of()));
        }
        cli("packet-generator delete " + stream);
        return got;
    }

    private int captured(PgInterfaces pg, List<PgPort> ports) {
        int total = 0;
        for (PgPort port : ports) {
            total += pg.capture(iface(port)).map(PgCapture::size).orElse(0);
        }
        return total;
    }

    private SwInterface iface(PgPort port) {
        return InterfaceTable.of(runtime.graph()).get(port.swIfIndex());
    }

    private <T> T onMain(Callable<T> read) {
        try {
            return runtime.tasks().call(read);
        } catch (Exception e) {
            throw new IllegalStateException("running on the runtime's main thread failed", e);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for packets", e);
        }
    }

    /** A pcap file of {@code frames}, which the pg stream replays. */
    private static void writePcap(Path file, List<byte[]> frames) {
        try (PcapWriter writer = PcapWriter.open(file, frames.size(), PcapFormat.MAX_RECORD)) {
            for (byte[] frame : frames) {
                writer.write(MemorySegment.ofArray(frame), 0, frame.length);
            }
        }
    }
}
