package io.vecta.runtime.threads;

import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.ErrorDescriptor;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import java.util.List;

/**
 * A handoff node (VPP's {@code worker-handoff}): spreads the packets of a frame across the
 * workers by a hash of each buffer's flow id, so that every packet of a flow is processed by
 * the same worker, and hands them to the node at its next 0 on that worker.
 *
 * <pre>
 *   main: rx ─▶ worker-handoff ══ queue of thread 1 ══▶ vecta_wk_0: TARGET
 *                              ══ queue of thread 2 ══▶ vecta_wk_1: TARGET
 * </pre>
 *
 * Packets whose worker's queue is full are freed and counted as {@code congestion drop}, as
 * VPP's handoff does: the dispatch thread never waits. With no workers, every packet stays on
 * the thread and goes to its next 0.
 *
 * <p>In a traced frame, each traced packet gets a {@link HandoffNodeTrace} record (its
 * interface, the thread it goes to and its buffer) before it is handed over, since after that it
 * is the other thread's; one dropped for congestion gets a second record saying so. The
 * receiving thread goes on with the trace (see {@code ThreadRuntime.receiveHandedOff}).
 */
public final class WorkerHandoffNode implements NodeFunction {

    /** Error code of packets dropped because the worker's queue was full. */
    public static final int CONGESTION_DROP = 0;

    private final int[] errors = new int[1];
    private int[][] byThread = new int[0][];
    private int[] counts = new int[0];

    /**
     * A handoff node called {@code name} that hands packets to node {@code target} on the
     * workers.
     */
    public static NodeDescriptor descriptor(String name, String target) {
        return new NodeDescriptor(name, NodeType.INTERNAL, List.of(target), "",
                List.of(new ErrorDescriptor(CONGESTION_DROP, "CONGESTION_DROP", "congestion drop", Severity.ERROR)),
                Void.class, WorkerHandoffNode::new);
    }

    @Override
    public int dispatch(NodeContext ctx, Frame frame) {
        int threads = ctx.threadCount();
        int count = frame.count();
        int[] bis = frame.buffers();
        if (threads == 1) {
            if (ctx.tracing()) {
                trace(ctx, bis, 0, count, ctx.threadIndex());
            }
            ctx.enqueueToSingleNext(bis, 0, count);
            return count;
        }
        if (byThread.length != threads) {
            // once per thread: the thread count is fixed while the runtime runs
            byThread = new int[threads][Frame.CAPACITY];
            counts = new int[threads];
        }
        int workers = threads - 1;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int thread = 1 + Integer.remainderUnsigned(mix(ctx.buffers().flowId(bi)), workers);
            byThread[thread][counts[thread]++] = bi;
        }
        int dropped = 0;
        for (int thread = 1; thread < threads; thread++) {
            int n = counts[thread];
            if (n == 0) {
                continue;
            }
            counts[thread] = 0;
            if (ctx.tracing()) {
                trace(ctx, byThread[thread], 0, n, thread);
            }
            int taken = ctx.handoff(byThread[thread], 0, n, 0, thread);
            if (taken < n) {
                if (ctx.tracing()) {
                    traceCongestion(ctx, byThread[thread], taken, n, thread);
                }
                ctx.allocator().free(byThread[thread], taken, n - taken);
                dropped += n - taken;
            }
        }
        if (dropped > 0) {
            errors[CONGESTION_DROP] = dropped;
            ctx.addErrors(errors, 0);
            errors[CONGESTION_DROP] = 0;
        }
        return count;
    }

    private static void trace(NodeContext ctx, int[] bis, int from, int to, int thread) {
        Buffers buffers = ctx.buffers();
        for (int i = from; i < to; i++) {
            int bi = bis[i];
            if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(bi, new HandoffNodeTrace(buffers.rxSwIfIndex(bi), thread, bi));
            }
        }
    }

    private static void traceCongestion(NodeContext ctx, int[] bis, int from, int to, int thread) {
        Buffers buffers = ctx.buffers();
        for (int i = from; i < to; i++) {
            int bi = bis[i];
            if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(bi, "congestion drop: the handoff queue of thread " + thread + " is full");
            }
        }
    }

    /** Murmur3's finalizer: neighbouring flow ids land on different workers. */
    static int mix(int value) {
        int h = value;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
