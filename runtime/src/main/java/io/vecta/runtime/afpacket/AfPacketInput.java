package io.vecta.runtime.afpacket;

import io.vecta.nativeio.afpacket.RxRing;
import io.vecta.nativeio.afpacket.Tpacket3Hdr;
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
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code af-packet-input}: copies the frames waiting in the receive rings this thread polls into
 * buffers, up to a frame's worth per ring and call, sets their rx interface, counts them on it,
 * and sends them to the ring's next node (VPP's {@code af-packet-input}).
 *
 * <p>Buffers come from a per-thread stash refilled a frame's worth at a time, so that polling an
 * idle ring costs no allocation. A frame longer than a buffer becomes a chain. A frame the ring
 * kept only in part ({@code tp_snaplen < tp_len}), or one for which no buffer was left, is
 * consumed from the ring and counted as an error, never passed on half. On a thread that polls
 * no ring the node switches itself off; what arrives while the interface is down is taken from the
 * ring and counted as dropped; {@link AfPacketInterfaces#create} switches it on where a
 * ring is placed.
 *
 * <p>The node is polled or interrupted as its thread's rings' rx modes ask (see
 * {@link AfPacketInterfaces}); each call reads every ring of the thread and tells each ring's
 * {@link AfPacketRxQueue} how many frames it took, so that an adaptive ring can switch between
 * interrupt and polling, the node's state following.
 */
@GraphNode(name = AfPacketInterfaces.INPUT_NODE, type = NodeType.INPUT, errors = AfPacketInput.Error.class)
public final class AfPacketInput {

    enum Error {
        @ErrorCounter(description = "buffer allocation failures", severity = Severity.ERROR)
        NO_BUFFERS,
        @ErrorCounter(description = "frames truncated by the receive ring", severity = Severity.ERROR)
        TRUNCATED,
        @ErrorCounter(description = "interface is down", severity = Severity.ERROR)
        INTERFACE_DOWN
    }

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] bis = new int[Frame.CAPACITY];
        final int[] stash = new int[Frame.CAPACITY];
        int stashCount;
        final int[] errors = new int[Error.values().length];
        boolean anyError;
        AfPacketInterfaces interfaces;
        InterfaceCounters.ThreadCounters counters;
        InterfacePcap pcap;
    }

    /** What a traced packet shows under {@code af-packet-input}: the ring's header of its frame. */
    public record Trace(String interfaceName, int nextIndex, int status, int length, int snaplen, int mac, int net,
                        long seconds, int nanos) {
        /** VPP's layout: the interface and next index, then the {@code tpacket3_hdr} fields. */
        public String format() {
            return "af_packet: " + interfaceName + " next-index " + nextIndex + "\n  tpacket3_hdr:\n    status 0x"
                    + Integer.toHexString(status) + " len " + length + " snaplen " + snaplen + " mac " + mac + " net "
                    + net + "\n    sec 0x" + Long.toHexString(seconds) + " nsec 0x" + Integer.toHexString(nanos);
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.interfaces == null) {
            NodeRuntime runtime = (NodeRuntime) ctx;
            s.interfaces = AfPacketInterfaces.of(runtime.graph());
            s.counters = InterfaceTable.of(runtime.graph()).counters().forThread(ctx.threadIndex());
            s.pcap = InterfacePcap.of(runtime.graph());
        }
        AfPacketPort[] ports = s.interfaces.rxPorts(ctx.threadIndex());
        if (ports.length == 0) {
            ((NodeRuntime) ctx).setState(NodeState.DISABLED);
            if (s.stashCount > 0) {
                ctx.allocator().free(s.stash, 0, s.stashCount);
                s.stashCount = 0;
            }
            return;
        }
        s.anyError = false;
        boolean modeSwitched = false;
        for (AfPacketPort port : ports) {
            modeSwitched |= port.rxQueue().afterCall(receive(ctx, s, port));
        }
        if (modeSwitched) {
            // an adaptive ring went from interrupt to polling or back: the node follows its rings
            ((NodeRuntime) ctx).setState(AfPacketInterfaces.stateFor(ports));
        }
        if (s.anyError) {
            ctx.addErrors(s.errors, 0);
            Arrays.fill(s.errors, 0);
        }
    }

    /**
     * Up to a frame's worth from {@code port}'s ring; sets {@code s.anyError} if an error was
     * counted.
     *
     * @return the frames taken from the ring, passed on or counted as errors
     */
    private static int receive(NodeContext ctx, Scratch s, AfPacketPort port) {
        RxRing rx = port.rx();
        MemorySegment ring = rx.memory();
        Buffers buffers = ctx.buffers();
        MemorySegment memory = buffers.memory();
        int[] bis = s.bis;
        int sw = port.iface().swIfIndex();
        int n = 0;
        int taken = 0;
        long bytes = 0;
        boolean anyError = false;
        if (!port.iface().isAdminUp()) {
            // the kernel keeps delivering to the ring: empty it, as a port that is down drops what arrives
            int dropped = 0;
            while (rx.next() >= 0) {
                dropped++;
            }
            if (dropped == 0) {
                return 0;
            }
            s.errors[Error.INTERFACE_DOWN.ordinal()] += dropped;
            s.counters.addDrops(sw, dropped);
            s.anyError = true;
            return dropped;
        }
        int traceable = ctx.traceBudget();
        while (n < Frame.CAPACITY) {
            long header = rx.next();
            if (header < 0) {
                break;
            }
            taken++;
            int length = Tpacket3Hdr.snaplen(ring, header);
            if (length != Tpacket3Hdr.length(ring, header)) {
                s.errors[Error.TRUNCATED.ordinal()]++;
                anyError = true;
                continue;
            }
            int bi = take(ctx, s);
            if (bi == Buffers.NO_BUFFER) {
                s.errors[Error.NO_BUFFERS.ordinal()]++;
                anyError = true;
                continue;
            }
            long from = header + Tpacket3Hdr.macOffset(ring, header);
            int room = buffers.dataSize(bi);
            int first = Math.min(length, room);
            MemorySegment.copy(ring, from, memory, buffers.dataOffset(bi), first);
            buffers.setCurrentLength(bi, first);
            buffers.setRxSwIfIndex(bi, sw);
            if (first < length && !chainRest(ctx, s, bi, ring, from + first, length - first)) {
                ctx.allocator().free(bi);
                s.errors[Error.NO_BUFFERS.ordinal()]++;
                anyError = true;
                continue;
            }
            if (traceable > 0) {
                traceable--;
                ctx.traceBuffer(bi);
                ctx.addTrace(bi, new Trace(port.iface().name(), port.next(), Tpacket3Hdr.status(ring, header), length,
                        length, Tpacket3Hdr.macOffset(ring, header), Tpacket3Hdr.netOffset(ring, header),
                        Tpacket3Hdr.seconds(ring, header), Tpacket3Hdr.nanos(ring, header)));
            }
            bis[n++] = bi;
            bytes += length;
        }
        s.anyError |= anyError;
        if (n == 0) {
            return taken;
        }
        s.counters.addRx(sw, n, bytes);
        InterfacePcapTrace pcap = s.pcap.active();
        if (pcap != null && pcap.captures(InterfacePcapTrace.Direction.RX)) {
            pcap.capture(buffers, bis, n, InterfacePcapTrace.Direction.RX);
        }
        ctx.enqueueToSingleNext(bis, port.next(), n);
        return taken;
    }

    /** Copies the rest of a long frame into buffers chained after {@code head}; false if the pool ran out. */
    private static boolean chainRest(NodeContext ctx, Scratch s, int head, MemorySegment ring, long from, int left) {
        Buffers buffers = ctx.buffers();
        int last = head;
        while (left > 0) {
            int bi = take(ctx, s);
            if (bi == Buffers.NO_BUFFER) {
                return false;
            }
            int chunk = Math.min(left, buffers.dataSize(bi));
            MemorySegment.copy(ring, from, buffers.memory(), buffers.dataOffset(bi), chunk);
            buffers.setCurrentLength(bi, chunk);
            last = buffers.chainAppend(head, last, bi);
            from += chunk;
            left -= chunk;
        }
        return true;
    }

    /** A fresh buffer from the stash, refilled a frame's worth at a time; NO_BUFFER if the pool is empty. */
    private static int take(NodeContext ctx, Scratch s) {
        if (s.stashCount == 0) {
            s.stashCount = ctx.allocator().alloc(s.stash, 0, s.stash.length);
            if (s.stashCount == 0) {
                return Buffers.NO_BUFFER;
            }
        }
        return s.stash[--s.stashCount];
    }
}
