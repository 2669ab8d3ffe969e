package io.vecta.runtime.node;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.SwIfIndexFormat;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * What error-drop and error-punt share: tracing and counting the reasons buffers carry, then
 * freeing them.
 */
final class BuiltinCounters {

    private BuiltinCounters() {
    }

    /**
     * The whole work of a node that ends packets: counts each buffer of the frame whose error
     * field holds a global error index against that error, on this thread, then frees the
     * buffers. Only the runtime's own context keeps the global table; a test context has none,
     * and then nothing is counted.
     *
     * <p>The node counts nothing of its own, as VPP's drop and punt nodes have no counters:
     * a dropped packet appears once in {@code show errors}, under the node that chose to drop
     * it and its reason. How many packets ended here is the node's vectors in
     * {@code show runtime}.
     */
    static void countAndFree(NodeContext ctx, Frame frame) {
        int count = frame.count();
        if (ctx instanceof NodeRuntime runtime) {
            runtime.countBufferErrors(frame.buffers(), count);
        }
        ctx.allocator().free(frame.buffers(), 0, count);
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
                    : new DropTrace(SwIfIndexFormat.NUMBERS.format(rx), "error " + error));
        }
    }
}
