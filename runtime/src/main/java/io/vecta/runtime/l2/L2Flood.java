package io.vecta.runtime.l2;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.MacAddress;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code l2-flood}: sends a frame out of every member of its bridge domain but the one it came
 * in by and those of its split-horizon group. The copies are made with
 * {@link BufferAllocator#clone}: each gets a private head ({@link #CLONE_HEAD_LENGTH} bytes)
 * chained to the shared rest, so a large frame is not copied once per member; a small one is
 * copied whole, which costs less than sharing it. A frame with nowhere to go is dropped, counted as VPP
 * counts it ("L2 replication complete").
 */
@GraphNode(name = L2Flood.NODE, errors = L2Flood.Error.class)
public final class L2Flood {

    /** The node's name. */
    public static final String NODE = "l2-flood";

    enum Error {
        @ErrorCounter(description = "L2 flood packets", severity = Severity.INFO)
        L2FLOOD,
        @ErrorCounter(description = "L2 replication failure", severity = Severity.ERROR)
        REPL_FAIL,
        @ErrorCounter(description = "L2 replication complete", severity = Severity.INFO)
        NO_MEMBERS
    }

    @Next("l2-output")
    static final int NEXT_OUTPUT = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    /**
     * Bytes of each copy that are its own (VPP's {@code VLIB_BUFFER_CLONE_HEAD_SIZE}): enough for
     * every header a node after the bridge may rewrite in place (a BVI's ARP reply, an IPv4 TTL),
     * so no copy writes into the data the others share.
     */
    static final int CLONE_HEAD_LENGTH = 256;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] out = new int[Frame.CAPACITY];
        final int[] drops = new int[Frame.CAPACITY];
        final int[] targets = new int[Frame.CAPACITY];
        final int[] clones = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        BridgeDomains bridges;
    }

    /** What a traced frame shows under {@code l2-flood}. */
    public record Trace(int swIfIndex, long dst, long src, int bdIndex) {
        /** VPP's words: {@code l2-flood: sw_if_index 1 dst .. src .. bd_index 1}. */
        public String format() {
            return "l2-flood: sw_if_index " + swIfIndex + " dst " + MacAddress.format(dst) + " src "
                    + MacAddress.format(src) + " bd_index " + bdIndex;
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.bridges == null) {
            s.bridges = BridgeDomains.of(((NodeRuntime) ctx).graph());
        }
        L2Tables t = s.bridges.tables();
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        BufferAllocator allocator = ctx.allocator();
        MemorySegment m = buffers.memory();
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
        int[] out = s.out;
        int[] drops = s.drops;
        int[] targets = s.targets;
        int[] clones = s.clones;
        int[] errors = s.errors;
        int outCount = 0;
        int dropCount = 0;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int bd = L2Opaque.bdIndex(buffers, bi);
            int shg = L2Opaque.shg(buffers, bi);
            int rx = buffers.rxSwIfIndex(bi);
            int[] members = bd < t.members.length ? t.members[bd] : t.members[0];
            int[] shgs = bd < t.shgs.length ? t.shgs[bd] : t.shgs[0];
            int n = 0;
            for (int j = 0; j < members.length && n < targets.length; j++) {
                if (members[j] != rx && (shg == 0 || shgs[j] != shg)) {
                    targets[n++] = members[j];
                }
            }
            if (n == 0) {
                errors[Error.NO_MEMBERS.ordinal()]++;
                ctx.noteCountedError(bi, Error.NO_MEMBERS.ordinal());
                drops[dropCount++] = bi;
                continue;
            }
            int made;
            if (n == 1) {
                clones[0] = bi;
                made = 1;
            } else {
                made = allocator.clone(bi, clones, 0, n, Math.min(CLONE_HEAD_LENGTH,
                        buffers.dataSize(bi) - buffers.currentData(bi)));
                errors[Error.REPL_FAIL.ordinal()] += n - made;
            }
            for (int c = 0; c < made; c++) {
                buffers.setTxSwIfIndex(clones[c], targets[c]);
                out[outCount++] = clones[c];
                if (outCount == out.length) {
                    ctx.enqueueToSingleNext(out, NEXT_OUTPUT, outCount);
                    outCount = 0;
                }
            }
        }
        if (outCount != 0) {
            ctx.enqueueToSingleNext(out, NEXT_OUTPUT, outCount);
        }
        if (dropCount != 0) {
            ctx.enqueueToSingleNext(drops, NEXT_DROP, dropCount);
        }
        errors[Error.L2FLOOD.ordinal()] = count;
        ctx.addErrors(errors, 0);
        Arrays.fill(errors, 0);
    }
}
