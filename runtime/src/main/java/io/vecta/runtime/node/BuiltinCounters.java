package io.vecta.runtime.node;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/** What error-drop and error-punt share: counting the reasons buffers carry, then freeing them. */
final class BuiltinCounters {

    private BuiltinCounters() {
    }

    /**
     * Counts each of {@code bis[0 .. count)} whose error field holds a global error index against
     * that error, on this thread. Only the runtime's own context keeps the global table; a test
     * context has none, and then nothing is counted.
     */
    static void countReasons(NodeContext ctx, int[] bis, int count) {
        if (ctx instanceof NodeRuntime runtime) {
            runtime.countBufferErrors(bis, count);
        }
    }

    /**
     * The whole work of a node that ends packets: counts every buffer of the frame against the
     * reason it carries and against the node's own error 0 (through {@code counts}, the node's
     * one-slot scratch array), then frees the buffers.
     */
    static void countAndFree(NodeContext ctx, Frame frame, int[] counts) {
        int count = frame.count();
        countReasons(ctx, frame.buffers(), count);
        counts[0] = count;
        ctx.addErrors(counts, 0);
        ctx.allocator().free(frame.buffers(), 0, count);
    }
}
