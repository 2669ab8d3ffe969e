package io.vecta.runtime.fib;

/**
 * What a load-balance bucket sends a packet to (VPP's data-path objects that IPv4 unicast
 * forwarding ends in). A bucket is one int: the kind in the top 4 bits, the object's index below.
 *
 * <pre>
 *    31     28 27                                   0
 *   +---------+--------------------------------------+
 *   |  kind   |  index (adjacency, or 0)              |
 *   +---------+--------------------------------------+
 * </pre>
 *
 * {@link #lookupNext} is the next node of ip4-lookup that the kind goes to, numbered as VPP
 * numbers ip4-lookup's nexts (so {@code show ip fib} prints the same {@code [@n]}).
 */
public enum DpoKind {
    /** Drop the packet (no route, or a route to nowhere). */
    DROP("dpo-drop", 0),
    /** For this host: an address of one of its interfaces (ip4-local). */
    RECEIVE("dpo-receive", 2),
    /** A neighbour whose MAC address is not known yet: ask for it with ARP (ip4-arp). */
    INCOMPLETE("arp-ipv4", 3),
    /** A connected subnet: ARP for the packet's own destination (ip4-glean). */
    GLEAN("ipv4-glean", 4),
    /** A known neighbour: write its Ethernet header and send (ip4-rewrite). */
    REWRITE("ipv4", 5);

    /** Bits of a bucket that hold the index. */
    public static final int INDEX_BITS = 28;
    /** The largest index a bucket can hold. */
    public static final int MAX_INDEX = (1 << INDEX_BITS) - 1;

    private static final DpoKind[] BY_CODE = values();

    private final String label;
    private final int lookupNext;

    DpoKind(String label, int lookupNext) {
        this.label = label;
        this.lookupNext = lookupNext;
    }

    /** The name VPP prints for this kind of object. */
    public String label() {
        return label;
    }

    /** ip4-lookup's next node for this kind, in VPP's numbering. */
    public int lookupNext() {
        return lookupNext;
    }

    /** A bucket of this kind for object {@code index}. */
    public int bucket(int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("dpo " + label + ": index " + index + " (0 to " + MAX_INDEX + ")");
        }
        return (ordinal() << INDEX_BITS) | index;
    }

    /** The kind of {@code bucket}. */
    public static DpoKind of(int bucket) {
        return BY_CODE[bucket >>> INDEX_BITS];
    }

    /** The kind of {@code bucket} as its ordinal, for a switch in a node without a lookup. */
    public static int code(int bucket) {
        return bucket >>> INDEX_BITS;
    }

    /** The object index of {@code bucket}. */
    public static int index(int bucket) {
        return bucket & MAX_INDEX;
    }
}
