package io.vecta.runtime.l2;

/**
 * The L2 configuration as the dataplane reads it: arrays by {@code sw_if_index} and by bridge
 * domain index, built whole by {@link BridgeDomains} on every change and published through one
 * volatile reference, which each L2 node reads once per frame.
 *
 * <pre>
 *   by sw_if_index          by bd_index
 *   bdIndexOf   0 = none    flags     LEARN | FORWARD | FLOOD | UU_FLOOD | ARP_TERM
 *   shgOf       0 = none    members   the sw_if_index of each member, in joining order
 *   xconnectTo  -1 = none   shgs      each member's split-horizon group
 *   isBvi
 * </pre>
 */
public final class L2Tables {

    /** Flag: learn source addresses. */
    public static final int LEARN = 1;
    /** Flag: forward known unicast by the L2 FIB. */
    public static final int FORWARD = 2;
    /** Flag: flood broadcast and multicast. */
    public static final int FLOOD = 4;
    /** Flag: flood unknown unicast. */
    public static final int UU_FLOOD = 8;
    /** Flag: terminate ARP. */
    public static final int ARP_TERM = 16;

    /** In {@link #xconnectTo}: not cross-connected. */
    public static final int NO_XCONNECT = -1;

    final int[] bdIndexOf;
    final int[] shgOf;
    final int[] xconnectTo;
    final boolean[] isBvi;
    final int[] flags;
    final int[][] members;
    final int[][] shgs;

    L2Tables(int[] bdIndexOf, int[] shgOf, int[] xconnectTo, boolean[] isBvi, int[] flags, int[][] members,
             int[][] shgs) {
        this.bdIndexOf = bdIndexOf;
        this.shgOf = shgOf;
        this.xconnectTo = xconnectTo;
        this.isBvi = isBvi;
        this.flags = flags;
        this.members = members;
        this.shgs = shgs;
    }

    static final L2Tables EMPTY = new L2Tables(new int[0], new int[0], new int[0], new boolean[0], new int[1],
            new int[1][0], new int[1][0]);
}
