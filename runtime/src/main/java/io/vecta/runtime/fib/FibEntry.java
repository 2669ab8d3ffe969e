package io.vecta.runtime.fib;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One prefix of a table (VPP's {@code fib_entry_t}): the paths each source gave it, and the
 * load-balance that forwards by the best source's paths. Main thread only.
 */
final class FibEntry {

    final Ip4Prefix prefix;
    final int index;
    final Map<FibSource, List<FibPath>> sources = new EnumMap<>(FibSource.class);
    /** The load-balance the mtrie maps the prefix to; stable for the entry's life. */
    int loadBalance = -1;
    /** The adjacencies the load-balance's buckets hold, one lock each. */
    int[] heldAdjacencies = new int[0];
    /** Names the current set of paths in {@code show ip fib}, as VPP's path-list index. */
    int pathList;
    /** The index of the first of the current paths in {@code show ip fib}. */
    int firstPath;

    FibEntry(Ip4Prefix prefix, int index) {
        this.prefix = prefix;
        this.index = index;
    }

    /** The source whose paths forward: the first present in {@link FibSource}'s order. */
    FibSource best() {
        return sources.keySet().iterator().next();
    }
}
