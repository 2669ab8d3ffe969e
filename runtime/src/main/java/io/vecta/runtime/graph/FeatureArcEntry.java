package io.vecta.runtime.graph;

import io.vecta.sdk.buffer.Buffers;

/**
 * Where a start node hands its packets to a feature arc (VPP's {@code vnet_feature_arc_start}
 * over a frame). The node works out its next indices as if the arc were not there, sending the
 * packets that enter the arc to the arc's last node; then, only when {@link #active} says some
 * interface has a feature of the arc, it calls {@link #enter} to turn those next indices into
 * the first feature enabled on each packet's interface.
 *
 * <pre>
 *   ip4-input: nexts = [lookup, drop, lookup, lookup]      rx = [pg0, pg0, pg1, pg0]
 *   enter(.., straight = lookup), features on pg1 only:
 *              nexts = [lookup, drop, feature-a, lookup]   a mixed frame splits per packet
 * </pre>
 *
 * One per start node and thread, made on the node's first frame.
 */
public final class FeatureArcEntry {

    private final FeatureArcs arcs;
    private final int arc;
    private final int startNode;

    private FeatureArcEntry(FeatureArcs arcs, int arc, int startNode) {
        this.arcs = arcs;
        this.arc = arc;
        this.startNode = startNode;
    }

    /**
     * The entry of node {@code startNode} into arc {@code arcName}.
     *
     * @throws GraphException {@code [VectaUnknownArc]} if no plugin declares the arc
     */
    public static FeatureArcEntry of(Graph graph, String arcName, int startNode) {
        FeatureArcs arcs = graph.featureArcs();
        return new FeatureArcEntry(arcs, arcs.arcIndex(arcName), startNode);
    }

    /** Whether any interface has a feature of the arc: the start node's one check per frame. */
    public boolean active() {
        return arcs.anyEnabled(arc);
    }

    /**
     * Sends into the arc each of the first {@code count} buffers whose next is
     * {@code straightNext} (the start node's next to the arc's last node): its next becomes the
     * first feature of its interface, or stays the last node when that interface has none.
     */
    public void enter(Buffers buffers, int[] bis, int[] nexts, int count, int straightNext) {
        for (int i = 0; i < count; i++) {
            if (nexts[i] == straightNext) {
                nexts[i] = arcs.start(arc, startNode, buffers, bis[i]);
            }
        }
    }
}
