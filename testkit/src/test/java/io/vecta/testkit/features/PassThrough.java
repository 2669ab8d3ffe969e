package io.vecta.testkit.features;

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
    private final int[] nexts = new int[Frame.CAPACITY];

    PassThrough(String feature) {
        this.feature = feature;
    }

    void process(NodeContext ctx, Frame frame) {
        Buffers buffers = ctx.buffers();
        int[] bis = frame.buffers();
        int count = frame.count();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(bi, new Trace(feature, buffers.rxSwIfIndex(bi), buffers.txSwIfIndex(bi)));
            }
            nexts[i] = ctx.featureNext(bi);
        }
        ctx.enqueueToNext(bis, nexts, count);
    }
}
