package io.vecta.runtime.node;

import io.vecta.runtime.buffer.FreedPackets;
import io.vecta.runtime.buffer.ThreadBufferAllocator;
import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.pcap.InterfacePcap;
import io.vecta.runtime.pcap.InterfacePcapTrace;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * What error-drop and error-punt share: tracing and counting the reasons buffers carry, then
 * freeing them.
 */
final class BuiltinCounters implements FreedPackets {

    private final boolean drop;
    /** The node's runtime and tables, bound on the first frame. */
    private NodeRuntime runtime;
    private InterfaceCounters.ThreadCounters interfaces;
    private InterfacePcap pcap;

    /** For error-drop ({@code drop}) or error-punt; one per node per thread. */
    BuiltinCounters(boolean drop) {
        this.drop = drop;
    }

    /**
     * The whole work of a node that ends packets: writes the frame to the {@code pcap trace
     * drop} capture if one is on, then frees the buffers, counting in the same walk each packet
     * whose error field holds a global error index against that error and each as a drop (or
     * punt) of the interface it came in on. Only the runtime's own context keeps the tables; a
     * test context has none, and then nothing is counted.
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
            if (this.runtime == null) {
                this.runtime = runtime;
                interfaces = InterfaceTable.of(runtime.graph()).counters().forThread(ctx.threadIndex());
                pcap = InterfacePcap.of(runtime.graph());
            }
            InterfacePcapTrace capture = pcap.active();
            if (drop && capture != null) {
                capture.capture(ctx.buffers(), bis, count, InterfacePcapTrace.Direction.DROP);
            }
            if (ctx.allocator() instanceof ThreadBufferAllocator allocator) {
                allocator.freeCounting(bis, 0, count, this);
                return;
            }
            Buffers buffers = ctx.buffers();
            for (int i = 0; i < count; i++) {
                count(buffers.error(bis[i]), buffers.rxSwIfIndex(bis[i]), 1);
            }
        }
        ctx.allocator().free(bis, 0, count);
    }

    /**
     * Counts a run of packets against their error and as drops (or punts) of the interface they
     * came in on: the allocator tells of runs while it frees the frame, one call per run, and
     * frames mostly hold one run, so the counters in memory are written about once per frame.
     */
    @Override
    public void count(int error, int rxSwIfIndex, long packets) {
        if (error != 0) {
            runtime.countBufferErrors(error, packets);
        }
        // a buffer that names no interface is counted by its error alone
        if (!interfaces.counts(rxSwIfIndex)) {
            return;
        }
        if (drop) {
            interfaces.addDrops(rxSwIfIndex, packets);
        } else {
            interfaces.addPunts(rxSwIfIndex, packets);
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
