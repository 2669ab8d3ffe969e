package io.vecta.runtime.fib;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The pool of IPv4 adjacencies (VPP's {@code ip_adjacency_t}): where a packet goes after the
 * lookup on an interface, and the Ethernet header ip4-rewrite puts in front of it. An index
 * names an adjacency for as long as a route holds it; ip4-rewrite reads one with no allocation.
 *
 * <pre>
 *   ints, 10 per adjacency         longs, 4 per adjacency: what ip4-rewrite reads, in one place
 *   +0 KIND       glean|neighbour   +0 bytes 0..7   dst MAC (6), src MAC bytes 0..1 (big-endian)
 *   +1 SW_IF_INDEX                   +1 bytes 8..13  src MAC bytes 2..5, ethertype or 0x8100;
 *   +2 ADDRESS    next hop, or the glean's subnet                    2 bytes unused
 *                                    +2 MTU (high 32 bits), SW_IF_INDEX (low 32 bits)
 *                                    +3 TAG (high 32 bits), REWRITE bytes (low 32 bits)
 *   +3 LENGTH     the glean's subnet length
 *   +4 MTU
 *   +5 NEXT       the next index of its node, ip4-rewrite or ip4-glean (-1 until set)
 *   +6 LOCKS      routes holding it; 0 = free
 *   +7 COMPLETE   1 once the neighbour's MAC is known
 *   +8 REWRITE    bytes of the rewrite: 14, or 18 on a sub-interface
 *   +9 TAG        rewrite bytes 14..17 of a tagged one: TCI (VLAN id), ethertype
 *
 *   untagged  | dst (6) | src (6) | 0x0800 |                          14 bytes: the two longs
 *   tagged    | dst (6) | src (6) | 0x8100 | TCI | 0x0800 |           18 bytes: the longs, then TAG
 * </pre>
 *
 * The adjacency of a sub-interface carries its 802.1Q tag in its rewrite, as VPP's does, so a
 * routed packet leaves tagged. {@link #anyTagged} lets ip4-rewrite keep the 14-byte path alone
 * while no tagged adjacency exists.
 *
 * A neighbour adjacency is shared by every route through the same next hop on the same
 * interface, as VPP shares it; its MAC starts unknown ({@link DpoKind#INCOMPLETE}: ip4-arp)
 * and becomes known with {@link #complete}. A glean adjacency belongs to one connected subnet;
 * its rewrite is the ARP broadcast header.
 *
 * <p>Updates belong to the main thread with the workers stopped: the pool grows by copying.
 */
public final class Adjacencies {

    /** Bytes of the Ethernet header an adjacency of an untagged interface writes. */
    public static final int REWRITE_BYTES = 14;
    /** Bytes of the Ethernet header an adjacency of a sub-interface writes: one 802.1Q tag more. */
    public static final int TAGGED_REWRITE_BYTES = 18;
    /** The largest number of adjacencies. */
    public static final int MAX_ADJACENCIES = DpoKind.MAX_INDEX + 1;

    static final int KIND = 0;
    static final int SW_IF_INDEX = 1;
    static final int ADDRESS = 2;
    static final int LENGTH = 3;
    static final int MTU = 4;
    static final int NEXT = 5;
    static final int LOCKS = 6;
    static final int COMPLETE = 7;
    static final int REWRITE = 8;
    static final int TAG = 9;
    static final int STRIDE = 10;
    /** Longs per adjacency: what ip4-rewrite reads, together, from one array. */
    static final int LONGS = 4;
    private static final int FORWARDING = 2;
    private static final int TAG_AND_BYTES = 3;

    private static final int GLEAN = 0;
    private static final int NEIGHBOUR = 1;
    private static final int ETHERTYPE_IP4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final long BROADCAST_MAC = 0xffff_ffff_ffffL;
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED
            .withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED
            .withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED
            .withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    private final FibInterfaces interfaces;
    private int[] rows = new int[16 * STRIDE];
    private long[] rewrites = new long[16 * LONGS];
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    private int live;
    private int tagged;
    private int rewriteNext = -1;
    private int gleanNext = -1;
    private final Map<Long, Integer> neighbours = new HashMap<>();
    private final Map<Long, Integer> gleans = new HashMap<>();

    Adjacencies(FibInterfaces interfaces) {
        this.interfaces = interfaces;
    }

    // ---- what nodes read -----------------------------------------------------------------

    /** The bucket a load-balance holds for adjacency {@code adj}: rewrite, ARP or glean. */
    public int bucket(int adj) {
        int row = adj * STRIDE;
        if (rows[row + KIND] == GLEAN) {
            return DpoKind.GLEAN.bucket(adj);
        }
        return (rows[row + COMPLETE] != 0 ? DpoKind.REWRITE : DpoKind.INCOMPLETE).bucket(adj);
    }

    /** The interface packets leave by. */
    public int swIfIndex(int adj) {
        return rows[adj * STRIDE + SW_IF_INDEX];
    }

    /** The next hop (host order), or for a glean the connected subnet's address. */
    public int address(int adj) {
        return rows[adj * STRIDE + ADDRESS];
    }

    /** The interface's IPv4 MTU when the adjacency was made. */
    public int mtu(int adj) {
        return rows[adj * STRIDE + MTU];
    }

    /** ip4-rewrite's next node for this adjacency, or -1 while the graph has not set it. */
    public int next(int adj) {
        return rows[adj * STRIDE + NEXT];
    }

    /** Whether the neighbour's MAC address is known (always true for a glean). */
    public boolean isComplete(int adj) {
        return rows[adj * STRIDE + COMPLETE] != 0;
    }

    /** Whether some adjacency in use writes an 18-byte (tagged) rewrite: ip4-rewrite's per-frame check. */
    public boolean anyTagged() {
        return tagged > 0;
    }

    /** Bytes of the rewrite: {@link #REWRITE_BYTES}, or {@link #TAGGED_REWRITE_BYTES} on a sub-interface. */
    public int rewriteBytes(int adj) {
        return rows[adj * STRIDE + REWRITE];
    }

    /** Bytes 14 to 17 of a tagged rewrite, big-endian: the TCI and the ethertype. */
    public int rewriteTag(int adj) {
        return rows[adj * STRIDE + TAG];
    }

    /**
     * What ip4-rewrite needs of {@code adj} besides the rewrite, in one long: the MTU in the high
     * 32 bits, the interface in the low 32 ({@link #forwardingMtu}, {@link #forwardingSwIfIndex}).
     */
    public long forwarding(int adj) {
        return rewrites[adj * LONGS + FORWARDING];
    }

    /** The MTU of a {@link #forwarding} word. */
    public static int forwardingMtu(long forwarding) {
        return (int) (forwarding >>> 32);
    }

    /** The interface of a {@link #forwarding} word. */
    public static int forwardingSwIfIndex(long forwarding) {
        return (int) forwarding;
    }

    /** Bytes 0 to 7 of the rewrite, big-endian. */
    public long rewriteHigh(int adj) {
        return rewrites[adj * LONGS];
    }

    /** Bytes 8 to 13 of the rewrite in the top 48 bits, big-endian. */
    public long rewriteLow(int adj) {
        return rewrites[adj * LONGS + 1];
    }

    /** Writes the Ethernet header of {@code adj}, {@link #rewriteBytes} long, at {@code offset} of {@code segment}. */
    public void writeRewrite(int adj, MemorySegment segment, long offset) {
        long low = rewrites[adj * LONGS + 1];
        segment.set(LONG_BE, offset, rewrites[adj * LONGS]);
        segment.set(INT_BE, offset + 8, (int) (low >>> 32));
        segment.set(SHORT_BE, offset + 12, (short) (low >>> 16));
        if (rows[adj * STRIDE + REWRITE] == TAGGED_REWRITE_BYTES) {
            segment.set(INT_BE, offset + REWRITE_BYTES, rows[adj * STRIDE + TAG]);
        }
    }

    // ---- updates -------------------------------------------------------------------------

    /** Sets ip4-rewrite's next node for {@code adj}. */
    public void setNext(int adj, int next) {
        checkLive(adj);
        rows[adj * STRIDE + NEXT] = next;
    }

    /**
     * Sets the next index every adjacency sends its packets by, now and when made: for a
     * neighbour ip4-rewrite's next to the output, for a glean ip4-glean's (VPP's
     * {@code rewrite_header.next_index}, which {@code show ip fib} prints as {@code next:N}).
     */
    public void setNexts(int rewriteNext, int gleanNext) {
        this.rewriteNext = rewriteNext;
        this.gleanNext = gleanNext;
        for (int adj = 0; adj < used; adj++) {
            int row = adj * STRIDE;
            if (rows[row + LOCKS] > 0) {
                rows[row + NEXT] = rows[row + KIND] == GLEAN ? gleanNext : rewriteNext;
            }
        }
    }

    /** The neighbour adjacency for {@code nextHop} on {@code swIfIndex}, made if needed, locked once more. */
    int lockNeighbour(int swIfIndex, int nextHop) {
        Integer existing = neighbours.get(key(swIfIndex, nextHop));
        int adj = existing != null ? existing : make(NEIGHBOUR, swIfIndex, nextHop, 32);
        if (existing == null) {
            neighbours.put(key(swIfIndex, nextHop), adj);
        }
        rows[adj * STRIDE + LOCKS]++;
        return adj;
    }

    /** The glean adjacency of subnet {@code address/length} on {@code swIfIndex}, locked once more. */
    int lockGlean(int swIfIndex, int address, int length) {
        long key = key(swIfIndex, address) ^ ((long) length << 58);
        Integer existing = gleans.get(key);
        int adj = existing != null ? existing : make(GLEAN, swIfIndex, address, length);
        if (existing == null) {
            gleans.put(key, adj);
        }
        rows[adj * STRIDE + LOCKS]++;
        return adj;
    }

    /** The neighbour adjacency for {@code nextHop} on {@code swIfIndex}, or -1. */
    public int findNeighbour(int swIfIndex, int nextHop) {
        Integer adj = neighbours.get(key(swIfIndex, nextHop));
        return adj == null ? -1 : adj;
    }

    /** Releases one lock; the last frees the adjacency. */
    void unlock(int adj) {
        checkLive(adj);
        int row = adj * STRIDE;
        if (--rows[row + LOCKS] > 0) {
            return;
        }
        if (rows[row + KIND] == NEIGHBOUR) {
            neighbours.remove(key(rows[row + SW_IF_INDEX], rows[row + ADDRESS]));
        } else {
            gleans.remove(key(rows[row + SW_IF_INDEX], rows[row + ADDRESS]) ^ ((long) rows[row + LENGTH] << 58));
        }
        live--;
        if (rows[row + REWRITE] == TAGGED_REWRITE_BYTES) {
            tagged--;
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = adj;
    }

    /** Gives neighbour adjacency {@code adj} its MAC: it rewrites from now on. */
    void complete(int adj, long mac) {
        checkLive(adj);
        int row = adj * STRIDE;
        writeHeader(adj, mac, interfaces.mac(rows[row + SW_IF_INDEX]), ETHERTYPE_IP4);
        rows[row + COMPLETE] = 1;
    }

    /** Forgets the MAC of neighbour adjacency {@code adj}: it asks ARP again. */
    void incomplete(int adj) {
        checkLive(adj);
        rows[adj * STRIDE + COMPLETE] = 0;
        rows[adj * STRIDE + TAG] = 0;
        rewrites[adj * LONGS] = 0;
        rewrites[adj * LONGS + 1] = 0;
        mirror(adj);
    }

    /** Adjacencies in use. */
    public int size() {
        return live;
    }

    /** Whether {@code adj} names an adjacency in use. */
    public boolean isLive(int adj) {
        return adj >= 0 && adj < used && rows[adj * STRIDE + LOCKS] > 0;
    }

    /** Routes and entries holding {@code adj}. */
    public int locks(int adj) {
        checkLive(adj);
        return rows[adj * STRIDE + LOCKS];
    }

    /**
     * Reads the MAC address and MTU of interface {@code swIfIndex} again into its adjacencies
     * (after {@code set interface mtu} or {@code set interface mac address}): each header is
     * rewritten whole before the MTU, so a reader sees the old header or the new one.
     */
    void interfaceChanged(int swIfIndex) {
        long mac = interfaces.mac(swIfIndex);
        int mtu = interfaces.mtu(swIfIndex);
        for (int adj = 0; adj < used; adj++) {
            int row = adj * STRIDE;
            if (rows[row + LOCKS] == 0 || rows[row + SW_IF_INDEX] != swIfIndex) {
                continue;
            }
            if (rows[row + KIND] == GLEAN) {
                writeHeader(adj, BROADCAST_MAC, mac, ETHERTYPE_ARP);
            } else if (rows[row + COMPLETE] != 0) {
                writeHeader(adj, rewrites[adj * LONGS] >>> 16, mac, ETHERTYPE_IP4);
            }
            rows[row + MTU] = mtu;
            mirror(adj);
        }
    }

    private int make(int kind, int swIfIndex, int address, int length) {
        int adj;
        if (freeCount > 0) {
            adj = free[--freeCount];
        } else {
            if (used == MAX_ADJACENCIES) {
                throw new IllegalStateException("adjacencies: pool is full (" + MAX_ADJACENCIES + " adjacencies)");
            }
            adj = used++;
            if (used * STRIDE > rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
                rewrites = Arrays.copyOf(rewrites, rewrites.length * 2);
            }
        }
        live++;
        int row = adj * STRIDE;
        rows[row + KIND] = kind;
        rows[row + SW_IF_INDEX] = swIfIndex;
        rows[row + ADDRESS] = address;
        rows[row + LENGTH] = length;
        rows[row + MTU] = interfaces.mtu(swIfIndex);
        rows[row + NEXT] = kind == GLEAN ? gleanNext : rewriteNext;
        rows[row + LOCKS] = 0;
        rows[row + COMPLETE] = kind == GLEAN ? 1 : 0;
        boolean onSubInterface = interfaces.outerVlan(swIfIndex) != FibInterfaces.NO_VLAN;
        rows[row + REWRITE] = onSubInterface ? TAGGED_REWRITE_BYTES : REWRITE_BYTES;
        rows[row + TAG] = 0;
        tagged += onSubInterface ? 1 : 0;
        rewrites[adj * LONGS] = 0;
        rewrites[adj * LONGS + 1] = 0;
        mirror(adj);
        if (kind == GLEAN) {
            writeHeader(adj, BROADCAST_MAC, interfaces.mac(swIfIndex), ETHERTYPE_ARP);
        }
        return adj;
    }

    private void writeHeader(int adj, long dstMac, long srcMac, int ethertype) {
        dstMac &= BROADCAST_MAC;
        srcMac &= BROADCAST_MAC;
        int row = adj * STRIDE;
        int outerType = ethertype;
        if (rows[row + REWRITE] == TAGGED_REWRITE_BYTES) {
            // TCI: priority 0, DEI 0, the sub-interface's VLAN id
            int vlan = interfaces.outerVlan(rows[row + SW_IF_INDEX]) & 0x0fff;
            rows[row + TAG] = (vlan << 16) | ethertype;
            outerType = ETHERTYPE_VLAN;
        }
        rewrites[adj * LONGS] = (dstMac << 16) | (srcMac >>> 32);
        rewrites[adj * LONGS + 1] = (srcMac << 32) | ((long) outerType << 16);
        mirror(adj);
    }

    /** Copies the interface, MTU, tag and rewrite length of {@code adj} to where ip4-rewrite reads them. */
    private void mirror(int adj) {
        int row = adj * STRIDE;
        rewrites[adj * LONGS + FORWARDING] = (long) rows[row + MTU] << 32 | Integer.toUnsignedLong(rows[row + SW_IF_INDEX]);
        rewrites[adj * LONGS + TAG_AND_BYTES] = (long) rows[row + TAG] << 32 | rows[row + REWRITE];
    }

    private void checkLive(int adj) {
        if (!isLive(adj)) {
            throw new IllegalArgumentException("adjacencies: " + adj + " is not in use (" + live + " in use)");
        }
    }

    private static long key(int swIfIndex, int address) {
        return ((long) swIfIndex << 32) | (address & 0xffff_ffffL);
    }

    // ---- show ----------------------------------------------------------------------------

    /**
     * {@code adj} as VPP prints it: {@code ipv4 via 10.0.1.2 pg1: mtu:9000 next:3 flags:[] 0200...0800},
     * {@code arp-ipv4: via 10.0.1.2 pg1}, or {@code ipv4-glean: [src:10.0.0.0/24] pg0: mtu:9000 ...}.
     */
    public String format(int adj) {
        int row = adj * STRIDE;
        String name = interfaces.name(rows[row + SW_IF_INDEX]);
        String address = Ip4Prefix.formatAddress(rows[row + ADDRESS]);
        if (rows[row + KIND] == NEIGHBOUR && rows[row + COMPLETE] == 0) {
            return "arp-ipv4: via " + address + " " + name;
        }
        StringBuilder text = new StringBuilder();
        if (rows[row + KIND] == GLEAN) {
            text.append("ipv4-glean: [src:").append(address).append('/').append(rows[row + LENGTH]).append("] ")
                    .append(name);
        } else {
            text.append("ipv4 via ").append(address).append(' ').append(name);
        }
        text.append(": mtu:").append(rows[row + MTU]);
        if (rows[row + NEXT] >= 0) {
            text.append(" next:").append(rows[row + NEXT]);
        }
        text.append(" flags:[] ");
        appendHex(text, rewrites[adj * LONGS], 8);
        appendHex(text, rewrites[adj * LONGS + 1] >>> 16, 6);
        if (rows[row + REWRITE] == TAGGED_REWRITE_BYTES) {
            appendHex(text, rows[row + TAG] & 0xffff_ffffL, 4);
        }
        return text.toString();
    }

    private static void appendHex(StringBuilder text, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            int b = (int) (value >>> (i * 8)) & 0xff;
            text.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
    }
}
