package io.vecta.runtime.l2;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.FeatureArcEntry;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.MacAddress;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code l2-output}: the end of the L2 path. A frame for an ordinary member or a cross-connect
 * peer goes to {@code interface-output} as it is. A frame for the bridge's virtual interface
 * (BVI) is received by it instead: it enters {@code ethernet-input} with the BVI as its rx
 * interface, counted as received there, and is routed from there as any L3 frame (VPP's
 * {@code l2_to_bvi}). A frame for a member of the split-horizon group it came from is dropped.
 * A frame leaving by an interface with output features enabled passes them first: the feature
 * arc {@value #FEATURE_ARC}, chosen by the tx interface, ends in {@code interface-output}.
 */
@GraphNode(name = L2Output.NODE, errors = L2Output.Error.class)
public final class L2Output {

    /** The node's name. */
    public static final String NODE = "l2-output";

    /** The arc of L2 output features, by tx interface, from this node to {@code interface-output}. */
    public static final String FEATURE_ARC = "l2-output-feat";

    enum Error {
        @ErrorCounter(description = "L2 output packets", severity = Severity.INFO)
        L2OUTPUT,
        @ErrorCounter(description = "L2 output shg drop", severity = Severity.ERROR)
        SHG_DROP
    }

    @Next("interface-output")
    static final int NEXT_OUTPUT = 0;
    @Next("ethernet-input")
    static final int NEXT_BVI = 1;
    @Next("error-drop")
    static final int NEXT_DROP = 2;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        BridgeDomains bridges;
        InterfaceCounters.ThreadCounters counters;
        FeatureArcEntry features;
    }

    /** What a traced frame shows under {@code l2-output}. */
    public record Trace(int swIfIndex, long dst, long src) {
        /** VPP's words: {@code l2-output: sw_if_index 2 dst .. src ..}. */
        public String format() {
            return "l2-output: sw_if_index " + swIfIndex + " dst " + MacAddress.format(dst) + " src "
                    + MacAddress.format(src);
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.bridges == null) {
            s.bridges = BridgeDomains.of(((NodeRuntime) ctx).graph());
            s.counters = InterfaceTable.of(((NodeRuntime) ctx).graph()).counters().forThread(ctx.threadIndex());
            s.features = FeatureArcEntry.of(((NodeRuntime) ctx).graph(), FEATURE_ARC, ctx.nodeIndex());
        }
        L2Tables t = s.bridges.tables();
        boolean[] isBvi = t.isBvi;
        int[] shgOf = t.shgOf;
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        long base = buffers.baseAddress();
        boolean allOut = true;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int tx = UncheckedBuffers.txSwIfIndex(b);
            int next = NEXT_OUTPUT;
            if (tx >= 0 && tx < isBvi.length) {
                int word = UncheckedBuffers.opaque(b, L2Opaque.OPAQUE_WORD);
                int shg = L2Opaque.shg(word);
                if (isBvi[tx]) {
                    UncheckedBuffers.setRxSwIfIndex(b, tx);
                    s.counters.addRx(tx, 1, buffers.lengthInChain(bi));
                    next = NEXT_BVI;
                } else if (shg != 0 && shgOf[tx] == shg && L2Opaque.bdIndex(word) != 0) {
                    errors[Error.SHG_DROP.ordinal()]++;
                    ctx.noteCountedError(bi, Error.SHG_DROP.ordinal());
                    next = NEXT_DROP;
                }
            }
            allOut &= next == NEXT_OUTPUT;
            nexts[i] = next;
        }
        if (frame.isTraced()) {
            MemorySegment m = buffers.memory();
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    long at = buffers.dataOffset(bi);
                    ctx.addTrace(bi, new Trace(buffers.txSwIfIndex(bi), Ethernet.dst(m, at), Ethernet.src(m, at)));
                }
            }
        }
        if (s.features.active()) {
            s.features.enter(buffers, bis, nexts, count, NEXT_OUTPUT);
            allOut = false;
        }
        errors[Error.L2OUTPUT.ordinal()] = count;
        ctx.addErrors(errors, 0);
        Arrays.fill(errors, 0);
        if (allOut) {
            ctx.enqueueToSingleNext(bis, NEXT_OUTPUT, count);
        } else {
            ctx.enqueueToNext(bis, nexts, count);
        }
    }
}
