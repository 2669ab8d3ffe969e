package io.vecta.runtime.afpacket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.CliRuntime;
import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.NodeState;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.interfaces.InterfaceCounters.Kind;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.packet.Ip4;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create host-interface} on a real veth whose other end is in a network namespace: what
 * the namespace's kernel sends arrives through {@code af-packet-input}, and what a pg stream sends
 * out of {@code host-vafh0} is captured by tcpdump in the namespace. Needs root and
 * {@code ip netns}; skipped otherwise.
 */
class AfPacketInterfacesTest {

    /** Names of this JVM's own, so that test runs of other clones on the machine leave its veth alone. */
    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid() % 100_000);
    private static final String HOST = "vafh" + SUFFIX;
    private static final String PEER = "vafp" + SUFFIX;
    private static final String IF = "host-" + HOST;
    /** How long a test waits for the kernel's frames before it fails, naming what it waited for. */
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private static NamespacePeer peer;

    @TempDir
    Path temp;

    private CliRuntime vecta;
    private VectaRuntime runtime;

    @BeforeAll
    static void namespace() throws Exception {
        peer = NamespacePeer.up("vafns" + SUFFIX, HOST, PEER);
    }

    @AfterAll
    static void removeNamespace() {
        if (peer != null) {
            peer.close();
        }
    }

    @BeforeEach
    void start() {
        vecta = new CliRuntime(temp.resolve("run"));
        runtime = vecta.runtime();
    }

    @AfterEach
    void stop() {
        vecta.close();
    }

    @Test
    void shouldReceiveWhatTheNamespaceSendsCountItAndTraceIt() throws Exception {
        assertThat(run("create host-interface name " + HOST + " node null-node")).isEqualTo(IF + "\n");
        run("set interface state " + IF + " up");
        run("trace add af-packet-input 10");

        Process ping = peer.start("ping", "-c", "3", "-i", "0.2", "-W", "1", NamespacePeer.GATEWAY);
        turnUntil(() -> counter(Kind.RX_PACKETS) >= 3, "3 echo requests from the namespace");
        assertThat(ping.waitFor(20, TimeUnit.SECONDS)).isTrue();
        for (int turn = 0; turn < 10; turn++) {
            runtime.mainThread().runOnce();
        }

        assertThat(counter(Kind.RX_PACKETS)).isEqualTo(3);
        assertThat(counter(Kind.RX_BYTES)).isEqualTo(3 * 98);
        assertThat(runtime.mainThread().node("null-node").vectors()).isEqualTo(3);
        String trace = run("show trace");
        assertThat(trace).contains("af-packet-input", "af_packet: " + IF + " next-index 0",
                "len 98 snaplen 98 mac 82 net 96");
        assertThat(trace.split("af_packet: ", -1)).hasSize(4);
        assertThat(run("show interface " + IF)).contains("rx packets", "294");
    }

    @Test
    void shouldDropAndCountWhatArrivesWhileTheInterfaceIsDown() throws Exception {
        run("create host-interface name " + HOST + " node null-node");

        Process ping = peer.start("ping", "-c", "2", "-i", "0.2", "-W", "1", NamespacePeer.GATEWAY);
        turnUntil(() -> counter(Kind.DROPS) >= 2, "2 echo requests dropped on the down interface");
        assertThat(ping.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(counter(Kind.RX_PACKETS)).isZero();
        assertThat(runtime.mainThread().node("null-node").vectors()).isZero();
        assertThat(run("show errors").lines().filter(l -> l.contains("af-packet-input")).toList()).singleElement()
                .satisfies(l -> assertThat(l.strip().split(" +")).startsWith("2", "af-packet-input", "interface"));
    }

    @Test
    void shouldSendWhatAPgStreamTransmitsForTcpdumpInTheNamespaceToCapture() throws Exception {
        run("create host-interface name " + HOST + " node null-node");
        run("set interface state " + IF + " up");
        Assumptions.assumeTrue(NamespacePeer.run("sh", "-c", "command -v tcpdump").contains("tcpdump"),
                "tcpdump is not installed");
        Path capture = temp.resolve("ns.pcap");
        Process tcpdump = peer.start("tcpdump", "-i", PEER, "-U", "-w", capture.toString(), "-c", "5",
                "udp and dst port 5678");
        BufferedReader err = new BufferedReader(new InputStreamReader(tcpdump.getErrorStream()));
        for (String line = err.readLine(); line != null && !line.contains("listening on"); line = err.readLine()) {
            assertThat(line).as("tcpdump before it listens").doesNotContain("rror");
        }

        run("packet-generator new { name out limit 5 size 64-64 tx-interface " + IF + " node interface-output"
                + " data { IP4: " + NamespacePeer.MAC_HOST + " -> " + NamespacePeer.MAC_PEER
                + " UDP: 198.18.10.1 -> 198.18.10.2 UDP: 1234 -> 5678 incrementing 22 } }");
        run("packet-generator enable-stream out");
        turnUntil(() -> !tcpdump.isAlive(), "tcpdump in the namespace to capture 5 frames");

        List<byte[]> frames = NamespacePeer.readPcap(capture);
        assertThat(frames).hasSize(5).allSatisfy(f -> assertThat(f).hasSize(64));
        assertThat(frames).extracting(f -> Ip4.dst(MemorySegment.ofArray(f), 14)).containsOnly(0xc6120a02);
        assertThat(counter(Kind.TX_PACKETS)).isEqualTo(5);
        assertThat(counter(Kind.TX_BYTES)).isEqualTo(5 * 64);
        assertThat(run("show errors")).doesNotContain("af-packet-tx");
    }

    @Test
    void shouldCountPacketsTooLongForATransmitSlotAndFreeThem() {
        run("create host-interface name " + HOST + " node null-node");
        run("set interface state " + IF + " up");
        ThreadRuntime main = runtime.mainThread();
        Buffers buffers = main.buffers();
        int usedBefore = runtime.bufferPools().pools().getFirst().used();
        int sw = InterfaceTable.of(runtime.graph()).byName(IF).swIfIndex();
        Frame frame = main.takeFrame();
        for (int p = 0; p < 3; p++) {
            // 2100 bytes in two buffers: more than a transmit slot's 2016
            int[] pair = new int[2];
            main.allocator().allocExactly(pair, 0, 2);
            buffers.setCurrentLength(pair[0], 1500);
            buffers.setCurrentLength(pair[1], 600);
            buffers.chainAppend(pair[0], pair[0], pair[1]);
            buffers.setTxSwIfIndex(pair[0], sw);
            frame.add(pair[0]);
        }
        main.putPending(runtime.graph().node(InterfaceTable.OUTPUT_NODE).index(), frame);
        main.drainPending();

        assertThat(run("show errors").lines().filter(l -> l.contains("af-packet-tx")).toList()).singleElement()
                .satisfies(l -> assertThat(l.strip().split(" +")).startsWith("3", "af-packet-tx", "packet", "longer"));
        assertThat(runtime.bufferPools().pools().getFirst().used()).as("buffers in use").isEqualTo(usedBefore);
    }

    @Test
    void shouldRefuseUnknownAndDuplicateHostInterfacesAndDeleteOne() {
        assertThat(fail("create host-interface name vafnosuch0 node null-node")).isEqualTo(
                "create host-interface: host interface vafnosuch0: if_nametoindex(\"vafnosuch0\") failed: ENODEV (No such device);"
                        + " no such interface in this network namespace (ip link)\n");
        assertThat(fail("create host-interface node null-node"))
                .isEqualTo("create host-interface: name <host-if-name> is required\n");
        assertThat(fail("delete host-interface " + HOST))
                .isEqualTo("delete host-interface: name <host-if-name> is required\n");
        if (!runtime.graph().hasNode(AfPacketInterfaces.DEFAULT_NEXT_NODE)) {
            assertThat(fail("create host-interface name " + HOST)).isEqualTo("create host-interface: host interface "
                    + HOST
                    + ": no node named 'ethernet-input' in the graph to receive its frames; name one with"
                    + " 'node <node>'\n");
        }
        run("create host-interface name " + HOST + " node null-node");
        assertThat(fail("create host-interface name " + HOST + " node null-node"))
                .isEqualTo("create host-interface: host interface " + HOST + " exists as " + IF + "\n");
        int first = InterfaceTable.of(runtime.graph()).byName(IF).swIfIndex();

        run("delete host-interface name " + HOST);
        assertThat(run("show interface")).doesNotContain(IF);
        assertThat(fail("delete host-interface name " + HOST))
                .isEqualTo("delete host-interface: no host interface " + HOST + "\n");
        assertThat(fail("set interface state " + IF + " up"))
                .isEqualTo("set interface state: interface: no interface named '" + IF + "'\n");

        run("create host-interface name " + HOST + " hw-addr 02:fe:aa:bb:cc:dd node null-node");
        assertThat(InterfaceTable.of(runtime.graph()).byName(IF).swIfIndex()).isEqualTo(first + 1);
        assertThat(InterfaceTable.of(runtime.graph()).byName(IF).mac()).isEqualTo(0x02feaabbccddL);
    }

    @Test
    void shouldTakeTheHostInterfacesOwnMacByDefault() {
        run("create host-interface name " + HOST + " node null-node");
        assertThat(InterfaceTable.of(runtime.graph()).byName(IF).mac()).isEqualTo(0x02fe00000a01L);
    }

    @Test
    void shouldStartInInterruptModeAndShowEachModeSetInRxPlacement() {
        run("create host-interface name " + HOST + " node null-node");
        ThreadRuntime main = runtime.mainThread();
        assertThat(run("show interface rx-placement")).isEqualTo(placement("interrupt"));
        assertThat(main.node(AfPacketInterfaces.INPUT_NODE).state()).isEqualTo(NodeState.INTERRUPT);
        assertThat(main.watchedFiles()).isEqualTo(1);

        run("set interface rx-mode " + IF + " polling");
        assertThat(run("sh int rx-placement")).isEqualTo(placement("polling"));
        assertThat(main.node(AfPacketInterfaces.INPUT_NODE).state()).isEqualTo(NodeState.POLLING);
        assertThat(main.watchedFiles()).isZero();

        run("set interface rx-mode " + IF + " queue 0 adaptive");
        assertThat(run("show interface rx-placement")).isEqualTo(placement("adaptive"));
        assertThat(main.node(AfPacketInterfaces.INPUT_NODE).state()).isEqualTo(NodeState.INTERRUPT);
        assertThat(main.watchedFiles()).isEqualTo(1);

        run("set interface rx-mode " + IF + " interrupt");
        assertThat(run("show interface rx-placement")).isEqualTo(placement("interrupt"));
        assertThat(main.watchedFiles()).isEqualTo(1);

        run("delete host-interface name " + HOST);
        assertThat(run("show interface rx-placement")).isEmpty();
        assertThat(main.watchedFiles()).isZero();
    }

    @Test
    void shouldRefuseRxModesForInterfacesQueuesAndWordsThatDoNotExist() {
        run("create host-interface name " + HOST + " node null-node");

        assertThat(fail("set interface rx-mode local0 polling")).isEqualTo("set interface rx-mode: interface local0 has"
                + " no receive queue whose rx-mode can be set (device class local); host interfaces have one\n");
        assertThat(fail("set interface rx-mode " + IF + " queue 1 polling")).isEqualTo("set interface rx-mode:"
                + " unknown queue 1 on interface " + IF + ": a host interface has queue 0 only\n");
        assertThat(fail("set interface rx-mode " + IF + " pollin")).startsWith("set interface rx-mode: unknown input"
                + " 'pollin'").contains("polling");
        assertThat(fail("set interface rx-mode " + IF)).isEqualTo("set interface rx-mode: please specify valid"
                + " rx-mode: polling, interrupt or adaptive\n");
        assertThat(fail("set interface rx-mode host-vafnosuch0 polling")).startsWith("set interface rx-mode: ")
                .contains("host-vafnosuch0");
        assertThat(run("show interface rx-placement")).isEqualTo(placement("interrupt"));
    }

    @Test
    void shouldCallTheInputNodeOfAnInterruptModeRingOnlyWhenFramesArrive() throws Exception {
        run("create host-interface name " + HOST + " node null-node");
        run("set interface state " + IF + " up");
        ThreadRuntime main = runtime.mainThread();
        NodeRuntime input = main.node(AfPacketInterfaces.INPUT_NODE);

        turn(10_000);
        assertThat(input.calls()).as("calls in interrupt mode, nothing arriving").isZero();
        run("set interface rx-mode " + IF + " polling");
        turn(10_000);
        assertThat(input.calls()).as("calls in polling mode").isEqualTo(10_000);
        run("set interface rx-mode " + IF + " interrupt");
        long polled = input.calls();
        turn(10_000);
        assertThat(input.calls()).as("calls back in interrupt mode").isEqualTo(polled);

        Process ping = peer.start("ping", "-c", "3", "-i", "0.2", "-W", "1", NamespacePeer.GATEWAY);
        turnUntil(() -> counter(Kind.RX_PACKETS) >= 3, "3 echo requests from the namespace");
        assertThat(ping.waitFor(20, TimeUnit.SECONDS)).isTrue();
        turn(10);

        assertThat(counter(Kind.RX_PACKETS)).isEqualTo(3);
        assertThat(main.node("null-node").vectors()).isEqualTo(3);
        assertThat(input.calls() - polled).as("calls for 3 frames").isBetween(1L, 3L + 10);
    }

    @Test
    void shouldPollAnAdaptiveRingAfterABusyCallAndWaitForInterruptsAgainWhenItIsQuiet() throws Exception {
        run("create host-interface name " + HOST + " node null-node");
        run("set interface state " + IF + " up");
        run("set interface rx-mode " + IF + " adaptive");
        ThreadRuntime main = runtime.mainThread();
        NodeRuntime input = main.node(AfPacketInterfaces.INPUT_NODE);

        // 20 frames wait in the ring while the loop does not turn: the first call takes them all
        Process ping = peer.start("ping", "-c", "20", "-i", "0.01", "-W", "1", NamespacePeer.GATEWAY);
        assertThat(ping.waitFor(20, TimeUnit.SECONDS)).isTrue();
        turnUntil(() -> counter(Kind.RX_PACKETS) >= 20, "20 echo requests from the namespace");
        assertThat(input.state()).isEqualTo(NodeState.POLLING);
        assertThat(run("show interface rx-placement")).isEqualTo(placement("adaptive"));

        turn(AfPacketRxQueue.IDLE_POLLS - 1);
        assertThat(input.state()).isEqualTo(NodeState.POLLING);
        turn(1);
        assertThat(input.state()).isEqualTo(NodeState.INTERRUPT);
        long calls = input.calls();
        turn(10_000);
        assertThat(input.calls()).isEqualTo(calls);
    }

    @Test
    void shouldSleepWhileIdleInInterruptModeAndWakeForFrames() throws Exception {
        run("create host-interface name " + HOST + " node null-node");
        run("set interface state " + IF + " up");
        ThreadRuntime main = runtime.mainThread();
        NodeRuntime input = main.node(AfPacketInterfaces.INPUT_NODE);
        Thread loop = Thread.ofPlatform().name("vecta-afpacket-test-main").start(runtime::run);
        try {
            long[] start = onMain(() -> new long[] {input.calls(), main.loops(), main.sleeps()});
            long[] now = start;
            // 50 sleeps of the main loop: each ends at most 10 ms later, or at the next of these reads
            while (now[2] < start[2] + 50) {
                Thread.sleep(1);
                now = onMain(() -> new long[] {input.calls(), main.loops(), main.sleeps()});
            }
            assertThat(now[0]).as("af-packet-input calls while idle").isEqualTo(start[0]);
            assertThat(now[1]).as("turns of the loop").isGreaterThan(start[1]);

            Process ping = peer.start("ping", "-c", "3", "-i", "0.2", "-W", "1", NamespacePeer.GATEWAY);
            assertThat(ping.waitFor(20, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (onMain(() -> counter(Kind.RX_PACKETS)) < 3) {
                assertThat(System.nanoTime() - deadline).as("still waiting for 3 echo requests").isNegative();
                Thread.sleep(1);
            }
            assertThat(onMain(input::calls)).isGreaterThan(start[0]);
            assertThat(onMain(() -> main.node("null-node").vectors())).isEqualTo(3);
        } finally {
            runtime.stop();
            assertThat(runtime.awaitLoopEnd(java.time.Duration.ofSeconds(20))).isTrue();
            loop.join();
        }
    }

    private <T> T onMain(java.util.concurrent.Callable<T> read) throws Exception {
        return runtime.tasks().call(read);
    }

    private static String placement(String mode) {
        return "Thread 0 (vecta_main):\n node af-packet-input:\n    " + IF + " queue 0 (" + mode + ")\n";
    }

    private void turn(int turns) {
        for (int turn = 0; turn < turns; turn++) {
            runtime.mainThread().runOnce();
        }
    }

    private void turnUntil(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("still waiting for %s", what).isNegative();
            runtime.mainThread().runOnce();
            Thread.onSpinWait();
        }
    }

    private long counter(Kind kind) {
        InterfaceTable table = InterfaceTable.of(runtime.graph());
        return table.counters().get(table.byName(IF).swIfIndex(), kind);
    }

    private String run(String line) {
        return vecta.run(line);
    }

    private String fail(String line) {
        return vecta.fail(line);
    }
}
