package com.acme;

import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.ErrorDescriptor;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.NodeFunction;
import io.vecta.sdk.node.Outcome;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs node {@code "ttl-check"} ({@link TtlCheck}) over a frame: its per-packet method for each buffer, four at a time.
 */
@Generated(
        value = "io.vecta.sdk.processor.NodeProcessor",
        comments = "origin: com.acme.TtlCheck"
)
public final class TtlCheck_Dispatch implements NodeFunction {
    private final TtlCheck node;

    /**
     * Outcome (next and error) of each buffer of the frame, handed over in bulk.
     */
    private final int[] outcomes = new int[Frame.CAPACITY];

    /**
     * Flags of each buffer, read one quad ahead of its processing.
     */
    private final int[] flags = new int[Frame.CAPACITY];

    /**
     * A dispatcher for one thread's instance of the node.
     */
    public TtlCheck_Dispatch(TtlCheck node) {
        this.node = node;
    }

    /**
     * The node as its plugin registers it; each thread gets its own node instance.
     */
    public static NodeDescriptor descriptor() {
        return new NodeDescriptor(
                "ttl-check",
                NodeType.INTERNAL,
                List.of("ip4-lookup", "error-drop"),
                "",
                List.of(
                        new ErrorDescriptor(0, "TTL_EXPIRED", "ttl expired", Severity.ERROR),
                        new ErrorDescriptor(1, "OPTIONS", "options present", Severity.INFO)),
                TtlCheck.TtlTrace.class,
                () -> new TtlCheck_Dispatch(new TtlCheck()));
    }

    @Override
    public int dispatch(NodeContext ctx, Frame frame) {
        if (ctx.tracing()) {
            return dispatchTraced(ctx, frame);
        }
        TtlCheck node = this.node;
        int[] from = frame.buffers();
        int count = frame.count();
        int[] outcomes = this.outcomes;
        int anyOutcome = 0;
        int allOutcomes = -1;
        int i = 0;
        // Four at a time while eight remain, then one at a time.
        while (count - i >= 8) {
            int outcome0 = node.process(ctx, from[i]);
            outcomes[i] = outcome0;
            anyOutcome |= outcome0;
            allOutcomes &= outcome0;
            int outcome1 = node.process(ctx, from[i + 1]);
            outcomes[i + 1] = outcome1;
            anyOutcome |= outcome1;
            allOutcomes &= outcome1;
            int outcome2 = node.process(ctx, from[i + 2]);
            outcomes[i + 2] = outcome2;
            anyOutcome |= outcome2;
            allOutcomes &= outcome2;
            int outcome3 = node.process(ctx, from[i + 3]);
            outcomes[i + 3] = outcome3;
            anyOutcome |= outcome3;
            allOutcomes &= outcome3;
            i += 4;
        }
        while (i < count) {
            int outcome = node.process(ctx, from[i]);
            outcomes[i] = outcome;
            anyOutcome |= outcome;
            allOutcomes &= outcome;
            i++;
        }
        // The OR and the AND of the outcomes agree only if all are equal: then the whole
        // frame goes to one next with no look at each buffer's outcome.
        if (anyOutcome == allOutcomes) {
            ctx.enqueueOutcome(from, anyOutcome, count);
        } else {
            ctx.enqueueOutcomes(from, outcomes, count);
        }
        return count;
    }

    /**
     * The loop for a frame that may hold traced buffers: each buffer's flags say whether to trace it.
     */
    private int dispatchTraced(NodeContext ctx, Frame frame) {
        TtlCheck node = this.node;
        Buffers buffers = ctx.buffers();
        int[] from = frame.buffers();
        int count = frame.count();
        int[] outcomes = this.outcomes;
        int[] flags = this.flags;
        for (int first = 0; first < 4 && first < count; first++) {
            flags[first] = buffers.flags(from[first]);
        }
        int anyOutcome = 0;
        int allOutcomes = -1;
        int i = 0;
        // Four at a time while eight remain: the next four buffers' metadata is read now,
        // one iteration before their turn, so that it is in cache by then.
        while (count - i >= 8) {
            flags[i + 4] = buffers.flags(from[i + 4]);
            flags[i + 5] = buffers.flags(from[i + 5]);
            flags[i + 6] = buffers.flags(from[i + 6]);
            flags[i + 7] = buffers.flags(from[i + 7]);
            int outcome0 = node.process(ctx, from[i]);
            outcomes[i] = outcome0;
            anyOutcome |= outcome0;
            allOutcomes &= outcome0;
            if ((flags[i] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i], node.trace(ctx, from[i], Outcome.next(outcome0)));
            }
            int outcome1 = node.process(ctx, from[i + 1]);
            outcomes[i + 1] = outcome1;
            anyOutcome |= outcome1;
            allOutcomes &= outcome1;
            if ((flags[i + 1] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i + 1], node.trace(ctx, from[i + 1], Outcome.next(outcome1)));
            }
            int outcome2 = node.process(ctx, from[i + 2]);
            outcomes[i + 2] = outcome2;
            anyOutcome |= outcome2;
            allOutcomes &= outcome2;
            if ((flags[i + 2] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i + 2], node.trace(ctx, from[i + 2], Outcome.next(outcome2)));
            }
            int outcome3 = node.process(ctx, from[i + 3]);
            outcomes[i + 3] = outcome3;
            anyOutcome |= outcome3;
            allOutcomes &= outcome3;
            if ((flags[i + 3] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i + 3], node.trace(ctx, from[i + 3], Outcome.next(outcome3)));
            }
            i += 4;
        }
        while (i < count) {
            flags[i] = buffers.flags(from[i]);
            int outcome = node.process(ctx, from[i]);
            outcomes[i] = outcome;
            anyOutcome |= outcome;
            allOutcomes &= outcome;
            if ((flags[i] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i], node.trace(ctx, from[i], Outcome.next(outcome)));
            }
            i++;
        }
        // The OR and the AND of the outcomes agree only if all are equal: then the whole
        // frame goes to one next with no look at each buffer's outcome.
        if (anyOutcome == allOutcomes) {
            ctx.enqueueOutcome(from, anyOutcome, count);
        } else {
            ctx.enqueueOutcomes(from, outcomes, count);
        }
        return count;
    }
}
