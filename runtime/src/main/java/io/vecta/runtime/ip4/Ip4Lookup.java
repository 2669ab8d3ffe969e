package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.fib.DpoKind;
import io.vecta.runtime.fib.Ip4Fib;
import io.vecta.runtime.fib.Ip4FlowHash;
import io.vecta.runtime.fib.LoadBalances;
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
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.IpProtocol;
import java.util.Arrays;

/**
 * {@code ip4-lookup}: finds each packet's destination in the FIB of its rx interface and sends
 * it where the chosen load-balance bucket points, with the bucket's object index (the adjacency)
 * in {@link Ip4BufferFields#ADJ_INDEX_WORD} for the next node.
 *
 * <pre>
 *   dst ──▶ mtrie (vector of the frame) ──▶ load-balance ──▶ bucket [flow hash &amp; mask]
 *   bucket kind:  drop → error-drop   receive → ip4-local   arp → ip4-arp
 *                 glean → ip4-glean   rewrite → ip4-rewrite
 * </pre>
 *
 * The next indices are VPP's ip4-lookup nexts (0 drop, 1 punt, 2 local, 3 arp, 4 glean,
 * 5 rewrite: {@link DpoKind#lookupNext}), so {@code show ip fib}'s {@code [@n]} reads the same.
 * The frame's destinations go through the mtrie together ({@code Ip4FibTable.lookup} over an
 * array), one pass per level, when every packet of the frame is in one table, as is usual; the
 * flow hash is computed only for load-balances of more than one bucket.
 */
@GraphNode(name = Ip4Lookup.NODE, errors = Ip4Lookup.Error.class)
public final class Ip4Lookup {

    /** The node's name. */
    public static final String NODE = "ip4-lookup";

    enum Error {
        @ErrorCounter(description = "ip4 destination lookup miss", severity = Severity.ERROR)
        DST_LOOKUP_MISS
    }

    @Next("error-drop")
    static final int NEXT_DROP = 0;
    @Next("error-punt")
    static final int NEXT_PUNT = 1;
    @Next(Ip4Local.NODE)
    static final int NEXT_LOCAL = 2;
    @Next(Ip4Arp.NODE)
    static final int NEXT_ARP = 3;
    @Next(Ip4Glean.NODE)
    static final int NEXT_GLEAN = 4;
    @Next(Ip4Rewrite.NODE)
    static final int NEXT_REWRITE = 5;

    /** ip4-lookup's next for each bucket kind, by the kind's code. */
    private static final int[] NEXT_BY_KIND = nextByKind();

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] addresses = new int[Frame.CAPACITY];
        final int[] loadBalances = new int[Frame.CAPACITY];
        final int[] fibIndices = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        Ip4Fib fib;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        Ip4Fib fib = s.fib;
        if (fib == null) {
            fib = Ip4Forwarding.of(((NodeRuntime) ctx).graph()).fib();
            s.fib = fib;
        }
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] addresses = s.addresses;
        int[] lbs = s.loadBalances;
        int[] fibIndices = s.fibIndices;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        long base = buffers.baseAddress();
        boolean oneTable = true;
        int firstFib = count > 0 ? fib.fibIndexOf(buffers.rxSwIfIndex(bis[0])) : 0;
        for (int i = 0; i < count; i++) {
            long b = UncheckedBuffers.address(base, bis[i]);
            addresses[i] = UncheckedBuffers.getU32(UncheckedBuffers.currentAddress(b) + Ip4.DST_OFFSET);
            int fibIndex = fib.fibIndexOf(UncheckedBuffers.rxSwIfIndex(b));
            fibIndices[i] = fibIndex;
            oneTable &= fibIndex == firstFib;
        }
        if (oneTable) {
            fib.tableAt(firstFib).lookup(addresses, lbs, count);
        } else {
            for (int i = 0; i < count; i++) {
                lbs[i] = fib.lookup(fibIndices[i], addresses[i]);
            }
        }
        LoadBalances pool = fib.loadBalances();
        int drops = 0;
        int firstNext = -1;
        boolean oneNext = true;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            long b = UncheckedBuffers.address(base, bi);
            int lb = lbs[i];
            int hash = 0;
            int bucket = pool.singleBucket(lb);
            if (bucket == LoadBalances.MULTIPLE) {
                hash = flowHash(UncheckedBuffers.currentAddress(b), pool.hashConfig(lb));
                bucket = pool.bucket(lb, hash);
            }
            UncheckedBuffers.setOpaque(b, Ip4BufferFields.ADJ_INDEX_WORD, DpoKind.index(bucket));
            UncheckedBuffers.setOpaque(b, Ip4BufferFields.FLOW_HASH_WORD, hash);
            int next = NEXT_BY_KIND[DpoKind.code(bucket)];
            if (next == NEXT_DROP) {
                drops++;
                ctx.noteCountedError(bi, Error.DST_LOOKUP_MISS.ordinal());
            }
            if (firstNext < 0) {
                firstNext = next;
            }
            oneNext &= next == firstNext;
            nexts[i] = next;
        }
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    String line = "fib " + fibIndices[i] + " dpo-idx " + Ip4BufferFields.adjIndex(buffers, bi)
                            + " flow hash: " + String.format("0x%08x", Ip4BufferFields.flowHash(buffers, bi));
                    ctx.addTrace(bi, Ip4HeaderTrace.of(line, buffers, bi));
                }
            }
        }
        if (drops > 0) {
            int[] errors = s.errors;
            errors[Error.DST_LOOKUP_MISS.ordinal()] = drops;
            ctx.addErrors(errors, 0);
            Arrays.fill(errors, 0);
        }
        if (oneNext && count > 0) {
            ctx.enqueueToSingleNext(bis, firstNext, count);
        } else {
            ctx.enqueueToNext(bis, nexts, count);
        }
    }

    /** The flow hash of the IPv4 packet at {@code ip}: addresses, protocol and, unfragmented, the ports. */
    private static int flowHash(long ip, int config) {
        int word2 = UncheckedBuffers.getU32(ip + 8);
        int protocol = (word2 >>> 16) & 0xff;
        int ports = 0;
        boolean fragment = (UncheckedBuffers.getU32(ip + 4) & (Ip4.FLAG_MORE_FRAGMENTS | Ip4.FRAGMENT_OFFSET_MASK)) != 0;
        if ((protocol == IpProtocol.TCP || protocol == IpProtocol.UDP) && !fragment) {
            ports = UncheckedBuffers.getU32(ip + ((UncheckedBuffers.getU8(ip) & 0xf) << 2));
        }
        return Ip4FlowHash.hash(config, UncheckedBuffers.getU32(ip + Ip4.SRC_OFFSET),
                UncheckedBuffers.getU32(ip + Ip4.DST_OFFSET), protocol, ports >>> 16, ports & 0xffff);
    }

    private static int[] nextByKind() {
        int[] next = new int[DpoKind.values().length];
        for (DpoKind kind : DpoKind.values()) {
            next[kind.ordinal()] = kind.lookupNext();
        }
        return next;
    }
}
