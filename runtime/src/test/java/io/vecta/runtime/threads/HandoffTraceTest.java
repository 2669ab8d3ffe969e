package io.vecta.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.dispatch.TraceBuffer;
import io.vecta.runtime.dispatch.TraceRecord;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.ShowTrace;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.PluginRegistration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Packet traces across a handoff: main makes and traces packets, hands them to the worker,
 * and the worker goes on with the trace and drops or punts them.
 *
 * <pre>
 *   main:   trace-gen (input, rx 1, flows 0, 1, 2 ...) ──▶ worker-handoff ══▶
 *   worker: ttl-check ──0──▶ error-drop   even flows   (buffer error: ttl-check's
 *                     ──1──▶ error-punt   odd flows     "time to live exceeded")
 * </pre>
 * Most tests turn the two loops by hand, main then worker, so the traces are exact; one runs a
 * real worker thread.
 */
class HandoffTraceTest {

    private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d:\\d{6}: ");
    private static final String MAIN_HEADER = "------------------- Start of thread 0 vecta_main -------------------\n";
    private static final String WORKER_HEADER = "------------------- Start of thread 1 vecta_wk_0 -------------------\n";

    private final Generator generator = new Generator();
    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(2048).pageSize(BufferPageSize.SIZE_4K).build(), 2);
    private final Graph graph = graph();
    private final Buffers buffers = pools.buffers();

    /** Makes {@link #perTurn} packets a turn on main only, traces what it may, sends them to next 0. */
    private static final class Generator implements NodeFunction {

        int perTurn = 2;
        final List<Integer> handles = new ArrayList<>();
        private int nextFlow;

        @Override
        public int dispatch(NodeContext ctx, Frame frame) {
            if (ctx.threadIndex() != 0) {
                return 0;
            }
            int[] bis = new int[perTurn];
            ctx.allocator().allocExactly(bis, 0, perTurn);
            int traceable = Math.min(ctx.traceBudget(), perTurn);
            for (int i = 0; i < perTurn; i++) {
                ctx.buffers().setFlowId(bis[i], nextFlow++);
                ctx.buffers().setRxSwIfIndex(bis[i], 1);
                if (i < traceable) {
                    ctx.traceBuffer(bis[i]);
                    handles.add(ctx.buffers().traceHandle(bis[i]));
                    ctx.addTrace(bis[i], "generated flow " + ctx.buffers().flowId(bis[i]));
                }
            }
            ctx.enqueueToSingleNext(bis, 0, perTurn);
            return perTurn;
        }
    }

    /** Traces each traced packet's flow, marks every packet with its error, drops even flows, punts odd ones. */
    private static int ttlCheck(NodeContext ctx, Frame frame) {
        NodeRuntime runtime = (NodeRuntime) ctx;
        int error = runtime.graph().errorIndex(ctx.nodeIndex(), 0);
        int count = frame.count();
        int[] nexts = new int[count];
        for (int i = 0; i < count; i++) {
            int bi = frame.buffers()[i];
            if (ctx.tracing() && (ctx.buffers().flags(bi) & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(bi, "flow " + ctx.buffers().flowId(bi));
            }
            ctx.buffers().setError(bi, error);
            nexts[i] = ctx.buffers().flowId(bi) % 2;
        }
        ctx.enqueueToNext(frame.buffers(), nexts, count);
        return count;
    }

    private Graph graph() {
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(HandoffTraceTest.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin("handoff-trace-test",
                TestPlugins.node("trace-gen", NodeType.INPUT, generator, "worker-handoff"),
                WorkerHandoffNode.descriptor("worker-handoff", "ttl-check"),
                TestPlugins.nodeWithErrors("ttl-check", HandoffTraceTest::ttlCheck, List.of("error-drop", "error-punt"),
                        "time to live exceeded")));
        return Graph.buildFrom(plugins);
    }

    @AfterEach
    void close() {
        pools.close();
    }

    private static String show(long startNanos, ThreadRuntime... threads) {
        List<DispatchThread> described = new ArrayList<>();
        for (ThreadRuntime thread : threads) {
            described.add(DispatchThread.of(thread));
        }
        return TIME.matcher(ShowTrace.format(described, startNanos, ShowTrace.DEFAULT_MAX)).replaceAll("TIME: ");
    }

    private static String mainPacket(int number, int flow, int bi) {
        return "Packet " + number + "\n\n"
                + "TIME: trace-gen\n  generated flow " + flow + "\n"
                + "TIME: worker-handoff\n  sw_if_index 1, next_worker 1 vecta_wk_0, buffer 0x" + Integer.toHexString(bi)
                + "\n\n";
    }

    private static String workerPacket(int number, int flow, int traceIndex) {
        return "Packet " + number + "\n\n"
                + "TIME: handoff-trace\n  HANDED-OFF: from thread 0 vecta_main trace index " + traceIndex + "\n"
                + "TIME: ttl-check\n  flow " + flow + "\n"
                + "TIME: " + (flow % 2 == 0 ? "error-drop" : "error-punt")
                + "\n  rx:sw_if_index 1\n  ttl-check: time to live exceeded\n\n";
    }

    private static int firstBuffer(ThreadRuntime thread, int packet) {
        return thread.traceBuffer().packets().get(packet).getFirst().bi();
    }

    @Test
    void shouldShowTheFirstPartOfAHandedOffPacketUnderMainAndTheRestUnderTheWorker() {
        long start = System.nanoTime();
        HandoffQueues handoff = new HandoffQueues(2, HandoffQueues.DEFAULT_FRAMES);
        ThreadRuntime main = new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
        ThreadRuntime worker = new ThreadRuntime(graph, 1, pools.allocator(1), handoff);
        generator.perTurn = 4;
        main.node("trace-gen").addTraceBudget(2);

        main.runOnce();
        worker.runOnce();

        assertThat(show(start, main, worker)).isEqualTo(MAIN_HEADER
                + mainPacket(1, 0, firstBuffer(main, 0)) + mainPacket(2, 1, firstBuffer(main, 1))
                + WORKER_HEADER + workerPacket(1, 0, 0) + workerPacket(2, 1, 1));
        assertThat(worker.traceBuffer().packets()).extracting(p -> p.getFirst().bi())
                .as("each part of a packet's trace names the same buffer")
                .containsExactly(firstBuffer(main, 0), firstBuffer(main, 1));
        assertThat(worker.node("ttl-check").vectors()).as("untraced packets went the same way").isEqualTo(4);
        assertThat(worker.node("ttl-check").errorCount(0)).isEqualTo(4);
        assertThat(pools.pool(0).used()).isZero();
    }

    @Test
    void shouldTraceNothingOnEitherThreadWhenNoTraceWasAsked() {
        HandoffQueues handoff = new HandoffQueues(2, HandoffQueues.DEFAULT_FRAMES);
        ThreadRuntime main = new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
        ThreadRuntime worker = new ThreadRuntime(graph, 1, pools.allocator(1), handoff);
        generator.perTurn = 8;

        main.runOnce();
        worker.runOnce();

        assertThat(main.traceBuffer().recordCount()).isZero();
        assertThat(worker.traceBuffer().recordCount()).isZero();
        assertThat(worker.traceBuffer().droppedPackets()).isZero();
        assertThat(worker.node("error-drop").vectors() + worker.node("error-punt").vectors()).isEqualTo(8);
    }

    @Test
    void shouldNeverAppendARecordOnTheWorkerToATraceThatMainOwns() {
        HandoffQueues handoff = new HandoffQueues(2, HandoffQueues.DEFAULT_FRAMES);
        ThreadRuntime main = new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
        ThreadRuntime worker = new ThreadRuntime(graph, 1, pools.allocator(1), handoff);
        main.node("trace-gen").addTraceBudget(1);
        main.runOnce();
        worker.runOnce();
        // main's trace 0 and the worker's trace 0 are both of generation 1: only the thread tells them apart
        int mainHandle = generator.handles.getFirst();
        List<List<TraceRecord>> mainBefore = main.traceBuffer().packets();
        List<List<TraceRecord>> workerBefore = worker.traceBuffer().packets();
        assertThat(TraceBuffer.threadOf(mainHandle)).isZero();
        assertThat(TraceBuffer.packetIndexOf(mainHandle)).isZero();
        int[] bi = new int[1];
        pools.allocator(1).allocExactly(bi, 0, 1);
        buffers.setFlowId(bi[0], 8);
        buffers.addFlags(bi[0], BufferFlags.IS_TRACED);
        buffers.setTraceHandle(bi[0], mainHandle);
        Frame frame = worker.takeFrame();
        frame.add(bi[0]);
        frame.setTraced(true);

        // straight onto the worker's pending queue, not through the handoff that would start a trace
        worker.putPending(graph.node("ttl-check").index(), frame);
        worker.runOnce();

        assertThat(main.traceBuffer().packets()).as("main's traces").isEqualTo(mainBefore);
        assertThat(worker.traceBuffer().packets()).as("the worker's traces").hasSize(2)
                .startsWith(workerBefore.getFirst());
        assertThat(worker.traceBuffer().packets().getLast()).extracting(r -> r.node() + " " + r.bi())
                .containsExactly("ttl-check " + bi[0], "error-drop " + bi[0]);
    }

    @Test
    void shouldCountPacketsTheWorkersFullTraceBufferCannotTakeAndSayItInShowTrace() {
        long start = System.nanoTime();
        HandoffQueues handoff = new HandoffQueues(2, HandoffQueues.DEFAULT_FRAMES);
        ThreadRuntime main = new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
        ThreadRuntime worker = new ThreadRuntime(graph, 1, pools.allocator(1), handoff);
        worker.traceBuffer().setRecordLimit(3);
        generator.perTurn = 4;
        main.node("trace-gen").addTraceBudget(4);

        main.runOnce();
        worker.runOnce();

        // on arrival three packets start a trace of one record each and the fourth finds no room;
        // the three then lose their ttl-check and error-drop/punt records
        TraceBuffer full = worker.traceBuffer();
        assertThat(full.recordCount()).isEqualTo(3);
        assertThat(full.droppedPackets()).isEqualTo(1);
        assertThat(full.droppedRecords()).isEqualTo(6);
        assertThat(show(start, worker)).endsWith("Trace buffer full (3 records): 6 records and 1 packets not traced\n");
        assertThat(worker.node("error-drop").vectors() + worker.node("error-punt").vectors()).isEqualTo(4);
        assertThat(pools.pool(0).used()).isZero();

        worker.clearTraces();
        main.node("trace-gen").addTraceBudget(1);
        main.runOnce();
        worker.runOnce();

        assertThat(full.droppedPackets()).isZero();
        assertThat(full.packets()).hasSize(1).first().extracting(List::size).isEqualTo(3);
    }

    @Test
    void shouldRecordACongestionDropForATracedPacketWhoseWorkerQueueIsFull() {
        HandoffQueues handoff = new HandoffQueues(2, 2);
        ThreadRuntime main = new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
        ThreadRuntime worker = new ThreadRuntime(graph, 1, pools.allocator(1), handoff);
        generator.perTurn = 2 * Frame.CAPACITY + 10;
        main.node("trace-gen").addTraceBudget(generator.perTurn);

        main.runOnce();
        worker.runOnce();

        List<List<TraceRecord>> sent = main.traceBuffer().packets();
        assertThat(sent).hasSize(generator.perTurn);
        assertThat(sent).filteredOn(p -> p.size() == 3)
                .extracting(p -> p.getLast().node() + ": " + p.getLast().record())
                .hasSize(10)
                .containsOnly("worker-handoff: congestion drop: the handoff queue of thread 1 is full");
        assertThat(worker.traceBuffer().packets()).hasSize(2 * Frame.CAPACITY);
        assertThat(main.node("worker-handoff").errorCount(WorkerHandoffNode.CONGESTION_DROP)).isEqualTo(10);
        assertThat(pools.pool(0).used()).isZero();
    }

    @Test
    void shouldTraceAcrossARunningWorkerThread() {
        long start = System.nanoTime();
        HandoffQueues handoff = new HandoffQueues(2, HandoffQueues.DEFAULT_FRAMES);
        ThreadRuntime main = new ThreadRuntime(graph, 0, pools.allocator(0), handoff);
        CorePlacement unpinned = new CorePlacement(CorePlacement.NOT_PINNED, List.of(CorePlacement.NOT_PINNED));
        generator.perTurn = 3;
        main.node("trace-gen").addTraceBudget(3);
        try (Workers workers = Workers.start(graph, pools, unpinned, handoff, Duration.ofSeconds(5))) {
            ThreadRuntime worker = workers.runtime(0);
            main.runOnce();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (worker.node("error-drop").vectors() + worker.node("error-punt").vectors() < 3
                    && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            }
            workers.barrier().sync();
            try {
                assertThat(show(start, main, worker)).isEqualTo(MAIN_HEADER
                        + mainPacket(1, 0, firstBuffer(main, 0)) + mainPacket(2, 1, firstBuffer(main, 1))
                        + mainPacket(3, 2, firstBuffer(main, 2))
                        + WORKER_HEADER + workerPacket(1, 0, 0) + workerPacket(2, 1, 1) + workerPacket(3, 2, 2));
            } finally {
                workers.barrier().release();
            }
        }
    }
}
