package io.vecta.runtime.l2;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * Registers {@code l2fib-mac-age-scanner-process} in the graph, so that {@code show runtime}
 * lists it with its calls and state. Its steps are {@link L2FibAgeScanner}, installed as the
 * process's task when the runtime starts; this dispatcher runs only where none is installed (a
 * graph built without a runtime), and then does nothing and waits for events.
 */
@GraphNode(name = L2FibAgeScanner.NODE, type = NodeType.PROCESS)
public final class L2FibAgeScannerNode {

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        // no scan without a task: see L2FibAgeScanner
    }
}
