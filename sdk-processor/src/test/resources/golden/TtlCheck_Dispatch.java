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
import java.util.Arrays;
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
     * Next index of each buffer of the frame, enqueued in bulk.
     */
    private final int[] nexts = new int[Frame.CAPACITY];

    /**
     * Flags of each buffer, read one quad ahead of its processing.
     */
    private final int[] flags = new int[Frame.CAPACITY];

    /**
     * Packets of this frame per error slot: 0 for none, else the error code plus one.
     */
    private final int[] errorCounts = new int[3];

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
        int[] nexts = this.nexts;
        int[] errorCounts = this.errorCounts;
        int anyNext = 0;
        int allNext = -1;
        int i = 0;
        // Four at a time while eight remain, then one at a time.
        // The bound is a plain i < quadEnd so that the JIT sees a counted loop and checks the
        // array indices once, before it, instead of for every buffer.
        for (int quadEnd = count - 7; i < quadEnd; i += 4) {
            int outcome0 = node.process(ctx, from[i]);
            int next0 = Outcome.next(outcome0);
            if (Outcome.errorSlot(outcome0) != 0) {
                errorCounts[Outcome.errorSlot(outcome0)]++;
            }
            nexts[i] = next0;
            anyNext |= next0;
            allNext &= next0;
            int outcome1 = node.process(ctx, from[i + 1]);
            int next1 = Outcome.next(outcome1);
            if (Outcome.errorSlot(outcome1) != 0) {
                errorCounts[Outcome.errorSlot(outcome1)]++;
            }
            nexts[i + 1] = next1;
            anyNext |= next1;
            allNext &= next1;
            int outcome2 = node.process(ctx, from[i + 2]);
            int next2 = Outcome.next(outcome2);
            if (Outcome.errorSlot(outcome2) != 0) {
                errorCounts[Outcome.errorSlot(outcome2)]++;
            }
            nexts[i + 2] = next2;
            anyNext |= next2;
            allNext &= next2;
            int outcome3 = node.process(ctx, from[i + 3]);
            int next3 = Outcome.next(outcome3);
            if (Outcome.errorSlot(outcome3) != 0) {
                errorCounts[Outcome.errorSlot(outcome3)]++;
            }
            nexts[i + 3] = next3;
            anyNext |= next3;
            allNext &= next3;
        }
        while (i < count) {
            int outcome = node.process(ctx, from[i]);
            int next = Outcome.next(outcome);
            if (Outcome.errorSlot(outcome) != 0) {
                errorCounts[Outcome.errorSlot(outcome)]++;
            }
            nexts[i] = next;
            anyNext |= next;
            allNext &= next;
            i++;
        }
        // The OR and the AND of the next indices agree only if all are equal: then one
        // next takes the whole frame with no look at each buffer's next.
        if (anyNext == allNext) {
            ctx.enqueueToSingleNext(from, anyNext, count);
        } else {
            ctx.enqueueToNext(from, nexts, count);
        }
        ctx.addErrors(errorCounts, 1);
        Arrays.fill(errorCounts, 0);
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
        int[] nexts = this.nexts;
        int[] flags = this.flags;
        int[] errorCounts = this.errorCounts;
        for (int first = 0; first < 4 && first < count; first++) {
            flags[first] = buffers.flags(from[first]);
        }
        int anyNext = 0;
        int allNext = -1;
        int i = 0;
        // Four at a time while eight remain: the next four buffers' metadata is read now,
        // one iteration before their turn, so that it is in cache by then.
        // The bound is a plain i < quadEnd so that the JIT sees a counted loop and checks the
        // array indices once, before it, instead of for every buffer.
        for (int quadEnd = count - 7; i < quadEnd; i += 4) {
            flags[i + 4] = buffers.flags(from[i + 4]);
            flags[i + 5] = buffers.flags(from[i + 5]);
            flags[i + 6] = buffers.flags(from[i + 6]);
            flags[i + 7] = buffers.flags(from[i + 7]);
            int outcome0 = node.process(ctx, from[i]);
            int next0 = Outcome.next(outcome0);
            if (Outcome.errorSlot(outcome0) != 0) {
                errorCounts[Outcome.errorSlot(outcome0)]++;
            }
            nexts[i] = next0;
            anyNext |= next0;
            allNext &= next0;
            if ((flags[i] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i], node.trace(ctx, from[i], nexts[i]));
                if (Outcome.errorSlot(outcome0) != 0) {
                    ctx.noteCountedError(from[i], Outcome.errorSlot(outcome0) - 1);
                }
            }
            int outcome1 = node.process(ctx, from[i + 1]);
            int next1 = Outcome.next(outcome1);
            if (Outcome.errorSlot(outcome1) != 0) {
                errorCounts[Outcome.errorSlot(outcome1)]++;
            }
            nexts[i + 1] = next1;
            anyNext |= next1;
            allNext &= next1;
            if ((flags[i + 1] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i + 1], node.trace(ctx, from[i + 1], nexts[i + 1]));
                if (Outcome.errorSlot(outcome1) != 0) {
                    ctx.noteCountedError(from[i + 1], Outcome.errorSlot(outcome1) - 1);
                }
            }
            int outcome2 = node.process(ctx, from[i + 2]);
            int next2 = Outcome.next(outcome2);
            if (Outcome.errorSlot(outcome2) != 0) {
                errorCounts[Outcome.errorSlot(outcome2)]++;
            }
            nexts[i + 2] = next2;
            anyNext |= next2;
            allNext &= next2;
            if ((flags[i + 2] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i + 2], node.trace(ctx, from[i + 2], nexts[i + 2]));
                if (Outcome.errorSlot(outcome2) != 0) {
                    ctx.noteCountedError(from[i + 2], Outcome.errorSlot(outcome2) - 1);
                }
            }
            int outcome3 = node.process(ctx, from[i + 3]);
            int next3 = Outcome.next(outcome3);
            if (Outcome.errorSlot(outcome3) != 0) {
                errorCounts[Outcome.errorSlot(outcome3)]++;
            }
            nexts[i + 3] = next3;
            anyNext |= next3;
            allNext &= next3;
            if ((flags[i + 3] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i + 3], node.trace(ctx, from[i + 3], nexts[i + 3]));
                if (Outcome.errorSlot(outcome3) != 0) {
                    ctx.noteCountedError(from[i + 3], Outcome.errorSlot(outcome3) - 1);
                }
            }
        }
        while (i < count) {
            flags[i] = buffers.flags(from[i]);
            int outcome = node.process(ctx, from[i]);
            int next = Outcome.next(outcome);
            if (Outcome.errorSlot(outcome) != 0) {
                errorCounts[Outcome.errorSlot(outcome)]++;
            }
            nexts[i] = next;
            anyNext |= next;
            allNext &= next;
            if ((flags[i] & BufferFlags.IS_TRACED) != 0) {
                ctx.addTrace(from[i], node.trace(ctx, from[i], nexts[i]));
                if (Outcome.errorSlot(outcome) != 0) {
                    ctx.noteCountedError(from[i], Outcome.errorSlot(outcome) - 1);
                }
            }
            i++;
        }
        // The OR and the AND of the next indices agree only if all are equal: then one
        // next takes the whole frame with no look at each buffer's next.
        if (anyNext == allNext) {
            ctx.enqueueToSingleNext(from, anyNext, count);
        } else {
            ctx.enqueueToNext(from, nexts, count);
        }
        ctx.addErrors(errorCounts, 1);
        Arrays.fill(errorCounts, 0);
        return count;
    }
}
