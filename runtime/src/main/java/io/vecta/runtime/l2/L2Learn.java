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
 * {@code l2-learn}: learns each frame's source address on its rx interface in its bridge domain's
 * L2 FIB. A new address is added (a miss), a known one refreshed (a hit, its age restarted), one
 * seen behind another interface moved there (a move). A static entry is never moved: a frame
 * whose source is another interface's static address is dropped as a MAC conflict, so that a
 * host cannot take a pinned address. When the table is full the address is not learnt and the
 * frame goes on. The error names are VPP's.
 */
@GraphNode(name = L2Learn.NODE, errors = L2Learn.Error.class)
public final class L2Learn {

    /** The node's name. */
    public static final String NODE = "l2-learn";

    enum Error {
        @ErrorCounter(description = "L2 learn packets", severity = Severity.INFO)
        L2LEARN,
        @ErrorCounter(description = "L2 learn misses", severity = Severity.INFO)
        MISS,
        @ErrorCounter(description = "L2 mac moves", severity = Severity.INFO)
        MAC_MOVE,
        @ErrorCounter(description = "L2 mac conflicts", severity = Severity.ERROR)
        MAC_CONFLICT,
        @ErrorCounter(description = "L2 not learned due to limit", severity = Severity.WARNING)
        LIMIT,
        @ErrorCounter(description = "L2 learn hits", severity = Severity.INFO)
        HIT
    }

    @Next("l2-fwd")
    static final int NEXT_FWD = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        BridgeDomains bridges;
    }

    /** What a traced frame shows under {@code l2-learn}. */
    public record Trace(int swIfIndex, long dst, long src, int bdIndex) {
        /** VPP's words: {@code l2-learn: sw_if_index 1 dst .. src .. bd_index 1}. */
        public String format() {
            return "l2-learn: sw_if_index " + swIfIndex + " dst " + MacAddress.format(dst) + " src "
                    + MacAddress.format(src) + " bd_index " + bdIndex;
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.bridges == null) {
            s.bridges = BridgeDomains.of(((NodeRuntime) ctx).graph());
        }
        L2Fib fib = s.bridges.fib();
        long now = s.bridges.nowSeconds();
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long base = buffers.baseAddress();
        boolean dropped = false;
        // frames mostly hold runs from one source: the last key's result, as the FIB now has it
        long cachedKey = -1;
        long cachedResult = L2Fib.MISS;
        int cachedRx = -1;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int rx = UncheckedBuffers.rxSwIfIndex(b);
            long src = UncheckedBuffers.getU64(UncheckedBuffers.currentAddress(b) + Ethernet.SRC_OFFSET) >>> 16;
            long key = L2Fib.key(L2Opaque.bdIndex(UncheckedBuffers.opaque(b, L2Opaque.OPAQUE_WORD)), src);
            if (key == cachedKey && rx == cachedRx && cachedResult != L2Fib.MISS
                    && L2Fib.swIfIndex(cachedResult) == rx) {
                // the same source on the same port as the packet before: a hit, already refreshed
                errors[Error.HIT.ordinal()]++;
                nexts[i] = NEXT_FWD;
                continue;
            }
            long found = fib.lookup(key);
            long current = found;
            int next = NEXT_FWD;
            if (found == L2Fib.MISS) {
                long learnt = L2Fib.result(rx, false, now);
                if (fib.put(key, learnt)) {
                    errors[Error.MISS.ordinal()]++;
                    current = learnt;
                } else {
                    errors[Error.LIMIT.ordinal()]++;
                }
            } else if (L2Fib.swIfIndex(found) == rx) {
                errors[Error.HIT.ordinal()]++;
                if (!L2Fib.isStatic(found) && L2Fib.seenSeconds(found) != now) {
                    current = L2Fib.result(rx, false, now);
                    fib.put(key, current);
                }
            } else if (L2Fib.isStatic(found)) {
                errors[Error.MAC_CONFLICT.ordinal()]++;
                ctx.noteCountedError(bi, Error.MAC_CONFLICT.ordinal());
                next = NEXT_DROP;
                dropped = true;
            } else {
                errors[Error.MAC_MOVE.ordinal()]++;
                current = L2Fib.result(rx, false, now);
                fib.put(key, current);
            }
            cachedKey = key;
            cachedRx = rx;
            cachedResult = current;
            nexts[i] = next;
        }
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    long at = buffers.dataOffset(bi);
                    ctx.addTrace(bi, new Trace(buffers.rxSwIfIndex(bi), Ethernet.dst(m, at), Ethernet.src(m, at),
                            L2Opaque.bdIndex(buffers, bi)));
                }
            }
        }
        errors[Error.L2LEARN.ordinal()] = count;
        ctx.addErrors(errors, 0);
        Arrays.fill(errors, 0);
        if (dropped) {
            ctx.enqueueToNext(bis, nexts, count);
        } else {
            ctx.enqueueToSingleNext(bis, NEXT_FWD, count);
        }
    }
}
