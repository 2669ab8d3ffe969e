package io.vecta.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.dispatch.TraceRecord;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.runtime.pg.PgInterfaces;
import io.vecta.runtime.show.ShowTrace;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace records of error-drop and error-punt: buffers put straight on their pending queue,
 * with the error of a node {@code ttl-check} that has two error counters.
 */
class DropTraceTest {

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(512).pageSize(BufferPageSize.SIZE_4K).build(), 1);
    private final Buffers buffers = pools.buffers();
    private final Graph graph = graph();
    private final ThreadRuntime thread = new ThreadRuntime(graph, 0, pools.allocator(0));
    private final int ttlExceeded = graph.errorIndex(graph.node("ttl-check").index(), 0);
    private final int noRoute = graph.errorIndex(graph.node("ttl-check").index(), 1);

    private static Graph graph() {
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(DropTraceTest.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin("drop-trace-test", TestPlugins.nodeWithErrors("ttl-check",
                (ctx, frame) -> frame.count(), List.of("error-drop"), "time to live exceeded", "no route")));
        return Graph.buildFrom(plugins);
    }

    @AfterEach
    void close() {
        pools.close();
    }

    /** A buffer from interface {@code rx} carrying global error {@code error}, traced or not. */
    private int packet(int rx, int error, boolean traced) {
        int[] bi = new int[1];
        pools.allocator(0).allocExactly(bi, 0, 1);
        buffers.setRxSwIfIndex(bi[0], rx);
        buffers.setError(bi[0], error);
        if (traced) {
            buffers.addFlags(bi[0], BufferFlags.IS_TRACED);
        }
        return bi[0];
    }

    private void send(String node, boolean tracedFrame, int... bis) {
        Frame frame = thread.takeFrame();
        for (int bi : bis) {
            frame.add(bi);
        }
        frame.setTraced(tracedFrame);
        thread.putPending(graph.node(node).index(), frame);
        thread.runOnce();
    }

    private List<String> shown() {
        return thread.traces().stream().map(r -> r.node() + " " + r.bi() + "\n" + ShowTrace.text(r.record())).toList();
    }

    @Test
    void shouldShowTheRxInterfaceAndTheReasonOfEachTracedPacketDroppedOrPunted() {
        int dropped = packet(1, ttlExceeded, true);
        int alsoDropped = packet(2, noRoute, true);
        int punted = packet(7, noRoute, true);

        send("error-drop", true, dropped, alsoDropped);
        send("error-punt", true, punted);

        assertThat(shown()).containsExactly(
                "error-drop " + dropped + "\nrx:sw_if_index 1\nttl-check: time to live exceeded",
                "error-drop " + alsoDropped + "\nrx:sw_if_index 2\nttl-check: no route",
                "error-punt " + punted + "\nrx:sw_if_index 7\nttl-check: no route");
        assertThat(thread.node("ttl-check").errorCount(0)).isEqualTo(1);
        assertThat(thread.node("ttl-check").errorCount(1)).isEqualTo(2);
        assertThat(pools.pool(0).used()).isZero();
    }

    @Test
    void shouldNameTheInterfaceFromTheInterfaceTable() {
        PgInterfaces.of(graph).create(0);

        send("error-drop", true, packet(1, ttlExceeded, true), packet(3, ttlExceeded, true));

        assertThat(thread.traces()).extracting(r -> ShowTrace.text(r.record()))
                .containsExactly("rx:pg0\nttl-check: time to live exceeded",
                        "rx:sw_if_index 3\nttl-check: time to live exceeded");
    }

    @Test
    void shouldSaySoWhenTheBufferCarriesNoError() {
        send("error-drop", true, packet(1, Graph.NO_ERROR, true));

        assertThat(thread.traces()).extracting(TraceRecord::record)
                .containsExactly(new DropTrace("sw_if_index 1", "no error set in the buffer"));
    }

    @Test
    void shouldDescribeEveryValueOfTheErrorFieldWithoutThrowing() {
        assertThat(graph.describeError(ttlExceeded)).isEqualTo("ttl-check: time to live exceeded");
        assertThat(graph.describeError(Graph.NO_ERROR)).isEqualTo("no error set in the buffer");
        assertThat(graph.describeError(Graph.COUNTED_ERROR | ttlExceeded)).as("counted by its node already")
                .isEqualTo("ttl-check: time to live exceeded");
        assertThat(graph.describeError(0x7fff))
                .isEqualTo("error 32767 is not a counter (the error table has " + graph.errorCount() + ")");
    }

    @Test
    void shouldNameTheReasonAGeneratedNodeCountedWithoutCountingItAgain() {
        int counted = packet(1, Graph.COUNTED_ERROR | ttlExceeded, true);

        send("error-drop", true, counted);

        assertThat(shown()).containsExactly("error-drop " + counted + "\nrx:sw_if_index 1\nttl-check: time to live exceeded");
        assertThat(thread.node("ttl-check").errorCount(0)).as("error-drop does not count it again").isZero();
    }

    @Test
    void shouldRecordNothingForUntracedPacketsOrInAnUntracedFrame() {
        send("error-drop", true, packet(1, ttlExceeded, false), packet(2, ttlExceeded, false));
        // a traced buffer in a frame not marked traced is not looked at: the frame flag is the gate
        send("error-punt", false, packet(3, noRoute, true));

        assertThat(thread.traces()).isEmpty();
        assertThat(thread.traceBuffer().droppedPackets()).isZero();
        assertThat(thread.node("ttl-check").errorCount(0)).isEqualTo(2);
        assertThat(thread.node("ttl-check").errorCount(1)).isEqualTo(1);
        assertThat(pools.pool(0).used()).isZero();
    }
}
