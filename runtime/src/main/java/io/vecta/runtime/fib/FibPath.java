package io.vecta.runtime.fib;

/**
 * One way out for a prefix: through a neighbour on an interface, onto a connected interface
 * (ARP for the destination itself), to this host, or nowhere. A route with several paths
 * spreads its flows over them in proportion to their weights.
 *
 * @param kind      what the path is
 * @param nextHop   the neighbour's address (host order), or the local address for
 *                  {@link Kind#RECEIVE}; 0 otherwise
 * @param swIfIndex the interface, or -1 for {@link Kind#DROP}
 * @param weight    the path's share among the route's paths, 1 or more
 */
public record FibPath(Kind kind, int nextHop, int swIfIndex, int weight) {

    /** The largest weight a path can have (VPP's paths take a u8 weight). */
    public static final int MAX_WEIGHT = 255;

    /** What a path leads to. */
    public enum Kind {
        /** A neighbour on an interface ({@code via 10.0.1.2 pg1}): rewrite, or ARP while its MAC is unknown. */
        ATTACHED_NEXT_HOP("attached-nexthop"),
        /** An interface with no next hop (a connected subnet): glean. */
        ATTACHED("attached"),
        /** This host. */
        RECEIVE("receive"),
        /** Drop. */
        DROP("drop");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name {@code show ip fib} prints. */
        public String label() {
            return label;
        }
    }

    public FibPath {
        if (kind == null) {
            throw new IllegalArgumentException("fib path: no kind");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("fib path: weight " + weight + " (1 to " + MAX_WEIGHT + ")");
        }
        if (kind != Kind.DROP && swIfIndex < 0) {
            throw new IllegalArgumentException("fib path " + kind.label() + ": sw_if_index " + swIfIndex);
        }
    }

    /** Via neighbour {@code nextHop} on interface {@code swIfIndex}, weight 1. */
    public static FibPath via(int nextHop, int swIfIndex) {
        return new FibPath(Kind.ATTACHED_NEXT_HOP, nextHop, swIfIndex, 1);
    }

    /** Via neighbour {@code nextHop} on interface {@code swIfIndex}, with a weight. */
    public static FibPath via(int nextHop, int swIfIndex, int weight) {
        return new FibPath(Kind.ATTACHED_NEXT_HOP, nextHop, swIfIndex, weight);
    }

    /** Out of interface {@code swIfIndex} to the destination itself. */
    public static FibPath attached(int swIfIndex) {
        return new FibPath(Kind.ATTACHED, 0, swIfIndex, 1);
    }

    /** To this host, for its address {@code localAddress} on interface {@code swIfIndex}. */
    public static FibPath receive(int localAddress, int swIfIndex) {
        return new FibPath(Kind.RECEIVE, localAddress, swIfIndex, 1);
    }

    /** Drop. */
    public static FibPath drop() {
        return new FibPath(Kind.DROP, 0, -1, 1);
    }
}
