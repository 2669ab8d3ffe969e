package io.vecta.sdk.node;

/**
 * A node's dispatcher: runs the node over one frame. The processor generates one per
 * {@code @GraphNode} ({@code <Node>_Dispatch}); the runtime creates one per thread through
 * {@link NodeDescriptor#newFunction()} and calls it with that thread's context.
 */
@FunctionalInterface
public interface NodeFunction {

    /**
     * Processes {@code frame} and passes its buffers on through {@code ctx}. An enqueue of the
     * frame's own array may hand the frame to a next node, its count included: read what the
     * node needs of it, the count to return too, before passing its buffers on.
     *
     * @return the number of vectors (buffers) processed, for the node's statistics; the runtime
     *         counts an internal node's frame as it arrived, since such a node ends or passes
     *         on every buffer it is given
     */
    int dispatch(NodeContext ctx, Frame frame);
}
