package io.vecta.runtime.neighbor;

/**
 * Told when a neighbour is added, changes its MAC address or goes: the FIB's hook to complete
 * or forget the adjacencies through it. {@code arp-input} learns on whichever thread runs it,
 * so a listener is told on that thread, with {@code onMainThread} false; the CLI and ageing on
 * the main thread say true.
 */
public interface Ip4NeighborListener {

    /** {@code neighbor} is new, or its MAC address changed. */
    void updated(Ip4Neighbor neighbor, boolean onMainThread);

    /** The neighbour {@code ip} on {@code swIfIndex} is gone (removed, aged out, its interface deleted). */
    void removed(int swIfIndex, int ip, boolean onMainThread);
}
