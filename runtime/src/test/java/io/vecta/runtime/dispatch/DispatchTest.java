package io.vecta.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPool;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.show.ShowTrace;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispatchTest {

    private static final long SEED = 0x0d15_7a7cL;

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(2000).pageSize(BufferPageSize.SIZE_4K).build(), 1);
    private final Buffers buffers = pools.buffers();

    @AfterEach
    void closePools() {
        pools.close();
    }

    /** Sends each buffer to next (flow id mod 3): error-drop, null-node, error-punt; counts error (flow id mod 2). */
    private static final class Classify implements NodeFunction {
        private final int[] nexts = new int[Frame.CAPACITY];
        private final int[] errors = new int[2];

        @Override
        public int dispatch(NodeContext ctx, Frame frame) {
            int[] from = frame.buffers();
            int count = frame.count();
            for (int i = 0; i < count; i++) {
                int flow = ctx.buffers().flowId(from[i]);
                nexts[i] = flow % 3;
                errors[flow % 2]++;
                if ((ctx.buffers().flags(from[i]) & BufferFlags.IS_TRACED) != 0) {
                    ctx.addTrace(from[i], "flow " + flow);
                }
            }
            ctx.enqueueToNext(from, nexts, count);
            ctx.addErrors(errors, 0);
            errors[0] = 0;
            errors[1] = 0;
            return count;
        }
    }

    private static NodeDescriptor classify() {
        return TestPlugins.nodeWithErrors("classify", new Classify(), List.of("error-drop", "null-node", "error-punt"),
                "even flows", "odd flows");
    }

    private static Graph graph(NodeDescriptor... nodes) {
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(DispatchTest.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin("test", nodes));
        return Graph.buildFrom(plugins);
    }

    private ThreadRuntime runtime(Graph graph) {
        return new ThreadRuntime(graph, 0, pools.allocator(0));
    }

    /**
     * A thread whose graph's own processes (the builtin plugin's ageing processes) have made
     * their first step, so that the turns a test counts hold only its own work.
     */
    private ThreadRuntime runtimeWithProcessesStarted(Graph graph) {
        ThreadRuntime thread = runtime(graph);
        thread.runDueProcesses();
        return thread;
    }

    private void assertEveryBufferFree() {
        BufferPool pool = pools.pool(0);
        assertThat(pool.used()).as("buffers held after the run").isZero();
        assertThat(pool.available() + pool.cached()).isEqualTo(pool.total());
    }

    @Test
    void shouldRunFramesThroughTheGraphCountingExactlyAndFreeingEveryBuffer() {
        Graph graph = graph(classify());
        ThreadRuntime thread = runtimeWithProcessesStarted(graph);
        Random random = new Random(SEED);
        int total = 600;
        int[] bis = new int[total];
        pools.allocator(0).allocExactly(bis, 0, total);
        int[] byNext = new int[3];
        int[] byParity = new int[2];
        List<String> traces = new ArrayList<>();
        List<String> endings = new ArrayList<>();
        for (int bi : bis) {
            int flow = random.nextInt(1000);
            buffers.setFlowId(bi, flow);
            byNext[flow % 3]++;
            byParity[flow % 2]++;
            if (random.nextInt(10) == 0) {
                buffers.addFlags(bi, BufferFlags.IS_TRACED);
                traces.add(bi + " flow " + flow);
                if (flow % 3 != 1) {
                    endings.add(bi + " " + (flow % 3 == 0 ? "error-drop" : "error-punt")
                            + " rx:local0\nno error set in the buffer");
                }
            }
        }
        int classify = graph.node("classify").index();
        for (int start = 0; start < total; start += Frame.CAPACITY) {
            Frame frame = thread.takeFrame();
            int n = Math.min(Frame.CAPACITY, total - start);
            System.arraycopy(bis, start, frame.buffers(), 0, n);
            frame.setCount(n);
            frame.setTraced(true);
            thread.putPending(classify, frame);
        }

        int work = thread.runOnce();

        String seed = "seed " + SEED;
        assertThat(work).as(seed).isEqualTo(total + total);
        assertEveryBufferFree();
        assertThat(thread.pendingFrames()).isZero();
        NodeRuntime node = thread.node("classify");
        assertThat(node.calls()).isEqualTo(3);
        assertThat(node.vectors()).isEqualTo(total);
        assertThat(node.errorCount(0)).as(seed).isEqualTo(byParity[0]);
        assertThat(node.errorCount(1)).as(seed).isEqualTo(byParity[1]);
        assertThat(thread.node("error-drop").vectors()).as(seed).isEqualTo(byNext[0]);
        assertThat(thread.node("error-drop").calls()).isEqualTo(3);
        assertThat(thread.node("null-node").errorCount(0)).as(seed).isEqualTo(byNext[1]);
        assertThat(thread.node("error-punt").vectors()).as(seed).isEqualTo(byNext[2]);
        assertThat(thread.traces()).filteredOn(t -> t.node().equals("classify"))
                .extracting(t -> t.bi() + " " + t.record()).as(seed).containsExactlyInAnyOrderElementsOf(traces);
        assertThat(thread.traces()).filteredOn(t -> !t.node().equals("classify"))
                .extracting(t -> t.bi() + " " + t.node() + " " + ShowTrace.text(t.record())).as(seed)
                .containsExactlyInAnyOrderElementsOf(endings);
        assertThat(node.nanos()).isPositive();
    }

    @Test
    void shouldPutAFullNextFrameOnThePendingQueueAndStartANewOne() {
        int produced = 700;
        NodeFunction source = (ctx, frame) -> {
            int[] bis = new int[produced];
            ctx.allocator().allocExactly(bis, 0, produced);
            ctx.enqueueToSingleNext(bis, 0, produced);
            return 0;
        };
        Graph graph = graph(TestPlugins.node("source", NodeType.INPUT, source, "error-drop"));
        ThreadRuntime thread = runtimeWithProcessesStarted(graph);

        assertThat(thread.runOnce()).isEqualTo(produced + produced);
        thread.node("source").setState(NodeState.DISABLED);
        assertThat(thread.runOnce()).isZero();

        assertThat(thread.node("source").calls()).isEqualTo(1);
        assertThat(thread.node("source").vectors()).isEqualTo(produced);
        assertThat(thread.node("error-drop").calls()).isEqualTo(3);
        assertThat(thread.node("error-drop").vectors()).isEqualTo(produced);
        assertThat(thread.loops()).isEqualTo(2);
        assertEveryBufferFree();
    }

    @Test
    void shouldSplitRunsOfNextsOverFullFramesOfEachNext() {
        int produced = 1500;
        Random random = new Random(SEED);
        int[] nexts = new int[produced];
        int[] byNext = new int[3];
        for (int i = 0; i < produced; ) {
            int next = random.nextInt(3);
            int run = 1 + random.nextInt(random.nextBoolean() ? 4 : 400);
            for (int k = 0; k < run && i < produced; k++, i++) {
                nexts[i] = next;
                byNext[next]++;
            }
        }
        NodeFunction source = (ctx, frame) -> {
            int[] bis = new int[produced];
            ctx.allocator().allocExactly(bis, 0, produced);
            ctx.enqueueToNext(bis, nexts, produced);
            return 0;
        };
        Graph graph = graph(TestPlugins.node("source", NodeType.INPUT, source, "error-drop", "null-node", "error-punt"));
        ThreadRuntime thread = runtime(graph);

        thread.runOnce();

        String seed = "seed " + SEED;
        String[] sinks = {"error-drop", "null-node", "error-punt"};
        for (int next = 0; next < 3; next++) {
            NodeRuntime sink = thread.node(sinks[next]);
            assertThat(sink.vectors()).as(seed + " " + sinks[next]).isEqualTo(byNext[next]);
            assertThat(sink.calls()).as(seed + " " + sinks[next])
                    .isEqualTo((byNext[next] + Frame.CAPACITY - 1) / Frame.CAPACITY);
        }
        assertEveryBufferFree();
    }

    /**
     * Buffers over {@code targets} nexts in random runs, more than a frame's worth: every buffer
     * reaches its next in the order it had.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 6})
    void shouldEnqueueBuffersInOrderPerNext(int targets) {
        Random random = new Random(SEED + targets);
        int produced = 700;
        int[] nexts = new int[produced];
        for (int i = 0; i < produced; ) {
            int next = random.nextInt(targets);
            int run = 1 + random.nextInt(random.nextBoolean() ? 3 : 90);
            for (int k = 0; k < run && i < produced; k++, i++) {
                nexts[i] = next;
            }
        }
        List<List<Integer>> received = new ArrayList<>();
        List<NodeDescriptor> nodes = new ArrayList<>();
        String[] sinks = new String[targets];
        for (int t = 0; t < targets; t++) {
            List<Integer> mine = new ArrayList<>();
            received.add(mine);
            sinks[t] = "record-" + t;
            nodes.add(TestPlugins.node(sinks[t], NodeType.INTERNAL, (ctx, frame) -> {
                for (int i = 0; i < frame.count(); i++) {
                    mine.add(frame.buffers()[i]);
                }
                ctx.allocator().free(frame.buffers(), 0, frame.count());
                return frame.count();
            }));
        }
        int[] bis = new int[produced];
        NodeFunction source = (ctx, frame) -> {
            ctx.allocator().allocExactly(bis, 0, produced);
            ctx.enqueueToNext(bis, nexts, produced);
            return 0;
        };
        nodes.add(TestPlugins.node("source", NodeType.INTERNAL, source, sinks));
        ThreadRuntime thread = runtime(graph(nodes.toArray(NodeDescriptor[]::new)));
        Frame start = thread.takeFrame();
        thread.putPending(thread.graph().node("source").index(), start);

        thread.drainPending();

        String seed = "seed " + (SEED + targets);
        for (int t = 0; t < targets; t++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < produced; i++) {
                if (nexts[i] == t) {
                    expected.add(bis[i]);
                }
            }
            assertThat(received.get(t)).as(seed + " next " + t).containsExactlyElementsOf(expected);
        }
        assertEveryBufferFree();
    }

    @Test
    void shouldCountADropByTheErrorItsBufferCarries() {
        Graph graph = graph(classify());
        ThreadRuntime thread = runtime(graph);
        int reason = graph.errorIndex(graph.node("classify").index(), 1);
        int other = graph.errorIndex(graph.node("classify").index(), 0);
        // runs of one reason, broken by packets of another and by packets that carry none
        int[] errors = {reason, reason, 0, other, reason, 0, 0, reason, other, other};
        int[] bis = new int[errors.length];
        pools.allocator(0).allocExactly(bis, 0, errors.length);
        Frame frame = thread.takeFrame();
        for (int i = 0; i < errors.length; i++) {
            buffers.setError(bis[i], errors[i]);
            frame.add(bis[i]);
        }
        thread.putPending(graph.node("error-drop").index(), frame);

        thread.runOnce();

        assertThat(thread.errorCounter(reason)).isEqualTo(4);
        assertThat(thread.node("classify").errorCount(1)).isEqualTo(4);
        assertThat(thread.node("classify").errorCount(0)).isEqualTo(3);
        assertThat(thread.node("error-drop").vectors()).isEqualTo(errors.length);
        long counted = 0;
        for (int error = 0; error < graph.errorCount(); error++) {
            counted += thread.errorCounter(error);
        }
        assertThat(counted).as("each drop counted once, under its reason only").isEqualTo(7);
        assertEveryBufferFree();
    }

    @Test
    void shouldDispatchToANextAddedAtRunTime() {
        int[] nextToPunt = {-1};
        NodeFunction forward = (ctx, frame) -> {
            ctx.enqueueToSingleNext(frame.buffers(), nextToPunt[0], frame.count());
            return frame.count();
        };
        Graph graph = graph(TestPlugins.node("forward", NodeType.INTERNAL, forward, "error-drop"));
        ThreadRuntime thread = runtime(graph);
        int node = graph.node("forward").index();
        nextToPunt[0] = graph.addNext(node, "error-punt");
        for (int more = 0; more < 6; more++) {
            graph.addNext(node, graph.node(more % graph.nodeCount()).name());
        }
        int[] bis = new int[4];
        pools.allocator(0).allocExactly(bis, 0, 4);
        Frame frame = thread.takeFrame();
        for (int bi : bis) {
            frame.add(bi);
        }
        thread.putPending(node, frame);

        thread.runOnce();

        assertThat(nextToPunt[0]).isEqualTo(1);
        assertThat(thread.node("error-punt").vectors()).isEqualTo(4);
        assertThat(thread.node("error-drop").calls()).isZero();
        assertEveryBufferFree();
    }

    @Test
    void shouldRefuseANextIndexTheNodeDoesNotHave() {
        NodeFunction wrong = (ctx, frame) -> {
            ctx.enqueueToSingleNext(frame.buffers(), 5, frame.count());
            return frame.count();
        };
        Graph graph = graph(TestPlugins.node("wrong", NodeType.INTERNAL, wrong, "error-drop"));
        ThreadRuntime thread = runtime(graph);
        Frame frame = thread.takeFrame();
        frame.add(buffers.pools().getFirst().bufferIndex(0));
        thread.putPending(graph.node("wrong").index(), frame);

        assertThatThrownBy(thread::runOnce)
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("next index 5 is not one of the node's 1 next indices");
    }

    @Test
    void shouldCallAnInterruptModeInputNodeOnlyAfterAnInterrupt() {
        NodeFunction idleInput = (ctx, frame) -> 0;
        Graph graph = graph(TestPlugins.node("rx", NodeType.INPUT, idleInput));
        ThreadRuntime thread = runtime(graph);
        NodeRuntime rx = thread.node("rx");
        rx.setState(NodeState.INTERRUPT);

        thread.runOnce();
        thread.runOnce();
        assertThat(rx.calls()).isZero();

        thread.interrupt(rx.nodeIndex());
        thread.runOnce();
        thread.runOnce();
        assertThat(rx.calls()).isEqualTo(1);
        assertThatThrownBy(() -> thread.node("error-drop").setState(NodeState.POLLING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("node 'error-drop' is INTERNAL, only input nodes have a polling state");
    }

    @Test
    void shouldCallPreInputNodesBeforeInputNodesEveryTurn() {
        List<String> order = new ArrayList<>();
        Graph graph = graph(
                TestPlugins.node("rx", NodeType.INPUT, (ctx, frame) -> {
                    order.add("rx");
                    return 0;
                }),
                TestPlugins.node("handoff-check", NodeType.PRE_INPUT, (ctx, frame) -> {
                    order.add("pre");
                    return 0;
                }));
        ThreadRuntime thread = runtime(graph);

        thread.runOnce();
        thread.runOnce();

        assertThat(order).containsExactly("pre", "rx", "pre", "rx");
    }

    @Test
    void shouldHandTheIdleStrategyZeroWorkWhileNothingHappens() {
        ThreadRuntime thread = runtimeWithProcessesStarted(graph());
        List<Integer> workSeen = new ArrayList<>();
        IdleStrategy recording = new IdleStrategy() {
            @Override
            public void idle(int workCount) {
                workSeen.add(workCount);
            }

            @Override
            public void idle() {
                workSeen.add(0);
            }

            @Override
            public void reset() {
            }
        };

        thread.run(() -> workSeen.size() < 100, recording);

        assertThat(workSeen).hasSize(100).containsOnly(0);
        assertThat(thread.loops()).isEqualTo(100);
    }

    @Test
    void shouldStartAProcessThenResumeItOnEventsAndAfterItsSleep() {
        Graph graph = graph(TestPlugins.node("ager", NodeType.PROCESS, (ctx, frame) -> 0));
        ThreadRuntime thread = runtime(graph);
        ProcessScheduler processes = thread.processes();
        List<String> steps = new ArrayList<>();
        processes.setTask("ager", control -> {
            StringBuilder step = new StringBuilder(control.timedOut() ? "timeout" : "step");
            for (int i = 0; i < control.eventCount(); i++) {
                step.append(" ").append(control.eventType(i)).append("=").append(control.eventData(i));
            }
            steps.add(step.toString());
            if (control.eventCount() > 0 && control.eventType(0) == 9) {
                control.suspendFor(1);
            } else {
                control.waitForEvent();
            }
        });
        assertThat(processes.state("ager")).isEqualTo(ProcessState.NOT_STARTED);

        thread.runOnce();
        thread.runOnce();
        assertThat(steps).containsExactly("step");
        assertThat(processes.state("ager")).isEqualTo(ProcessState.EVENT_WAIT);

        processes.signalEvent("ager", 1, 10);
        processes.signalEvent("ager", 2, 20);
        thread.runOnce();
        assertThat(steps).containsExactly("step", "step 1=10 2=20");

        processes.signalEvent("ager", 9, 0);
        thread.runOnce();
        assertThat(processes.state("ager")).isEqualTo(ProcessState.SUSPENDED);
        processes.signalEvent("ager", 3, 30);
        while (processes.state("ager") == ProcessState.SUSPENDED) {
            thread.runOnce();
        }

        assertThat(steps).containsExactly("step", "step 1=10 2=20", "step 9=0", "timeout 3=30");
        assertThat(thread.node("ager").calls()).isEqualTo(4);
        assertThat(thread.node("ager").suspends()).isEqualTo(4);
    }

    @Test
    void shouldRunAProcessNodesDispatcherWithTheEventInTheFrameScalars() {
        List<String> seen = new ArrayList<>();
        Graph graph = graph(TestPlugins.node("events", NodeType.PROCESS, (ctx, frame) -> {
            seen.add(frame.scalar(0) + ":" + frame.scalar(1));
            return 0;
        }));
        ThreadRuntime thread = runtime(graph);

        thread.runOnce();
        thread.processes().signalEvent("events", 4, 44);
        thread.runOnce();
        thread.runOnce();

        assertThat(seen).containsExactly("0:0", "4:44");
        assertThat(thread.processes().state("events")).isEqualTo(ProcessState.EVENT_WAIT);
    }

    @Test
    void shouldNotResumeAFinishedProcess() {
        Graph graph = graph(TestPlugins.node("once", NodeType.PROCESS, (ctx, frame) -> 0));
        ThreadRuntime thread = runtime(graph);
        int[] runs = {0};
        thread.processes().setTask("once", control -> {
            runs[0]++;
            control.finish();
        });

        thread.runOnce();
        thread.runOnce();

        assertThat(runs[0]).isEqualTo(1);
        assertThat(thread.processes().state("once")).isEqualTo(ProcessState.DONE);
        assertThatThrownBy(() -> thread.processes().signalEvent("once", 1, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("process 'once' has finished and takes no events");
    }

    /** Passes every buffer to next 0 and remembers the arrays, buffers and scalars of the frames it got. */
    private static final class Recorder implements NodeFunction {
        final List<int[]> arrays = new ArrayList<>();
        final List<Integer> received = new ArrayList<>();
        final List<Long> scalars = new ArrayList<>();

        @Override
        public int dispatch(NodeContext ctx, Frame frame) {
            arrays.add(frame.buffers());
            for (int i = 0; i < frame.count(); i++) {
                received.add(frame.buffers()[i]);
            }
            for (int word = 0; word < Frame.SCALAR_WORDS; word++) {
                scalars.add(frame.scalar(word));
            }
            ctx.enqueueToSingleNext(frame.buffers(), 0, frame.count());
            return frame.count();
        }
    }

    private Frame pendingFrameOf(ThreadRuntime thread, int[] bis) {
        Frame frame = thread.takeFrame();
        for (int bi : bis) {
            frame.add(bi);
        }
        return frame;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, Frame.CAPACITY})
    void shouldHandAWholeFrameOnToItsOneNextWithoutCopyingIt(int count) {
        Recorder second = new Recorder();
        Graph graph = graph(TestPlugins.node("first", "second"),
                TestPlugins.node("second", NodeType.INTERNAL, second, "error-drop"));
        ThreadRuntime thread = runtime(graph);
        int[] bis = new int[count];
        pools.allocator(0).allocExactly(bis, 0, count);
        Frame frame = pendingFrameOf(thread, bis);
        for (int word = 0; word < Frame.SCALAR_WORDS; word++) {
            frame.setScalar(word, 7 + word);
        }
        thread.putPending(graph.node("first").index(), frame);

        thread.runOnce();

        assertThat(second.arrays).hasSize(1);
        assertThat(second.arrays.getFirst()).as("the frame itself reaches the next node").isSameAs(frame.buffers());
        assertThat(second.received).containsExactly(java.util.Arrays.stream(bis).boxed().toArray(Integer[]::new));
        assertThat(second.scalars).as("the sender's scalars are not the next node's").containsOnly(0L);
        assertThat(thread.node("error-drop").vectors()).isEqualTo(count);
        assertEveryBufferFree();
    }

    @Test
    void shouldCopyAFrameIntoANextFrameAlreadyStartedKeepingTheOrder() {
        int[] extra = new int[1];
        NodeFunction merge = (ctx, frame) -> {
            ctx.enqueueToSingleNext(extra, 0, 1);
            ctx.enqueueToSingleNext(frame.buffers(), 0, frame.count());
            return frame.count();
        };
        Recorder second = new Recorder();
        Graph graph = graph(TestPlugins.node("merge", NodeType.INTERNAL, merge, "second"),
                TestPlugins.node("second", NodeType.INTERNAL, second, "error-drop"));
        ThreadRuntime thread = runtime(graph);
        pools.allocator(0).allocExactly(extra, 0, 1);
        int[] bis = new int[5];
        pools.allocator(0).allocExactly(bis, 0, bis.length);
        Frame frame = pendingFrameOf(thread, bis);
        thread.putPending(graph.node("merge").index(), frame);

        thread.runOnce();

        assertThat(second.arrays).hasSize(1);
        assertThat(second.arrays.getFirst()).isNotSameAs(frame.buffers());
        assertThat(second.received).containsExactly(extra[0], bis[0], bis[1], bis[2], bis[3], bis[4]);
        assertEveryBufferFree();
    }

    @Test
    void shouldNeverReleaseAFrameThatWasPassedOn() {
        Graph graph = graph(TestPlugins.node("first", "second"), TestPlugins.node("second", "error-drop"));
        ThreadRuntime thread = runtime(graph);
        Random random = new Random(SEED);
        int first = graph.node("first").index();
        for (int round = 0; round < 20; round++) {
            int[] bis = new int[1 + random.nextInt(Frame.CAPACITY)];
            pools.allocator(0).allocExactly(bis, 0, bis.length);
            thread.putPending(first, pendingFrameOf(thread, bis));
            thread.runOnce();
        }

        java.util.Set<Frame> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < 200; i++) {
            Frame frame = thread.takeFrame();
            assertThat(taken.add(frame)).as("frame %d of the pool is handed out twice (seed %d)", i, SEED).isTrue();
            assertThat(frame.count()).as("a pooled frame is empty").isZero();
        }
        assertThat(thread.node("error-drop").calls()).isEqualTo(20);
        assertEveryBufferFree();
    }
    /** Sends each buffer to the next its flow id names, after sending {@code before}, if any, to next 0. */
    private static final class Splitter implements NodeFunction {
        int[] before = new int[0];
        private final int[] nexts = new int[Frame.CAPACITY];

        @Override
        public int dispatch(NodeContext ctx, Frame frame) {
            if (before.length > 0) {
                ctx.enqueueToSingleNext(before, 0, before.length);
            }
            int[] from = frame.buffers();
            int count = frame.count();
            for (int i = 0; i < count; i++) {
                nexts[i] = ctx.buffers().flowId(from[i]);
            }
            ctx.enqueueToNext(from, nexts, count);
            return count;
        }
    }

    private record SplitGraph(ThreadRuntime thread, int splitter, Recorder[] recorders) {
    }

    private SplitGraph splitGraph(Splitter splitter) {
        Recorder[] recorders = {new Recorder(), new Recorder(), new Recorder()};
        Graph graph = graph(TestPlugins.node("splitter", NodeType.INTERNAL, splitter, "a", "b", "c"),
                TestPlugins.node("a", NodeType.INTERNAL, recorders[0], "error-drop"),
                TestPlugins.node("b", NodeType.INTERNAL, recorders[1], "error-drop"),
                TestPlugins.node("c", NodeType.INTERNAL, recorders[2], "error-drop"));
        return new SplitGraph(runtime(graph), graph.node("splitter").index(), recorders);
    }

    @Test
    void shouldHandASplitFrameOnToTheNextMostPacketsTakeAndCopyOnlyTheOthers() {
        SplitGraph split = splitGraph(new Splitter());
        int[] bis = new int[Frame.CAPACITY];
        pools.allocator(0).allocExactly(bis, 0, bis.length);
        List<List<Integer>> expected = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < bis.length; i++) {
            int next = i % 64 == 9 ? 2 : i % 16 == 5 ? 1 : 0;
            buffers.setFlowId(bis[i], next);
            expected.get(next).add(bis[i]);
        }
        Frame frame = pendingFrameOf(split.thread(), bis);
        split.thread().putPending(split.splitter(), frame);

        split.thread().runOnce();

        assertThat(split.recorders()[0].arrays).hasSize(1);
        assertThat(split.recorders()[0].arrays.getFirst()).as("the frame goes on to the next most packets take")
                .isSameAs(frame.buffers());
        for (int next = 0; next < 3; next++) {
            assertThat(split.recorders()[next].received).as("next %d, in order", next)
                    .containsExactlyElementsOf(expected.get(next));
        }
        assertThat(split.recorders()[1].arrays.getFirst()).isNotSameAs(frame.buffers());
        assertThat(split.thread().node("error-drop").vectors()).isEqualTo(Frame.CAPACITY);
        assertEveryBufferFree();
    }

    @Test
    void shouldKeepEveryNextsOrderWhateverTheMixOfNextsAndFramesAlreadyStarted() {
        Splitter splitter = new Splitter();
        SplitGraph split = splitGraph(splitter);
        Random random = new Random(SEED);
        List<List<Integer>> expected = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int total = 0;
        for (int round = 0; round < 60; round++) {
            int[] bis = new int[1 + random.nextInt(Frame.CAPACITY)];
            pools.allocator(0).allocExactly(bis, 0, bis.length);
            // rounds start a frame to next 0 first in thirds; the usual next changes, and some
            // rounds have none (each buffer's next drawn evenly)
            splitter.before = new int[round % 3 == 0 ? 1 : 0];
            pools.allocator(0).allocExactly(splitter.before, 0, splitter.before.length);
            for (int bi : splitter.before) {
                expected.getFirst().add(bi);
            }
            int usual = random.nextInt(3);
            boolean mixed = round % 4 == 1;
            for (int bi : bis) {
                int next = mixed || random.nextInt(8) == 0 ? random.nextInt(3) : usual;
                buffers.setFlowId(bi, next);
                expected.get(next).add(bi);
            }
            total += bis.length + splitter.before.length;
            split.thread().putPending(split.splitter(), pendingFrameOf(split.thread(), bis));
            split.thread().runOnce();
        }

        for (int next = 0; next < 3; next++) {
            assertThat(split.recorders()[next].received).as("next %d, in order (seed %d)", next, SEED)
                    .containsExactlyElementsOf(expected.get(next));
        }
        assertThat(split.thread().node("error-drop").vectors()).isEqualTo(total);
        java.util.Set<Frame> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < 200; i++) {
            assertThat(taken.add(split.thread().takeFrame())).as("frame %d of the pool is handed out twice", i).isTrue();
        }
        assertEveryBufferFree();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 77, Frame.CAPACITY})
    void shouldHandAFrameWhoseNextsAreAllOneOnWholeThoughEnqueuedPerPacket(int count) {
        SplitGraph split = splitGraph(new Splitter());
        int[] bis = new int[count];
        pools.allocator(0).allocExactly(bis, 0, count);
        for (int bi : bis) {
            buffers.setFlowId(bi, 2);
        }
        Frame frame = pendingFrameOf(split.thread(), bis);
        split.thread().putPending(split.splitter(), frame);

        split.thread().runOnce();

        assertThat(split.recorders()[2].arrays).hasSize(1);
        assertThat(split.recorders()[2].arrays.getFirst()).isSameAs(frame.buffers());
        assertThat(split.recorders()[2].received).containsExactly(java.util.Arrays.stream(bis).boxed().toArray(Integer[]::new));
        assertThat(split.recorders()[0].received).isEmpty();
        assertThat(split.recorders()[1].received).isEmpty();
        assertEveryBufferFree();
    }

    @Test
    void shouldCountAnInternalNodesFrameAsItArrivedThoughTheNodeReadsItsCountAfterHandingItOn() {
        int[] nexts = new int[Frame.CAPACITY];
        NodeFunction late = (ctx, frame) -> {
            for (int i = 0; i < frame.count(); i++) {
                nexts[i] = i % 16 == 5 ? 1 : 0;
            }
            ctx.enqueueToNext(frame.buffers(), nexts, frame.count());
            // the frame is the next node's now, its count that of the packets it kept
            return frame.count();
        };
        Graph graph = graph(TestPlugins.node("late", NodeType.INTERNAL, late, "error-drop", "null-node"));
        ThreadRuntime thread = runtime(graph);
        int[] bis = new int[Frame.CAPACITY];
        pools.allocator(0).allocExactly(bis, 0, bis.length);
        thread.putPending(graph.node("late").index(), pendingFrameOf(thread, bis));

        thread.runOnce();

        assertThat(thread.node("late").vectors()).isEqualTo(Frame.CAPACITY);
        assertThat(thread.node("error-drop").vectors()).isEqualTo(Frame.CAPACITY - 16);
        assertThat(thread.node("null-node").vectors()).isEqualTo(16);
        assertEveryBufferFree();
    }
}
