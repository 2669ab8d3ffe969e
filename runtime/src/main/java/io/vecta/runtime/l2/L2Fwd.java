package io.vecta.runtime.l2;

import io.vecta.runtime.dispatch.NodeRuntime;
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
 * {@code l2-fwd}: looks each frame's destination up in its bridge domain's L2 FIB.
 *
 * <pre>
 *   known unicast, another interface   → l2-output, tx = the entry's interface   "L2 forward hits"
 *   known unicast, the rx interface    → error-drop                              "Reflection Drop"
 *   unknown unicast                    → l2-flood if the bridge floods unknown unicast,
 *                                        else error-drop                         "L2 forward misses" counts both
 *   broadcast / multicast              → l2-flood if the bridge floods, else error-drop
 *   bridge not forwarding              → l2-flood, as a miss
 * </pre>
 * VPP sends group frames from {@code l2-input} straight to {@code l2-flood}; here they pass
 * through this node so that the chain is one line. The error names are VPP's, but for the two
 * drops of a bridge with flooding off, which VPP leaves to its feature bitmap.
 */
@GraphNode(name = L2Fwd.NODE, errors = L2Fwd.Error.class)
public final class L2Fwd {

    /** The node's name. */
    public static final String NODE = "l2-fwd";

    enum Error {
        @ErrorCounter(description = "L2 forward packets", severity = Severity.INFO)
        L2FWD,
        @ErrorCounter(description = "L2 forward misses", severity = Severity.INFO)
        FLOOD,
        @ErrorCounter(description = "L2 forward hits", severity = Severity.INFO)
        HIT,
        @ErrorCounter(description = "Reflection Drop", severity = Severity.ERROR)
        REFLECT_DROP,
        @ErrorCounter(description = "L2 unknown unicast flooding off", severity = Severity.ERROR)
        UU_FLOOD_OFF,
        @ErrorCounter(description = "L2 flooding off", severity = Severity.ERROR)
        FLOOD_OFF
    }

    @Next("l2-output")
    static final int NEXT_OUTPUT = 0;
    @Next("l2-flood")
    static final int NEXT_FLOOD = 1;
    @Next("error-drop")
    static final int NEXT_DROP = 2;

    /** Bit 40 of a MAC address in a long: the I/G bit, set for group addresses. */
    private static final long GROUP_BIT = 0x0100_0000_0000L;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final long[] results = new long[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        BridgeDomains bridges;
    }

    /** What a traced frame shows under {@code l2-fwd}: the lookup's raw result and its interface. */
    public record Trace(int swIfIndex, long dst, long src, int bdIndex, long result) {
        /** VPP's words: {@code l2-fwd: sw_if_index 1 dst .. src .. bd_index 1 result [0x..., 2]}. */
        public String format() {
            return "l2-fwd: sw_if_index " + swIfIndex + " dst " + MacAddress.format(dst) + " src "
                    + MacAddress.format(src) + " bd_index " + bdIndex + " result [0x" + Long.toHexString(result)
                    + ", " + L2Fib.swIfIndex(result) + "]";
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.bridges == null) {
            s.bridges = BridgeDomains.of(((NodeRuntime) ctx).graph());
        }
        L2Fib fib = s.bridges.fib();
        int[] flags = s.bridges.tables().flags;
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        long[] results = s.results;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long base = buffers.baseAddress();
        int hits = 0;
        // frames mostly hold runs to one destination: the last key looked up and its result
        long cachedKey = -1;
        long cachedResult = L2Fib.MISS;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int bd = L2Opaque.bdIndex(UncheckedBuffers.opaque(b, L2Opaque.OPAQUE_WORD));
            int bdFlags = bd < flags.length ? flags[bd] : 0;
            long dst = UncheckedBuffers.getU64(UncheckedBuffers.currentAddress(b)) >>> 16;
            long result = L2Fib.MISS;
            int next;
            if ((dst & GROUP_BIT) != 0) {
                next = (bdFlags & L2Tables.FLOOD) != 0 ? NEXT_FLOOD : drop(ctx, bi, Error.FLOOD_OFF);
            } else {
                if ((bdFlags & L2Tables.FORWARD) != 0) {
                    long key = L2Fib.key(bd, dst);
                    if (key != cachedKey) {
                        cachedResult = fib.lookup(key);
                        cachedKey = key;
                    }
                    result = cachedResult;
                }
                if (result != L2Fib.MISS) {
                    int tx = L2Fib.swIfIndex(result);
                    if (tx == UncheckedBuffers.rxSwIfIndex(b)) {
                        next = drop(ctx, bi, Error.REFLECT_DROP);
                    } else {
                        UncheckedBuffers.setTxSwIfIndex(b, tx);
                        next = NEXT_OUTPUT;
                        hits++;
                    }
                } else {
                    errors[Error.FLOOD.ordinal()]++;
                    next = (bdFlags & L2Tables.UU_FLOOD) != 0 ? NEXT_FLOOD : drop(ctx, bi, Error.UU_FLOOD_OFF);
                }
            }
            results[i] = result;
            nexts[i] = next;
        }
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    long at = buffers.dataOffset(bi);
                    ctx.addTrace(bi, new Trace(buffers.rxSwIfIndex(bi), Ethernet.dst(m, at), Ethernet.src(m, at),
                            L2Opaque.bdIndex(buffers, bi), results[i]));
                }
            }
        }
        errors[Error.L2FWD.ordinal()] = count;
        errors[Error.HIT.ordinal()] = hits;
        ctx.addErrors(errors, 0);
        Arrays.fill(errors, 0);
        if (hits == count) {
            ctx.enqueueToSingleNext(bis, NEXT_OUTPUT, count);
        } else {
            ctx.enqueueToNext(bis, nexts, count);
        }
    }

    private int drop(NodeContext ctx, int bi, Error error) {
        scratch.errors[error.ordinal()]++;
        ctx.noteCountedError(bi, error.ordinal());
        return NEXT_DROP;
    }
}
