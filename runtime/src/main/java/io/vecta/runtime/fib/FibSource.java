package io.vecta.runtime.fib;

/**
 * Who asked for a route. One prefix may be added by several sources; the one listed first
 * here is the one that forwards (VPP's source priorities: the interface's own prefixes beat
 * routes from the API and the CLI, which beat the default route's drop).
 */
public enum FibSource {
    /** Prefixes of the table itself: multicast and broadcast that unicast forwarding drops. */
    SPECIAL("special"),
    /** A connected subnet, an interface's own address, and the subnet's network and broadcast. */
    INTERFACE("interface"),
    /** The binary API. */
    API("API"),
    /** The CLI ({@code ip route add}). */
    CLI("CLI"),
    /** A neighbour's own /32 in a connected subnet (VPP's adj-fib), so traffic to it rewrites at once. */
    ADJACENCY("adjacency"),
    /** The table's 0.0.0.0/0, which drops. */
    DEFAULT_ROUTE("default-route");

    private final String label;

    FibSource(String label) {
        this.label = label;
    }

    /** The name {@code show ip fib} prints. */
    public String label() {
        return label;
    }
}
