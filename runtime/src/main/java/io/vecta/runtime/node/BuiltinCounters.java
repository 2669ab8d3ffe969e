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
     * One walk over the frame: each buffer's error counted, and its rx interface, in runs of
     * packets from one interface, as frames mostly hold.
     */
    private void countErrorsAndInterfaces(NodeRuntime runtime, Buffers buffers, int[] bis, int count) {
        InterfaceCounters.ThreadCounters counters = interfaces;
        long base = buffers.baseAddress();
        int run = -1;
        long packets = 0;
        for (int i = 0; i < count; i++) {
            long b = UncheckedBuffers.address(base, bis[i]);
            int error = UncheckedBuffers.error(b);
            if (error != 0) {
                runtime.countBufferError(error);
            }
            int rx = UncheckedBuffers.rxSwIfIndex(b);
            if (rx != run) {
                add(counters, run, packets);
                run = rx;
                packets = 0;
            }
            packets++;
        }
        add(counters, run, packets);
    }

    private void add(InterfaceCounters.ThreadCounters counters, int swIfIndex, long packets) {
        // a buffer that names no interface is counted by its error alone
        if (packets == 0 || !counters.counts(swIfIndex)) {
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
