package io.vecta.benchmarks.node;

import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.Outcome;

/**
 * {@link TtlSplit}'s dispatcher written by hand, as a VPP programmer writes a node function: the
 * same logic, a quad loop or a single loop, next indices gathered and enqueued in bulk, errors
 * counted once per frame. The yardstick for the generated {@code TtlSplit_Dispatch}.
 */
final class HandWrittenTtlSplit implements NodeFunction {

    private final boolean quad;
    private final int[] nexts = new int[Frame.CAPACITY];
    private final int[] errorCounts = new int[2];

    HandWrittenTtlSplit(boolean quad) {
        this.quad = quad;
    }

    @Override
    public int dispatch(NodeContext ctx, Frame frame) {
        Buffers buffers = ctx.buffers();
        long base = buffers.baseAddress();
        int[] from = frame.buffers();
        int count = frame.count();
        int[] nexts = this.nexts;
        int[] errors = this.errorCounts;
        int i = 0;
        if (quad) {
            while (count - i >= 4) {
                int o0 = TtlSplit.pick(UncheckedBuffers.address(base, from[i]));
                int o1 = TtlSplit.pick(UncheckedBuffers.address(base, from[i + 1]));
                int o2 = TtlSplit.pick(UncheckedBuffers.address(base, from[i + 2]));
                int o3 = TtlSplit.pick(UncheckedBuffers.address(base, from[i + 3]));
                nexts[i] = Outcome.next(o0);
                nexts[i + 1] = Outcome.next(o1);
                nexts[i + 2] = Outcome.next(o2);
                nexts[i + 3] = Outcome.next(o3);
                errors[Outcome.errorSlot(o0)]++;
                errors[Outcome.errorSlot(o1)]++;
                errors[Outcome.errorSlot(o2)]++;
                errors[Outcome.errorSlot(o3)]++;
                if (((buffers.flags(from[i]) | buffers.flags(from[i + 1]) | buffers.flags(from[i + 2])
                        | buffers.flags(from[i + 3])) & BufferFlags.IS_TRACED) != 0) {
                    throw new IllegalStateException("the benchmark traces no buffer");
                }
                i += 4;
            }
        }
        while (i < count) {
            int o = TtlSplit.pick(UncheckedBuffers.address(base, from[i]));
            nexts[i] = Outcome.next(o);
            errors[Outcome.errorSlot(o)]++;
            if ((buffers.flags(from[i]) & BufferFlags.IS_TRACED) != 0) {
                throw new IllegalStateException("the benchmark traces no buffer");
            }
            i++;
        }
        ctx.enqueueToNext(from, nexts, count);
        ctx.addErrors(errors, 1);
        errors[0] = 0;
        errors[1] = 0;
        return count;
    }
}
