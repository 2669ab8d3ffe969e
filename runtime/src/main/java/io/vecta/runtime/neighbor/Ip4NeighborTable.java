package io.vecta.runtime.neighbor;

import io.vecta.runtime.dispatch.MainClock;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceListener;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.threads.WorkersStopped;
import io.vecta.sdk.packet.Ip4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The IPv4 neighbours of the graph's interfaces (VPP's {@code ip_neighbor} database for ARP):
 * entries keyed by interface and address, static or dynamic, with VPP's settings
 * ({@code set ip neighbor-config ip4 limit N age S recycle}): at most {@link #limit()} entries;
 * dynamic ones removed {@link #maxAgeSeconds()} after they were last confirmed (0, VPP's
 * default, keeps them for ever); and when the table is full, a new neighbour either refused or,
 * with {@link #recycle()}, given the place of the dynamic entry confirmed longest ago.
 *
 * <p>{@code arp-input} learns on whichever thread runs it; the table is a concurrent map, so
 * learning takes no lock and a known neighbour seen again is updated in place. The CLI changes
 * and reads it on the main thread.
 *
 * <p>Ageing is the work of {@code ip4-neighbor-age-process} ({@link Ip4NeighborAger}), which
 * calls {@link #ageOut} when the oldest dynamic entry reaches its age; reading the table ages
 * nothing, as in VPP. Where VPP probes an aged neighbour with up to three ARP requests before
 * removing it, an aged entry here is removed at once, and traffic to it resolves it again.
 * {@link Ip4NeighborListener}s (the FIB) hear of every entry added, moved to another MAC address
 * or gone, whoever made the change. Times are on the graph's {@link MainClock}, which tests
 * freeze and move.
 */
public final class Ip4NeighborTable {

    /** VPP's default most entries. */
    public static final int DEFAULT_LIMIT = 50_000;

    private final InterfaceTable interfaces;
    private final ConcurrentHashMap<Long, Ip4Neighbor> entries = new ConcurrentHashMap<>();
    private final MainClock clock;
    private volatile int limit = DEFAULT_LIMIT;
    private volatile int maxAgeSeconds;
    private volatile boolean recycle;
    private final List<Ip4NeighborListener> listeners = new CopyOnWriteArrayList<>();
    private Runnable configChanged = () -> { };
    private long agedOut;

    private Ip4NeighborTable(Graph graph) {
        this.interfaces = InterfaceTable.of(graph);
        this.clock = MainClock.of(graph);
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
     * @return false if the table is full, does not recycle, and {@code ip} was not in it
     */
    public boolean learn(int swIfIndex, int ip, long mac) {
        long now = clock.nanos();
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
        if (entries.size() >= limit && !(recycle && recycleOldest(false))) {
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
        long now = clock.nanos();
        Ip4Neighbor known = entries.get(key(iface.swIfIndex(), ip));
        if (known != null) {
            known.update(mac, isStatic, now);
            notifyUpdated(known, true);
            return;
        }
        if (entries.size() >= limit && !(recycle && recycleOldest(true))) {
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

    /** The neighbour {@code ip} on {@code swIfIndex}. */
    public Optional<Ip4Neighbor> find(int swIfIndex, int ip) {
        return Optional.ofNullable(entries.get(key(swIfIndex, ip)));
    }

    /** Every neighbour, by interface and then address. */
    public List<Ip4Neighbor> all() {
        List<Ip4Neighbor> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingInt(Ip4Neighbor::swIfIndex)
                .thenComparing(n -> Integer.toUnsignedLong(n.ip())));
        return sorted;
    }

    /**
     * Removes the dynamic entries that have reached the maximum age, with the workers stopped
     * while it does (the FIB forgets them at once); nothing when ageing is off. Main thread.
     *
     * @return how many went
     * @throws io.vecta.runtime.threads.BarrierTimeoutException if the workers did not stop
     */
    public int ageOut(WorkersStopped workersStopped) {
        int maxAge = maxAgeSeconds;
        long now = clock.nanos();
        if (maxAge == 0 || entries.values().stream().noneMatch(n -> expired(n, now, maxAge))) {
            return 0;
        }
        int[] removed = {0};
        workersStopped.run(() -> {
            for (Ip4Neighbor n : entries.values()) {
                // checked again: it may have been confirmed since, before the workers stopped
                if (expired(n, now, maxAge) && entries.remove(key(n.swIfIndex(), n.ip()), n)) {
                    notifyRemoved(n, true);
                    removed[0]++;
                }
            }
        });
        synchronized (this) {
            agedOut += removed[0];
        }
        return removed[0];
    }

    /**
     * Nanoseconds from now until the oldest dynamic entry reaches the maximum age; the whole age
     * when there is none, and {@link Long#MAX_VALUE} when ageing is off.
     */
    public long nanosUntilNextExpiry() {
        int maxAge = maxAgeSeconds;
        if (maxAge == 0) {
            return Long.MAX_VALUE;
        }
        long ageNanos = TimeUnit.SECONDS.toNanos(maxAge);
        long now = clock.nanos();
        long soonest = ageNanos;
        for (Ip4Neighbor n : entries.values()) {
            if (!n.isStatic()) {
                soonest = Math.min(soonest, Math.max(0, n.updatedNanos() + ageNanos - now));
            }
        }
        return soonest;
    }

    /** Dynamic entries removed by age so far ({@code show ip neighbor-config}). */
    public synchronized long agedOut() {
        return agedOut;
    }

    /** Makes room by removing the dynamic entry confirmed longest ago; false if there is none. */
    private boolean recycleOldest(boolean onMainThread) {
        Ip4Neighbor oldest = null;
        for (Ip4Neighbor n : entries.values()) {
            if (!n.isStatic() && (oldest == null || n.updatedNanos() - oldest.updatedNanos() < 0)) {
                oldest = n;
            }
        }
        if (oldest == null || !entries.remove(key(oldest.swIfIndex(), oldest.ip()), oldest)) {
            return false;
        }
        notifyRemoved(oldest, onMainThread);
        return true;
    }

    private static boolean expired(Ip4Neighbor n, long now, int maxAgeSeconds) {
        return !n.isStatic() && now - n.updatedNanos() >= TimeUnit.SECONDS.toNanos(maxAgeSeconds);
    }

    /**
     * Sets the limit, the maximum age of dynamic entries in seconds (0 for none) and whether a
     * full table recycles its oldest dynamic entry ({@code set ip neighbor-config ip4}); wakes
     * the ager.
     *
     * @throws InterfaceException if the limit is below 1 or the age negative
     */
    public void configure(int newLimit, int newMaxAgeSeconds, boolean newRecycle) {
        if (newLimit < 1) {
            throw new InterfaceException("ip4 neighbor limit " + newLimit + ": must be 1 or more");
        }
        if (newMaxAgeSeconds < 0) {
            throw new InterfaceException("ip4 neighbor age " + newMaxAgeSeconds + ": must be 0 (never) or more seconds");
        }
        limit = newLimit;
        maxAgeSeconds = newMaxAgeSeconds;
        recycle = newRecycle;
        Runnable listener;
        synchronized (this) {
            listener = configChanged;
        }
        listener.run();
    }

    /** Runs {@code listener} after each {@link #configure}, on the thread that configured: the ager's cue. */
    public synchronized void onConfigChanged(Runnable listener) {
        configChanged = listener;
    }

    /** Whether a full table gives a new neighbour the place of its oldest dynamic entry. */
    public boolean recycle() {
        return recycle;
    }

    /** The most entries the table holds. */
    public int limit() {
        return limit;
    }

    /** Seconds a dynamic entry lives unconfirmed; 0 for ever. */
    public int maxAgeSeconds() {
        return maxAgeSeconds;
    }

    /** Now on the graph's {@link MainClock}, in nanoseconds: what entries are stamped with. */
    public long nowNanos() {
        return clock.nanos();
    }
}
