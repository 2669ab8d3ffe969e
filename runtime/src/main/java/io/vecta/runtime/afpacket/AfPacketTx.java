package io.vecta.runtime.afpacket;

import io.vecta.nativeio.afpacket.TxRing;
import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code af-packet-tx}: the host interfaces' transmit node (VPP names one per interface,
 * {@code host-veth1-tx}; one node serves all here, as {@code pg-tx} does). Each packet is copied,
 * chain and all, into a slot of its interface's transmit ring for this thread; once the frame is
 * done every ring written to is flushed with one {@code sendto}, and every buffer is freed.
 *
 * <p>A packet that cannot go is counted under its reason and freed, never lost silently: the
 * ring is full even after a flush (the kernel has not sent the earlier frames yet), the packet is
 * longer than a slot, or its interface is no host interface any more. A failed {@code sendto}
 * is counted once per flush; the frames stay in the ring for the next one.
 */
@GraphNode(name = AfPacketTx.NODE, errors = AfPacketTx.Error.class)
public final class AfPacketTx {

    /** The node's name. */
    public static final String NODE = "af-packet-tx";

    enum Error {
        @ErrorCounter(description = "tx ring full", severity = Severity.ERROR)
        RING_FULL,
        @ErrorCounter(description = "packet longer than a tx ring frame", severity = Severity.ERROR)
        TOO_LONG,
        @ErrorCounter(description = "tx interface is not a host interface", severity = Severity.ERROR)
        NOT_A_HOST_INTERFACE,
        @ErrorCounter(description = "sendto failed", severity = Severity.ERROR)
        SEND_FAILED
    }

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] errors = new int[Error.values().length];
        /** Rings written to in this frame, flushed at its end; a frame mostly holds one interface. */
        final TxRing[] written = new TxRing[Frame.CAPACITY];
        int writtenCount;
        AfPacketInterfaces interfaces;
    }

    /** What a traced packet shows under {@code af-packet-tx}. */
    public record Trace(String interfaceName, int length) {
        /** The interface and the frame's length. */
        public String format() {
            return interfaceName + " length " + length;
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.interfaces == null) {
            s.interfaces = AfPacketInterfaces.of(((NodeRuntime) ctx).graph());
        }
        AfPacketPort[] ports = s.interfaces.txPorts();
        int thread = ctx.threadIndex();
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        MemorySegment memory = buffers.memory();
        boolean anyError = false;
        AfPacketPort lastPort = null;
        TxRing ring = null;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int sw = buffers.txSwIfIndex(bi);
            AfPacketPort port = sw >= 0 && sw < ports.length ? ports[sw] : null;
            if (port == null) {
                s.errors[Error.NOT_A_HOST_INTERFACE.ordinal()]++;
                anyError = true;
                continue;
            }
            if (port != lastPort) {
                lastPort = port;
                ring = port.tx()[thread];
                noteWritten(s, ring);
            }
            long length = buffers.lengthInChain(bi);
            if (length > ring.maxFrameLength()) {
                s.errors[Error.TOO_LONG.ordinal()]++;
                anyError = true;
                continue;
            }
            long slot = ring.claim();
            if (slot < 0) {
                // the kernel may be done with older slots once it has sent what this frame queued
                if (ring.flush() < 0) {
                    s.errors[Error.SEND_FAILED.ordinal()]++;
                }
                slot = ring.claim();
                if (slot < 0) {
                    s.errors[Error.RING_FULL.ordinal()]++;
                    anyError = true;
                    continue;
                }
            }
            MemorySegment slots = ring.memory();
            long to = slot;
            int segment = bi;
            while (true) {
                int bytes = buffers.currentLength(segment);
                MemorySegment.copy(memory, buffers.dataOffset(segment), slots, to, bytes);
                to += bytes;
                if ((buffers.flags(segment) & BufferFlags.NEXT_PRESENT) == 0) {
                    break;
                }
                segment = buffers.nextBuffer(segment);
            }
            ring.send(slot, (int) length);
        }
        for (int w = 0; w < s.writtenCount; w++) {
            if (s.written[w].flush() < 0) {
                s.errors[Error.SEND_FAILED.ordinal()]++;
                anyError = true;
            }
            s.written[w] = null;
        }
        s.writtenCount = 0;
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    int sw = buffers.txSwIfIndex(bi);
                    AfPacketPort port = sw >= 0 && sw < ports.length ? ports[sw] : null;
                    ctx.addTrace(bi, new Trace(port != null ? port.iface().name() : "sw_if_index " + sw,
                            (int) buffers.lengthInChain(bi)));
                }
            }
        }
        if (anyError || s.errors[Error.SEND_FAILED.ordinal()] != 0) {
            ctx.addErrors(s.errors, 0);
            Arrays.fill(s.errors, 0);
        }
        ctx.allocator().free(bis, 0, count);
    }

    private static void noteWritten(Scratch s, TxRing ring) {
        for (int w = 0; w < s.writtenCount; w++) {
            if (s.written[w] == ring) {
                return;
            }
        }
        s.written[s.writtenCount++] = ring;
    }
}
