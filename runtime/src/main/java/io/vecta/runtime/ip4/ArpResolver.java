package io.vecta.runtime.ip4;

import io.vecta.runtime.arp.ArpRequests;
import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.fib.Adjacencies;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.Arrays;

/**
 * The work {@code ip4-arp} and {@code ip4-glean} share, one instance per node and thread: for
 * each packet, an ARP request for its target (the adjacency's next hop, or for a glean the
 * packet's own destination) out of the adjacency's interface, in a new buffer, unless one for
 * the same target went out less than {@link #THROTTLE_NANOS} ago; the packet itself is dropped,
 * as VPP drops it, counted under what became of its request.
 *
 * <p>The throttle is VPP's: a small table indexed by a hash of the target that remembers when a
 * request last left for it, so a burst towards one unresolved neighbour sends one request, and
 * a collision at worst sends an extra one. Requests go to {@code interface-output}.
 */
final class ArpResolver {

    /** How long a target's request holds back the next one for it. */
    static final long THROTTLE_NANOS = 1_000_000;
    private static final int THROTTLE_SLOTS = 1 << 10;

    private final boolean glean;
    private final int nextDrop;
    private final int nextOutput;
    private final int[] requests = new int[Frame.CAPACITY];
    private final int[] errors = new int[Ip4ArpError.values().length];
    private final int[] throttleTarget = new int[THROTTLE_SLOTS];
    private final long[] throttleSent = new long[THROTTLE_SLOTS];
    private Adjacencies adjacencies;
    private InterfaceTable interfaces;
    private Ip4InterfaceAddresses addresses;

    ArpResolver(boolean glean, int nextDrop, int nextOutput) {
        this.glean = glean;
        this.nextDrop = nextDrop;
        this.nextOutput = nextOutput;
        Arrays.fill(throttleSent, Long.MIN_VALUE / 2);
    }

    void process(NodeContext ctx, Frame frame) {
        if (adjacencies == null) {
            Graph graph = ((NodeRuntime) ctx).graph();
            adjacencies = Ip4Forwarding.of(graph).fib().adjacencies();
            interfaces = InterfaceTable.of(graph);
            addresses = Ip4InterfaceAddresses.of(graph);
        }
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        long now = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int adj = Ip4BufferFields.adjIndex(buffers, bi);
            Ip4ArpError outcome = request(ctx, buffers, bi, adj, now, sent);
            if (outcome == Ip4ArpError.REQUEST_SENT) {
                sent++;
            }
            errors[outcome.ordinal()]++;
            ctx.noteCountedError(bi, outcome.ordinal());
        }
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    ctx.addTrace(bi, Ip4HeaderTrace.of(adjacencies.format(Ip4BufferFields.adjIndex(buffers, bi)),
                            buffers, bi));
                }
            }
        }
        ctx.addErrors(errors, 0);
        Arrays.fill(errors, 0);
        if (sent > 0) {
            ctx.enqueueToSingleNext(requests, nextOutput, sent);
        }
        ctx.enqueueToSingleNext(bis, nextDrop, count);
    }

    private Ip4ArpError request(NodeContext ctx, Buffers buffers, int bi, int adj, long now, int slotInFrame) {
        if (!glean && adjacencies.isComplete(adj)) {
            return Ip4ArpError.RESOLVED;
        }
        int target = glean ? Ip4.dst(buffers.memory(), buffers.dataOffset(bi)) : adjacencies.address(adj);
        int sw = adjacencies.swIfIndex(adj);
        int slot = (target * 0x9e3779b1 ^ sw) >>> 22;
        if (throttleTarget[slot] == target && now - throttleSent[slot] < THROTTLE_NANOS) {
            return Ip4ArpError.THROTTLED;
        }
        Ip4Prefix source = addresses.matching(sw, target);
        if (source == null) {
            return Ip4ArpError.NO_SOURCE_ADDRESS;
        }
        if (ctx.allocator().alloc(requests, slotInFrame, 1) != 1) {
            return Ip4ArpError.NO_BUFFERS;
        }
        ArpRequests.write(buffers, requests[slotInFrame], interfaces.get(sw), source.address(), target);
        throttleTarget[slot] = target;
        throttleSent[slot] = now;
        return Ip4ArpError.REQUEST_SENT;
    }
}
