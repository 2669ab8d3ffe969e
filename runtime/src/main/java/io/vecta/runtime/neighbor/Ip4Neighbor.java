package io.vecta.runtime.neighbor;

/**
 * One IPv4 neighbour: the MAC address of {@code ip} on interface {@code swIfIndex}, static
 * (configured, never aged) or dynamic (learnt from ARP, or configured without {@code static},
 * and aged). A learnt entry that is seen again has its MAC and time updated in place, so that
 * relearning allocates nothing.
 */
public final class Ip4Neighbor {

    private final int swIfIndex;
    private final int ip;
    private volatile long mac;
    private volatile boolean isStatic;
    private volatile long updatedNanos;

    Ip4Neighbor(int swIfIndex, int ip, long mac, boolean isStatic, long updatedNanos) {
        this.swIfIndex = swIfIndex;
        this.ip = ip;
        this.mac = mac;
        this.isStatic = isStatic;
        this.updatedNanos = updatedNanos;
    }

    /** The interface the neighbour is on. */
    public int swIfIndex() {
        return swIfIndex;
    }

    /** Its IPv4 address, wire order in an int. */
    public int ip() {
        return ip;
    }

    /** Its MAC address, 48 bits in a long. */
    public long mac() {
        return mac;
    }

    /** Whether it was configured static: never aged, never replaced by what ARP says. */
    public boolean isStatic() {
        return isStatic;
    }

    /** When it was last set or confirmed, on the table's clock. */
    public long updatedNanos() {
        return updatedNanos;
    }

    void update(long newMac, boolean makeStatic, long now) {
        mac = newMac;
        isStatic = makeStatic;
        updatedNanos = now;
    }

    void refresh(long newMac, long now) {
        mac = newMac;
        updatedNanos = now;
    }
}
