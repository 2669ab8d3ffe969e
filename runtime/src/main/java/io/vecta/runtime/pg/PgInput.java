package io.vecta.runtime.pg;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.NodeState;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.pcap.InterfacePcap;
import io.vecta.runtime.pcap.InterfacePcapTrace;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import java.util.Arrays;

/**
 * {@code pg-input}: on each turn of the main thread, sends a frame's worth of packets of every
 * enabled stream to the stream's node, within the stream's limit and rate (VPP's
 * {@code pg-input}). Streams run on the main thread only, as VPP's do by default (worker 0). The
 * node polls only while some stream is enabled ({@link PacketGenerator#attach}).
 *
 * <p>The node's next nodes are added at run time, one per stream node, by
 * {@link PacketGenerator#create}. An empty buffer pool sends fewer packets and counts the
 * shortfall; a stream whose frames do not fit a buffer is disabled and its packets counted.
 */
@GraphNode(name = PacketGenerator.INPUT_NODE, type = NodeType.INPUT, errors = PgInput.Error.class)
public final class PgInput {

    enum Error {
        @ErrorCounter(description = "buffer allocation failures", severity = Severity.ERROR)
        NO_BUFFERS,
        @ErrorCounter(description = "packets longer than a buffer", severity = Severity.ERROR)
        TOO_LONG
    }

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] bis = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        PacketGenerator generator;
        InterfaceCounters.ThreadCounters rxCounters;
        InterfacePcap pcap;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        if (ctx.threadIndex() != 0) {
            ((NodeRuntime) ctx).setState(NodeState.DISABLED);
            return;
        }
        Scratch s = scratch;
        PacketGenerator generator = s.generator;
        if (generator == null) {
            generator = PacketGenerator.of(((NodeRuntime) ctx).graph());
            s.generator = generator;
            s.pcap = InterfacePcap.of(((NodeRuntime) ctx).graph());
            s.rxCounters = InterfaceTable.of(((NodeRuntime) ctx).graph()).counters().forThread(ctx.threadIndex());
        }
        PgStream[] streams = generator.snapshot();
        if (streams.length == 0) {
            return;
        }
        long now = System.nanoTime();
        int[] bis = s.bis;
        int[] errors = s.errors;
        boolean anyError = false;
        Buffers buffers = ctx.buffers();
        for (PgStream stream : streams) {
            if (!stream.isEnabled()) {
                continue;
            }
            int n = stream.due(now);
            if (n == 0) {
                continue;
            }
            int got = ctx.allocator().alloc(bis, 0, n);
            if (got < n) {
                stream.countAllocationFailures(n - got);
                errors[Error.NO_BUFFERS.ordinal()] += n - got;
                anyError = true;
            }
            if (got == 0) {
                continue;
            }
            if (stream.longest() > buffers.dataSize(bis[0])) {
                ctx.allocator().free(bis, 0, got);
                errors[Error.TOO_LONG.ordinal()] += got;
                anyError = true;
                stream.disable();
                continue;
            }
            long bytes = stream.write(buffers, bis, got);
            if (stream.rxSwIfIndex() != InterfaceTable.LOCAL0) {
                s.rxCounters.addRx(stream.rxSwIfIndex(), got, bytes);
            }
            InterfacePcapTrace pcap = s.pcap.active();
            if (pcap != null) {
                pcap.capture(buffers, bis, got, InterfacePcapTrace.Direction.RX);
            }
            // trace add pg-input N: the first packets, while the budget lasts, carry a trace
            for (int k = 0; k < got && ctx.traceBudget() > 0; k++) {
                ctx.traceBuffer(bis[k]);
                ctx.addTrace(bis[k], PgTrace.of(stream, buffers, bis[k]));
            }
            ctx.enqueueToSingleNext(bis, stream.next(), got);
            stream.sent(got);
        }
        if (!generator.anyEnabled()) {
            // the last stream reached its limit: stop polling until a stream is enabled again
            ((NodeRuntime) ctx).setState(NodeState.DISABLED);
        }
        if (anyError) {
            ctx.addErrors(errors, 0);
            Arrays.fill(errors, 0);
        }
    }
}
