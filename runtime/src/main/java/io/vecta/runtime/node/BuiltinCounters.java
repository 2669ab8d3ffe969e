package io.vecta.runtime.node;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/** What error-drop and error-punt share: counting the reasons buffers carry, then freeing them. */
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
}
