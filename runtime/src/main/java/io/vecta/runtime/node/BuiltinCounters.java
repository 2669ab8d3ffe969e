package io.vecta.runtime.node;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.node.NodeContext;

/** What error-drop and error-punt share: counting the reasons buffers carry. */
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
}
