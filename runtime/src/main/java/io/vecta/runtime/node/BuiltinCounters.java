package io.vecta.runtime.node;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.pcap.InterfacePcap;
import io.vecta.runtime.pcap.InterfacePcapTrace;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * What error-drop and error-punt share: tracing and counting the reasons buffers carry, then
 * freeing them.
 */
final class BuiltinCounters {

    private final boolean drop;
    private boolean bound;
    private InterfaceCounters.ThreadCounters interfaces;
    private InterfacePcap pcap;

    /** For error-drop ({@code drop}) or error-punt; one per node per thread. */
    BuiltinCounters(boolean drop) {
        this.drop = drop;
    }

    /**
     * The whole work of a node that ends packets: counts each buffer of the frame whose error
     * field holds a global error index against that error, counts it as a drop (or punt) of the
     * interface it came in on, writes it to the {@code pcap trace drop} capture if one is on,
     * then frees the buffers. Only the runtime's own context keeps the tables; a test context
     * has none, and then nothing is counted.
     *
     * <p>The node counts nothing of its own, as VPP's drop and punt nodes have no counters:
     * a dropped packet appears once in {@code show errors}, under the node that chose to drop
     * it and its reason. How many packets ended here is the node's vectors in
     * {@code show runtime}.
     */
    void countAndFree(NodeContext ctx, Frame frame) {
        int count = frame.count();
        int[] bis = frame.buffers();
        if (ctx instanceof NodeRuntime runtime) {
            if (!bound) {
                interfaces = InterfaceTable.of(runtime.graph()).counters().forThread(ctx.threadIndex());
                pcap = InterfacePcap.of(runtime.graph());
                bound = true;
            }
            Buffers buffers = ctx.buffers();
            countErrorsAndInterfaces(runtime, buffers, bis, count);
            InterfacePcapTrace capture = pcap.active();
            if (drop && capture != null) {
                capture.capture(buffers, bis, count, InterfacePcapTrace.Direction.DROP);
            }
        }
        ctx.allocator().free(bis, 0, count);
    }

    /**
     * One walk over the frame, counting runs of packets that carry the same error and came in
     * on the same interface, as frames mostly hold: per packet two loads, one compare and an
     * increment in a register; the counters in memory are written once per run, so that a
     * frame of one reason does not wait on the same counter's store 256 times.
     */
    private void countErrorsAndInterfaces(NodeRuntime runtime, Buffers buffers, int[] bis, int count) {
        InterfaceCounters.ThreadCounters counters = interfaces;
        long base = buffers.baseAddress();
        int runError = 0;
        int runRx = -1;
        long packets = 0;
        for (int i = 0; i < count; i++) {
            long b = UncheckedBuffers.address(base, bis[i]);
            int error = UncheckedBuffers.error(b);
            int rx = UncheckedBuffers.rxSwIfIndex(b);
            if (((error ^ runError) | (rx ^ runRx)) != 0) {
                addRun(runtime, counters, runError, runRx, packets);
                runError = error;
                runRx = rx;
                packets = 0;
            }
            packets++;
        }
        addRun(runtime, counters, runError, runRx, packets);
    }

    private void addRun(NodeRuntime runtime, InterfaceCounters.ThreadCounters counters, int error, int swIfIndex,
            long packets) {
        if (packets == 0) {
            return;
        }
        if (error != 0) {
            runtime.countBufferErrors(error, packets);
        }
        // a buffer that names no interface is counted by its error alone
        if (!counters.counts(swIfIndex)) {
            return;
        }
        if (drop) {
            counters.addDrops(swIfIndex, packets);
        } else {
            counters.addPunts(swIfIndex, packets);
        }
    }

    /**
     * Records a {@link DropTrace} for each traced buffer of {@code frame}; the node calls it
     * only for a traced frame ({@code ctx.tracing()}), so that untraced frames pay one flag
     * read. A test context, which has no graph, gives the error index in place of its name.
     */
    static void traceReasons(NodeContext ctx, Frame frame) {
        Buffers buffers = ctx.buffers();
        int[] bis = frame.buffers();
        for (int i = 0, n = frame.count(); i < n; i++) {
            int bi = bis[i];
            if ((buffers.flags(bi) & BufferFlags.IS_TRACED) == 0) {
                continue;
            }
            int rx = buffers.rxSwIfIndex(bi);
            int error = buffers.error(bi);
            ctx.addTrace(bi, ctx instanceof NodeRuntime runtime
                    ? new DropTrace(runtime.interfaceName(rx), runtime.graph().describeError(error))
                    : new DropTrace("sw_if_index " + Integer.toUnsignedString(rx), "error " + error));
        }
    }
}
