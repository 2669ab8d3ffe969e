package io.vecta.runtime.dispatch;

import java.util.List;
import java.util.Objects;

/**
 * Which packet traces a thread keeps ({@code trace filter}, as VPP's): those that passed a node
 * ({@link Mode#INCLUDE}) or those that did not ({@link Mode#EXCLUDE}), at most {@code count} of
 * them; {@link #NONE} keeps every trace.
 *
 * @param mode  include, exclude or none
 * @param node  the node a trace is checked for; empty for {@link Mode#NONE}
 * @param count how many accepted traces are kept, the first ones
 */
public record TraceFilter(Mode mode, String node, int count) {

    /** Keeps every trace. */
    public static final TraceFilter NONE = new TraceFilter(Mode.NONE, "", 0);

    /** What the filter does with a trace that passed its node. */
    public enum Mode {
        /** Every trace is kept. */
        NONE,
        /** Only traces that passed the node are kept. */
        INCLUDE,
        /** Traces that passed the node are dropped. */
        EXCLUDE
    }

    /** Checks the fields. */
    public TraceFilter {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(node, "node");
        if (count < 0) {
            throw new IllegalArgumentException("trace filter: count " + count + " is negative");
        }
    }

    /** Whether the trace made of {@code records} passes the filter (the count aside). */
    public boolean accepts(List<TraceRecord> records) {
        if (mode == Mode.NONE) {
            return true;
        }
        boolean passed = records.stream().anyMatch(r -> r.node().equals(node));
        return mode == Mode.INCLUDE ? passed : !passed;
    }
}
