package io.vecta.runtime.ethernet;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code loop-tx}: the loopback interfaces' transmit node. What a loopback sends it receives:
 * each packet comes back in on the same interface, counted as received there, at
 * {@code ethernet-input} (VPP's simulated Ethernet device does the same).
 */
@GraphNode(name = Loopbacks.TX_NODE)
public final class LoopbackTx {

    @Next("ethernet-input")
    static final int NEXT_ETHERNET = 0;

    private final Scratch scratch = new Scratch();

    /** A holder because node fields are final. */
    private static final class Scratch {
        InterfaceCounters.ThreadCounters counters;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.counters == null) {
            s.counters = InterfaceTable.of(((NodeRuntime) ctx).graph()).counters().forThread(ctx.threadIndex());
        }
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int sw = buffers.txSwIfIndex(bi);
            buffers.setRxSwIfIndex(bi, sw);
            s.counters.addRx(sw, 1, buffers.lengthInChain(bi));
        }
        ctx.enqueueToSingleNext(bis, NEXT_ETHERNET, count);
    }
}
