package io.vecta.testkit.features;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.FeatureArcs;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * What each test feature does with a frame: traces each traced packet with the feature's name
 * and the interface the arc picked it by, and sends every packet to whatever follows the
 * feature on that interface.
 */
final class PassThrough {

    /** What {@code show trace} prints under a test feature. */
    record Trace(String feature, int rxSwIfIndex, int txSwIfIndex) {
        @Override
        public String toString() {
            return feature + ": rx " + rxSwIfIndex + " tx " + txSwIfIndex;
        }
    }

    private final String feature;
    private final String arc;
    private final int[] nexts = new int[Frame.CAPACITY];
    private FeatureArcs arcs;
    private int arcIndex;

    PassThrough(String feature, String arc) {
        this.feature = feature;
        this.arc = arc;
    }

    void process(NodeContext ctx, Frame frame) {
        if (arcs == null) {
            arcs = ((NodeRuntime) ctx).graph().featureArcs();
            arcIndex = arcs.arcIndex(arc);
        }
        Buffers buffers = ctx.buffers();
        int[] bis = frame.buffers();
        int count = frame.count();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(bi, new Trace(feature, buffers.rxSwIfIndex(bi), buffers.txSwIfIndex(bi)));
            }
            nexts[i] = arcs.next(arcIndex, buffers, bi);
        }
        ctx.enqueueToNext(bis, nexts, count);
    }
}
