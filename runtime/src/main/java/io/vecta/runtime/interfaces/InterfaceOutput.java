package io.vecta.runtime.interfaces;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.pcap.InterfacePcap;
import io.vecta.runtime.pcap.InterfacePcapTrace;
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
import java.util.Arrays;

/**
 * {@code interface-output}: gives each buffer to the transmit node of its tx interface's device
 * ({@code pg-tx} for {@code pg1}) and counts it as sent by that interface. A buffer whose tx
 * interface is down, or names none, goes to {@code error-drop} with its reason counted here.
 *
 * <p>A packet for a sub-interface is counted as the sub-interface's and reaches its parent's
 * device with the parent in its tx field: the device knows only its port. Its VLAN tag is
 * already in the frame, written by whoever wrote its Ethernet header (an adjacency's rewrite,
 * {@code arp-input}'s reply), as in VPP.
 *
 * <p>The per-interface next indices come from {@link InterfaceTable#txNexts()}, read once per
 * frame; packets of one interface in a row are counted together, since a frame mostly holds one.
 */
@GraphNode(name = InterfaceTable.OUTPUT_NODE, errors = InterfaceOutput.Error.class)
public final class InterfaceOutput {

    enum Error {
        @ErrorCounter(description = "interface is down", severity = Severity.ERROR)
        INTERFACE_DOWN,
        @ErrorCounter(description = "tx interface does not exist", severity = Severity.ERROR)
        NO_SUCH_INTERFACE
    }

    @Next("error-drop")
    static final int DROP = 0;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        final int[] sent = new int[Frame.CAPACITY];
        InterfaceTable table;
        InterfacePcap pcap;
        InterfaceCounters.ThreadCounters counters;
    }

    /** What a traced packet shows under {@code interface-output}: the interface it leaves by. */
    public record Trace(String interfaceName) {
        /** The interface's name, as VPP's interface-output record starts. */
        public String format() {
            return interfaceName;
        }
    }

    /**
     * The usual frame: every packet for one interface that is up and a port (not a
     * sub-interface), none chained, no pcap capture on. Counted once and handed to the
     * interface's tx node whole; false, with nothing done, for any other frame.
     */
    private static boolean sendWhole(NodeContext ctx, Frame frame, Scratch s, long base, int[] txNexts, int[] sups) {
        int[] bis = frame.buffers();
        int count = frame.count();
        int sw = UncheckedBuffers.txSwIfIndex(UncheckedBuffers.address(base, bis[0]));
        if (sw < 0 || sw >= txNexts.length || txNexts[sw] == InterfaceTable.NOT_UP || sups[sw] != sw) {
            return false;
        }
        InterfacePcapTrace pcap = s.pcap.active();
        if (pcap != null && pcap.captures(InterfacePcapTrace.Direction.TX)) {
            return false;
        }
        boolean same = true;
        int flags = 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            long b = UncheckedBuffers.address(base, bis[i]);
            same &= UncheckedBuffers.txSwIfIndex(b) == sw;
            flags |= UncheckedBuffers.flags(b);
            bytes += UncheckedBuffers.currentLength(b);
        }
        if (!same || (flags & BufferFlags.NEXT_PRESENT) != 0) {
            return false;
        }
        s.counters.addTx(sw, count, bytes);
        traceAll(ctx, frame, s);
        ctx.enqueueToSingleNext(bis, txNexts[sw], count);
        return true;
    }

    private static void traceAll(NodeContext ctx, Frame frame, Scratch s) {
        if (frame.isTraced()) {
            Buffers buffers = ctx.buffers();
            int[] bis = frame.buffers();
            for (int i = 0, count = frame.count(); i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    ctx.addTrace(bi, new Trace(s.table.nameOf(buffers.txSwIfIndex(bi))));
                }
            }
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.table == null) {
            s.table = InterfaceTable.of(((NodeRuntime) ctx).graph());
            s.pcap = InterfacePcap.of(((NodeRuntime) ctx).graph());
            s.counters = s.table.counters().forThread(ctx.threadIndex());
        }
        int[] txNexts = s.table.txNexts();
        int[] sups = s.table.supIndices();
        boolean anySub = false;
        InterfaceCounters.ThreadCounters counters = s.counters;
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        boolean dropped = false;
        int runInterface = -1;
        long runPackets = 0;
        long runBytes = 0;
        long base = buffers.baseAddress();
        if (count > 0 && sendWhole(ctx, frame, s, base, txNexts, sups)) {
            return;
        }
        int firstNext = -1;
        boolean oneNext = true;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int sw = UncheckedBuffers.txSwIfIndex(b);
            if (sw < 0 || sw >= txNexts.length) {
                nexts[i] = DROP;
                s.errors[Error.NO_SUCH_INTERFACE.ordinal()]++;
                dropped = true;
                continue;
            }
            int next = txNexts[sw];
            if (next == InterfaceTable.NOT_UP) {
                nexts[i] = DROP;
                s.errors[Error.INTERFACE_DOWN.ordinal()]++;
                dropped = true;
                continue;
            }
            nexts[i] = next;
            if (firstNext < 0) {
                firstNext = next;
            }
            oneNext &= next == firstNext;
            anySub |= sups[sw] != sw;
            if (sw != runInterface) {
                if (runPackets != 0) {
                    counters.addTx(runInterface, runPackets, runBytes);
                }
                runInterface = sw;
                runPackets = 0;
                runBytes = 0;
            }
            runPackets++;
            runBytes += (UncheckedBuffers.flags(b) & BufferFlags.NEXT_PRESENT) == 0 ? UncheckedBuffers.currentLength(b)
                    : buffers.lengthInChain(bi);
        }
        if (runPackets != 0) {
            counters.addTx(runInterface, runPackets, runBytes);
        }
        traceAll(ctx, frame, s);
        if (anySub) {
            // counted and traced as the sub-interface; the device sees its own port
            for (int i = 0; i < count; i++) {
                if (nexts[i] != DROP) {
                    int sw = buffers.txSwIfIndex(bis[i]);
                    buffers.setTxSwIfIndex(bis[i], sups[sw]);
                }
            }
        }
        InterfacePcapTrace pcap = s.pcap.active();
        if (pcap != null && pcap.captures(InterfacePcapTrace.Direction.TX)) {
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (nexts[i] != DROP) {
                    s.sent[n++] = bis[i];
                }
            }
            pcap.capture(buffers, s.sent, n, InterfacePcapTrace.Direction.TX);
        }
        if (dropped) {
            ctx.addErrors(s.errors, 0);
            Arrays.fill(s.errors, 0);
        }
        if (oneNext && !dropped && count > 0) {
            ctx.enqueueToSingleNext(bis, firstNext, count);
        } else {
            ctx.enqueueToNext(bis, nexts, count);
        }
    }
}
