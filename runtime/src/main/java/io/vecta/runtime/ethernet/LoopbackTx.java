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
 * {@code ethernet-input} (VPP's simulated Ethernet device does the same). A loopback that is a
 * bridge's virtual interface (BVI) sends into its bridge instead: to {@code l2-input}, with
 * itself as the rx interface, as VPP's BVI does.
 */
@GraphNode(name = Loopbacks.TX_NODE)
public final class LoopbackTx {

    @Next("ethernet-input")
    static final int NEXT_ETHERNET = 0;
    @Next("l2-input")
    static final int NEXT_L2 = 1;

    private final Scratch scratch = new Scratch();

    /** A holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        InterfaceTable table;
        InterfaceCounters.ThreadCounters counters;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.counters == null) {
            s.table = InterfaceTable.of(((NodeRuntime) ctx).graph());
            s.counters = s.table.counters().forThread(ctx.threadIndex());
        }
        byte[] l2Modes = s.table.l2Modes();
        int[] nexts = s.nexts;
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int sw = buffers.txSwIfIndex(bi);
            buffers.setRxSwIfIndex(bi, sw);
            if (sw < l2Modes.length && l2Modes[sw] == InterfaceTable.BVI) {
                // a bridge's virtual interface sends into its bridge: sent, not received
                nexts[i] = NEXT_L2;
            } else {
                nexts[i] = NEXT_ETHERNET;
                s.counters.addRx(sw, 1, buffers.lengthInChain(bi));
            }
        }
        ctx.enqueueToNext(bis, nexts, count);
    }
}
