package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code ip4-neighbor-sync}: on the main thread, between frames, gives the FIB the neighbours
 * that {@code arp-input} learnt on any thread ({@link Ip4Forwarding}), so that adjacencies waiting
 * for ARP start to rewrite. It waits for interrupts: the first neighbour queued wakes it for one
 * turn, and a loop with nothing learnt never calls it.
 */
@GraphNode(name = Ip4NeighborSync.NODE, type = NodeType.INPUT, errors = Ip4NeighborSync.Error.class)
public final class Ip4NeighborSync {

    /** The node's name. */
    public static final String NODE = "ip4-neighbor-sync";

    enum Error {
        @ErrorCounter(description = "neighbours given to the FIB", severity = Severity.INFO)
        APPLIED
    }

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] errors = new int[Error.values().length];
        Ip4Forwarding forwarding;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        if (ctx.threadIndex() != 0) {
            return;
        }
        Scratch s = scratch;
        if (s.forwarding == null) {
            s.forwarding = Ip4Forwarding.of(((NodeRuntime) ctx).graph());
        }
        if (s.forwarding.anyLearnt()) {
            s.errors[Error.APPLIED.ordinal()] = s.forwarding.applyLearnt();
            ctx.addErrors(s.errors, 0);
        }
    }
}
