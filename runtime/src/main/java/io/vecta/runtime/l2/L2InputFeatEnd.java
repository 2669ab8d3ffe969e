package io.vecta.runtime.l2;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code l2-input-feat-end}: the last node of the L2 input feature arc. A frame that has passed
 * the input features of its rx interface goes on where {@code l2-input} sent it before them
 * ({@link L2Opaque#resume}): {@code l2-learn}, {@code l2-fwd}, or {@code l2-output} for a
 * cross-connect. Frames of interfaces without input features never come here.
 */
@GraphNode(name = L2InputFeatEnd.NODE)
public final class L2InputFeatEnd {

    /** The node's name. */
    public static final String NODE = "l2-input-feat-end";

    // the same numbers as l2-input's nexts, which the buffer's resume field holds
    @Next("l2-learn")
    static final int NEXT_LEARN = L2Input.NEXT_LEARN;
    @Next("l2-fwd")
    static final int NEXT_FWD = L2Input.NEXT_FWD;
    @Next("l2-output")
    static final int NEXT_OUTPUT = L2Input.NEXT_OUTPUT;

    private final int[] nexts = new int[Frame.CAPACITY];

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        for (int i = 0; i < count; i++) {
            nexts[i] = L2Opaque.resume(buffers, bis[i]);
        }
        ctx.enqueueToNext(bis, nexts, count);
    }
}
