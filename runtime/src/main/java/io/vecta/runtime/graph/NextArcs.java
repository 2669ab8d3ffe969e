package io.vecta.runtime.graph;

import java.util.Arrays;

/**
 * The next arcs of a node, or of a group of siblings that share them: next index {@code i}
 * leads to node {@code target(i)}. Arcs are only ever added, so a next index stays valid for
 * the life of the graph (VPP's {@code next_nodes} vector).
 *
 * <p>Arcs are added on the main thread; dispatch threads read {@link #target} and
 * {@link #count}. Adding while workers run needs the barrier that stops them (VPP's
 * worker barrier), which comes with worker threads.
 */
public final class NextArcs {

    private int[] targets = new int[4];
    private int count;

    /** How many next indices exist. */
    public int count() {
        return count;
    }

    /**
     * The node index next index {@code next} leads to.
     *
     * @throws IndexOutOfBoundsException if {@code next} is not a next index of the node
     */
    public int target(int next) {
        if (next < 0 || next >= count) {
            throw new IndexOutOfBoundsException("next index " + next + " is not one of the node's " + count
                    + " next indices");
        }
        return targets[next];
    }

    /** The next index that leads to {@code node}, or -1. */
    public int indexOf(int node) {
        for (int i = 0; i < count; i++) {
            if (targets[i] == node) {
                return i;
            }
        }
        return -1;
    }

    int add(int node) {
        if (count == targets.length) {
            targets = Arrays.copyOf(targets, count * 2);
        }
        targets[count] = node;
        return count++;
    }
}
