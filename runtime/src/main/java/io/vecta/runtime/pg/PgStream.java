package io.vecta.runtime.pg;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.Frame;
import java.lang.foreign.MemorySegment;

/**
 * A stream of the packet generator (VPP's {@code pg_stream_t}): its templates, the next
 * index of {@code pg-input} that leads to its node, and what it has sent since it was last
 * enabled.
 *
 * <p>The main thread's {@code pg-input} alone generates packets and writes the counters; the
 * CLI reads them from any thread and sees each whole, at worst a frame late. Enabling resets
 * the count, so a stream with a limit sends its limit again each time it is enabled, as in VPP.
 */
public final class PgStream {

    private final StreamSpec spec;
    private final PacketTemplates templates;
    private final int next;
    private final int rxSwIfIndex;
    private final int txSwIfIndex;
    private final int longest;
    private final PgTrace.Start traceStart;

    private volatile boolean enabled;
    private volatile long sent;
    private volatile long allocationFailures;
    private long enabledAtNanos;
    /** Per field edit, the step of the next packet into an incrementing range: packets sent modulo its span. */
    private final long[] editSteps;
    private int sizeCursor;
    private long randomState;

    PgStream(StreamSpec spec, PacketTemplates templates, int next, int rxSwIfIndex, int txSwIfIndex) {
        this.spec = spec;
        this.templates = templates;
        this.next = next;
        this.rxSwIfIndex = rxSwIfIndex;
        this.txSwIfIndex = txSwIfIndex;
        int max = 0;
        for (byte[] frame : templates.frames()) {
            max = Math.max(max, frame.length);
        }
        this.longest = max;
        this.editSteps = new long[templates.edits().length];
        this.traceStart = spec.pcap().isPresent() ? PgTrace.Start.ETHERNET : switch (spec.headers().isEmpty() ? null
                : spec.headers().getFirst()) {
            case StreamSpec.EthernetHeader e -> PgTrace.Start.ETHERNET;
            case StreamSpec.Ip4Header ip -> PgTrace.Start.IP4;
            case StreamSpec.Ip6Header ip -> PgTrace.Start.IP6;
            case null, default -> PgTrace.Start.RAW;
        };
        this.randomState = spec.name().hashCode() * 0x9e37_79b9_7f4a_7c15L | 1;
    }

    /** The stream's name. */
    public String name() {
        return spec.name();
    }

    /** The stream as it was written. */
    public StreamSpec spec() {
        return spec;
    }

    /** Whether {@code pg-input} is sending its packets. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Packets sent since the stream was last enabled. */
    public long sent() {
        return sent;
    }

    /** Packets the stream could not send because the buffer pool was empty. */
    public long allocationFailures() {
        return allocationFailures;
    }

    /** The next index of {@code pg-input} that leads to the stream's node. */
    public int next() {
        return next;
    }

    /** The interface its packets arrive on; {@code local0} (0) for a stream that names none. */
    public int rxSwIfIndex() {
        return rxSwIfIndex;
    }

    PacketTemplates templates() {
        return templates;
    }

    /** The header its packets start with, for the trace to decode them. */
    PgTrace.Start traceStart() {
        return traceStart;
    }

    /** The longest frame the stream sends. */
    int longest() {
        return longest;
    }

    void enable(long nowNanos) {
        sent = 0;
        enabledAtNanos = nowNanos;
        enabled = true;
    }

    void disable() {
        enabled = false;
    }

    /**
     * How many packets the stream may send now: a frame at most, no more than its limit leaves,
     * and with a rate no more than have fallen due since it was enabled (the first at once).
     */
    int due(long nowNanos) {
        long n = Frame.CAPACITY;
        long limit = spec.limit();
        long done = sent;
        if (limit != 0) {
            n = Math.min(n, limit - done);
        }
        if (spec.rate() > 0) {
            long dueByNow = (long) ((nowNanos - enabledAtNanos) * 1e-9 * spec.rate()) + 1;
            n = Math.min(n, dueByNow - done);
        }
        return (int) Math.max(0, n);
    }

    /** Counts {@code n} packets the stream could not send for want of buffers. */
    void countAllocationFailures(int n) {
        allocationFailures += n;
    }

    /**
     * Writes the stream's next {@code count} packets into the buffers {@code bis[0 .. count)},
     * received on its interface and, if it names one, bound for its tx interface. An
     * incrementing field steps one value per packet and wraps at the end of its range, carried
     * from frame to frame in {@code editSteps} rather than divided out of a packet count for
     * every field of every packet.
     *
     * @return the bytes written, for the interface's rx counter
     */
    long write(Buffers buffers, int[] bis, int got) {
        MemorySegment memory = buffers.memory();
        long baseAddress = buffers.baseAddress();
        byte[][] frames = templates.frames();
        FieldEdit[] edits = templates.edits();
        long[] steps = editSteps;
        int cursor = sizeCursor;
        int rx = rxSwIfIndex;
        int tx = txSwIfIndex;
        long bytes = 0;
        for (int i = 0; i < got; i++) {
            int bi = bis[i];
            byte[] frame = frames[cursor];
            if (++cursor == frames.length) {
                cursor = 0;
            }
            // a buffer from the allocator: current_data 0 and a data area larger than any template
            long b = UncheckedBuffers.address(baseAddress, bi);
            UncheckedBuffers.copyIn(frame, 0, UncheckedBuffers.currentAddress(b), frame.length);
            UncheckedBuffers.setCurrentLength(b, frame.length);
            UncheckedBuffers.setRxSwIfIndex(b, rx);
            UncheckedBuffers.setTxSwIfIndex(b, tx);
            bytes += frame.length;
            if (edits.length != 0) {
                long base = buffers.dataOffset(bi);
                for (int e = 0; e < edits.length; e++) {
                    FieldEdit edit = edits[e];
                    long step;
                    if (edit.random) {
                        step = edit.randomStep(nextRandom());
                    } else {
                        step = steps[e];
                        steps[e] = step + 1 == edit.span ? 0 : step + 1;
                    }
                    edit.apply(memory, base, edit.lo + step);
                }
            }
        }
        sizeCursor = cursor;
        return bytes;
    }

    /** Counts {@code n} packets as sent and disables the stream when they reach its limit. */
    void sent(int n) {
        long total = sent + n;
        sent = total;
        if (spec.limit() != 0 && total >= spec.limit()) {
            enabled = false;
        }
    }

    /** xorshift64*: cheap, allocation-free, and the same sequence for the same stream name. */
    private long nextRandom() {
        long x = randomState;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        randomState = x;
        return x * 0x2545_f491_4f6c_dd1dL;
    }
}
