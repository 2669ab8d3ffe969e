package io.vecta.runtime.neighbor;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceListener;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.packet.Ip4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The IPv4 neighbours of the graph's interfaces (VPP's {@code ip_neighbor} database for ARP):
 * entries keyed by interface and address, static or dynamic, with VPP's limits: at most
 * {@link #limit()} entries, and dynamic ones removed {@link #maxAgeSeconds()} after they were
 * last confirmed (0, VPP's default, keeps them for ever).
 *
 * <p>{@code arp-input} learns on whichever thread runs it; the table is a concurrent map, so
 * learning takes no lock and a known neighbour seen again is updated in place. The CLI changes
 * and reads it on the main thread.
 *
 * <p>Ageing is done when the table is read rather than by a timer: an entry past its age is
 * absent to {@link #find} and {@link #all} from that moment, {@link #all} (what
 * {@code show ip neighbors} lists) removes it, and learning a new entry removes the expired
 * ones first, so an expired entry never holds a place against the limit. {@link Ip4NeighborListener}s
 * (the FIB) hear of every entry added, moved to another MAC address or gone, whoever made the
 * change; an entry that expires is gone for them when one of those reads removes it. The table
 * reads time from its clock, which tests replace ({@link #useClock}) to age entries without waiting.
 */
public final class Ip4NeighborTable {

    /** VPP's default most entries. */
    public static final int DEFAULT_LIMIT = 50_000;

    private final InterfaceTable interfaces;
    private final ConcurrentHashMap<Long, Ip4Neighbor> entries = new ConcurrentHashMap<>();
    private volatile LongSupplier clock = System::nanoTime;
    private volatile int limit = DEFAULT_LIMIT;
    private volatile int maxAgeSeconds;
    private final List<Ip4NeighborListener> listeners = new CopyOnWriteArrayList<>();

    private Ip4NeighborTable(Graph graph) {
        this.interfaces = InterfaceTable.of(graph);
        interfaces.addListener(new InterfaceListener() {
            @Override
            public void deleted(SwInterface iface) {
                List<Ip4Neighbor> gone = entries.values().stream().filter(n -> n.swIfIndex() == iface.swIfIndex())
                        .toList();
                for (Ip4Neighbor n : gone) {
                    if (entries.remove(key(n.swIfIndex(), n.ip()), n)) {
                        notifyRemoved(n, true);
                    }
                }
            }
        });
    }

    /** The neighbour table of {@code graph}. */
    public static Ip4NeighborTable of(Graph graph) {
        return graph.service(Ip4NeighborTable.class, Ip4NeighborTable::new);
    }

    /** Tells {@code listener} of every later change. */
    public void addListener(Ip4NeighborListener listener) {
        listeners.add(listener);
    }

    private void notifyUpdated(Ip4Neighbor n, boolean onMainThread) {
        for (Ip4NeighborListener listener : listeners) {
            listener.updated(n, onMainThread);
        }
    }

    private void notifyRemoved(Ip4Neighbor n, boolean onMainThread) {
        for (Ip4NeighborListener listener : listeners) {
            listener.removed(n.swIfIndex(), n.ip(), onMainThread);
        }
    }

    private static long key(int swIfIndex, int ip) {
        return (long) swIfIndex << 32 | Integer.toUnsignedLong(ip);
    }

    /**
     * Learns from ARP that {@code ip} on {@code swIfIndex} is at {@code mac}: a new dynamic entry,
     * or a dynamic one refreshed. A static entry is left as configured.
     *
     * @return false if the table is full and {@code ip} was not in it
     */
    public boolean learn(int swIfIndex, int ip, long mac) {
        long now = clock.getAsLong();
        Ip4Neighbor known = entries.get(key(swIfIndex, ip));
        if (known != null) {
            if (!known.isStatic()) {
                boolean moved = known.mac() != mac;
                known.refresh(mac, now);
                if (moved) {
                    notifyUpdated(known, false);
                }
            }
            return true;
        }
        if (entries.size() >= limit && ageOut(false) == 0) {
            return false;
        }
        Ip4Neighbor made = new Ip4Neighbor(swIfIndex, ip, mac, false, now);
        if (entries.putIfAbsent(key(swIfIndex, ip), made) == null) {
            notifyUpdated(made, false);
        }
        return true;
    }

    /**
     * Sets {@code ip} on {@code iface} to {@code mac} ({@code set ip neighbor}), static or
     * dynamic, replacing what was there.
     *
     * @throws InterfaceException if the table is full
     */
    public void set(SwInterface iface, int ip, long mac, boolean isStatic) {
        long now = clock.getAsLong();
        Ip4Neighbor known = entries.get(key(iface.swIfIndex(), ip));
        if (known != null) {
            known.update(mac, isStatic, now);
            notifyUpdated(known, true);
            return;
        }
        if (entries.size() >= limit) {
            throw new InterfaceException("ip4 neighbor table is full (" + limit + " entries): cannot add "
                    + Ip4Address.format(ip) + " on " + iface.name());
        }
        Ip4Neighbor made = new Ip4Neighbor(iface.swIfIndex(), ip, mac, isStatic, now);
        entries.put(key(iface.swIfIndex(), ip), made);
        notifyUpdated(made, true);
    }

    /**
     * Removes {@code ip} on {@code iface} ({@code set ip neighbor del}).
     *
     * @throws InterfaceException if there is no such neighbour
     */
    public void remove(SwInterface iface, int ip) {
        Ip4Neighbor gone = entries.remove(key(iface.swIfIndex(), ip));
        if (gone == null) {
            throw new InterfaceException("no ip4 neighbor " + Ip4Address.format(ip) + " on " + iface.name());
        }
        notifyRemoved(gone, true);
    }

    /** The neighbour {@code ip} on {@code swIfIndex}, unless it has expired. */
    public Optional<Ip4Neighbor> find(int swIfIndex, int ip) {
        Ip4Neighbor n = entries.get(key(swIfIndex, ip));
        return n == null || expired(n, clock.getAsLong(), maxAgeSeconds) ? Optional.empty() : Optional.of(n);
    }

    /** Every neighbour, by interface and then address, the expired ones removed first. */
    public List<Ip4Neighbor> all() {
        ageOut();
        List<Ip4Neighbor> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingInt(Ip4Neighbor::swIfIndex)
                .thenComparing(n -> Integer.toUnsignedLong(n.ip())));
        return sorted;
    }

    /** Removes the dynamic entries older than the maximum age; returns how many went. */
    public int ageOut() {
        return ageOut(true);
    }

    private int ageOut(boolean onMainThread) {
        int maxAge = maxAgeSeconds;
        if (maxAge == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        List<Ip4Neighbor> old = new ArrayList<>();
        for (Ip4Neighbor n : entries.values()) {
            if (expired(n, now, maxAge)) {
                old.add(n);
            }
        }
        for (Ip4Neighbor n : old) {
            if (entries.remove(key(n.swIfIndex(), n.ip()), n)) {
                notifyRemoved(n, onMainThread);
            }
        }
        return old.size();
    }

    private static boolean expired(Ip4Neighbor n, long now, int maxAgeSeconds) {
        return maxAgeSeconds != 0 && !n.isStatic() && now - n.updatedNanos() >= TimeUnit.SECONDS.toNanos(maxAgeSeconds);
    }

    /**
     * Sets the limit and the maximum age of dynamic entries in seconds, 0 for none
     * ({@code set ip neighbor-config ip4}).
     *
     * @throws InterfaceException if either is negative, or the limit is 0
     */
    public void configure(int newLimit, int newMaxAgeSeconds) {
        if (newLimit < 1) {
            throw new InterfaceException("ip4 neighbor limit " + newLimit + ": must be 1 or more");
        }
        if (newMaxAgeSeconds < 0) {
            throw new InterfaceException("ip4 neighbor age " + newMaxAgeSeconds + ": must be 0 (never) or more seconds");
        }
        limit = newLimit;
        maxAgeSeconds = newMaxAgeSeconds;
    }

    /** The most entries the table holds. */
    public int limit() {
        return limit;
    }

    /** Seconds a dynamic entry lives unconfirmed; 0 for ever. */
    public int maxAgeSeconds() {
        return maxAgeSeconds;
    }

    /** The time now on the table's clock, in nanoseconds. */
    public long nowNanos() {
        return clock.getAsLong();
    }

    /** Makes the table read time from {@code nanos} (tests drive ageing with it). */
    public void useClock(LongSupplier nanos) {
        clock = nanos;
    }
}
