package io.vecta.runtime.l2;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.FeatureArcs;
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

/**
 * {@code l2-input}: the start of the L2 path for a frame of an interface in L2 mode (its current
 * data at the Ethernet header). A cross-connected interface's frame goes straight to
 * {@code l2-output} with the peer as its tx interface; a bridged one gets its bridge domain and
 * split-horizon group ({@link L2Opaque}) and goes to {@code l2-learn}, or to {@code l2-fwd} when
 * its bridge does not learn. A frame of an interface no longer in L2 mode is dropped.
 *
 * <p>VPP walks a per-interface feature bitmap here; the chain is fixed instead
 * (learn → fwd → flood/output), with each bridge's switches read from {@link L2Tables}. Features
 * of plugins run first where enabled on the rx interface: the frame enters the feature arc
 * {@value #FEATURE_ARC}, with the next chosen here kept in the buffer ({@link L2Opaque#resume})
 * for {@code l2-input-feat-end}, the arc's last node, to follow.
 */
@GraphNode(name = L2Input.NODE, errors = L2Input.Error.class)
public final class L2Input {

    /** The node's name. */
    public static final String NODE = "l2-input";

    /** The arc of L2 input features, from this node to {@code l2-input-feat-end}. */
    public static final String FEATURE_ARC = "l2-input-feat";

    enum Error {
        @ErrorCounter(description = "L2 input packets", severity = Severity.INFO)
        L2INPUT,
        @ErrorCounter(description = "L2 input drops", severity = Severity.ERROR)
        DROP
    }

    @Next("l2-learn")
    static final int NEXT_LEARN = 0;
    @Next("l2-fwd")
    static final int NEXT_FWD = 1;
    @Next("l2-output")
    static final int NEXT_OUTPUT = 2;
    @Next("error-drop")
    static final int NEXT_DROP = 3;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        BridgeDomains bridges;
        FeatureArcs arcs;
        int featureArc;
        int node;
    }

    /** What a traced frame shows under {@code l2-input}. */
    public record Trace(int swIfIndex, long dst, long src) {
        /** VPP's words: {@code l2-input: sw_if_index 1 dst ff:ff:ff:ff:ff:ff src 02:fe:00:00:00:01}. */
        public String format() {
            return "l2-input: sw_if_index " + swIfIndex + " dst " + MacAddress.format(dst) + " src "
                    + MacAddress.format(src);
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.bridges == null) {
            s.bridges = BridgeDomains.of(((NodeRuntime) ctx).graph());
            s.arcs = ((NodeRuntime) ctx).graph().featureArcs();
            s.featureArc = s.arcs.arcIndex(FEATURE_ARC);
            s.node = ctx.nodeIndex();
        }
        // not FeatureArcEntry, which would send every frame to the arc's last node while any
        // interface has features: here only the frames of interfaces with features pass l2-input-feat-end
        boolean features = s.arcs.anyEnabled(s.featureArc);
        L2Tables t = s.bridges.tables();
        int[] xconnectTo = t.xconnectTo;
        int[] bdIndexOf = t.bdIndexOf;
        int[] shgOf = t.shgOf;
        int[] flags = t.flags;
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        long base = buffers.baseAddress();
        int drops = 0;
        int firstNext = -1;
        boolean oneNext = true;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int rx = UncheckedBuffers.rxSwIfIndex(b);
            int next;
            if (rx < 0 || rx >= xconnectTo.length) {
                next = NEXT_DROP;
            } else if (xconnectTo[rx] != L2Tables.NO_XCONNECT) {
                UncheckedBuffers.setTxSwIfIndex(b, xconnectTo[rx]);
                UncheckedBuffers.setOpaque(b, L2Opaque.OPAQUE_WORD, L2Opaque.word(0, 0));
                next = NEXT_OUTPUT;
            } else {
                int bd = bdIndexOf[rx];
                if (bd == 0) {
                    next = NEXT_DROP;
                } else {
                    UncheckedBuffers.setOpaque(b, L2Opaque.OPAQUE_WORD, L2Opaque.word(bd, shgOf[rx]));
                    next = (flags[bd] & L2Tables.LEARN) != 0 ? NEXT_LEARN : NEXT_FWD;
                }
            }
            if (next == NEXT_DROP) {
                drops++;
                ctx.noteCountedError(bi, Error.DROP.ordinal());
            } else if (features && s.arcs.enabledOn(s.featureArc, rx)) {
                L2Opaque.setResume(buffers, bi, next);
                next = s.arcs.start(s.featureArc, s.node, buffers, bi);
            }
            if (firstNext < 0) {
                firstNext = next;
            }
            oneNext &= next == firstNext;
            nexts[i] = next;
        }
        if (frame.isTraced()) {
            MemorySegment m = buffers.memory();
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    long at = buffers.dataOffset(bi);
                    ctx.addTrace(bi, new Trace(buffers.rxSwIfIndex(bi), Ethernet.dst(m, at), Ethernet.src(m, at)));
                }
            }
        }
        s.errors[Error.L2INPUT.ordinal()] = count;
        s.errors[Error.DROP.ordinal()] = drops;
        ctx.addErrors(s.errors, 0);
        if (oneNext && count > 0) {
            ctx.enqueueToSingleNext(bis, firstNext, count);
        } else {
            ctx.enqueueToNext(bis, nexts, count);
        }
    }
}
