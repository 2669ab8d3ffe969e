package io.vecta.sdk.node;

/**
 * A node's dispatcher: runs the node over one frame. The processor generates one per
 * {@code @GraphNode} ({@code <Node>_Dispatch}); the runtime creates one per thread through
 * {@link NodeDescriptor#newFunction()} and calls it with that thread's context.
 */
@FunctionalInterface
public interface NodeFunction {

    /**
     * Processes {@code frame} and passes its buffers on through {@code ctx}.
     *
     * @return the number of vectors (buffers) processed, for the node's statistics
     */
    int dispatch(NodeContext ctx, Frame frame);
}
