package io.vecta.testkit.l2feat;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.FeatureArcs;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.Feature;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/** {@code test-l2-input-count}: an L2 input feature that counts the frames it sees and passes them on. */
@GraphNode(name = "test-l2-input-count", errors = L2InputCount.Error.class)
@Feature(arc = "l2-input-feat")
public final class L2InputCount {

    enum Error {
        @ErrorCounter(description = "frames seen", severity = Severity.INFO)
        SEEN
    }

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[1];
        FeatureArcs arcs;
        int arc;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.arcs == null) {
            s.arcs = ((NodeRuntime) ctx).graph().featureArcs();
            s.arc = s.arcs.arcIndex("l2-input-feat");
        }
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        for (int i = 0; i < count; i++) {
            s.nexts[i] = s.arcs.next(s.arc, buffers, bis[i]);
        }
        s.errors[0] = count;
        ctx.addErrors(s.errors, 0);
        ctx.enqueueToNext(bis, s.nexts, count);
    }
}
