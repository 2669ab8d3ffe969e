package io.vecta.runtime.l2;

import io.vecta.runtime.dispatch.MainClock;
import io.vecta.runtime.ethernet.Loopbacks;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceListener;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.threads.WorkersStopped;
import io.vecta.sdk.packet.MacAddress;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The graph's L2 switching configuration (VPP's {@code l2input_main} and {@code bd_main}): bridge
 * domains, which interface is bridged or cross-connected, the L2 FIB, and learnt entries aged out.
 *
 * <pre>
 *   set interface l2 bridge pg1 10        pg1 → bridge domain 10 (bd_index 1)
 *   set interface l2 bridge loop0 10 bvi  loop0 routes for the domain
 *   set interface l2 xconnect pg1 pg2     what pg1 receives leaves by pg2 (one way)
 *   set interface l3 pg1                  back to L3, its learnt addresses forgotten
 * </pre>
 *
 * <p>Every change is made on the main thread with the workers stopped (every CLI line runs so)
 * and ends with a new {@link L2Tables} published for the nodes and the interface table's L2 mode
 * of the interface set. A deleted interface leaves its bridge or cross-connect, and its L2 FIB
 * entries go.
 *
 * <p>Ageing: a learnt entry not seen for its bridge's {@code mac-age} minutes is removed by
 * {@link #ageOut}, which {@code l2fib-mac-age-scanner-process} ({@link L2FibAgeScanner}) runs once
 * a minute while a bridge ages, as VPP's scanner does; reading the table ages nothing. Entries
 * are stamped in whole seconds of the graph's {@link MainClock}, which tests freeze and move.
 */
public final class BridgeDomains {

    /** The highest bridge domain id (VPP's 24-bit {@code bd_id}). */
    public static final int MAX_ID = 0xff_fffe;

    /** The highest split-horizon group. */
    public static final int MAX_SHG = 255;

    /** The longest bridge-domain tag (VPP's 64-byte field with its terminating zero). */
    public static final int MAX_TAG_LENGTH = 63;

    /** The L2 FIB's slots: it holds three quarters as many entries. */
    public static final int FIB_CAPACITY = 1 << 16;

    private final InterfaceTable interfaces;
    private final L2Fib fib = new L2Fib(FIB_CAPACITY);
    private final Map<Integer, BridgeDomain> byId = new TreeMap<>();
    private final Map<Integer, BridgeDomain> byIndex = new HashMap<>();
    private final Map<Integer, BridgeDomain> bridgeOf = new HashMap<>();
    private final Map<Integer, Integer> xconnects = new HashMap<>();
    private final BitSet indices = new BitSet();
    private final MainClock clock;
    private volatile L2Tables tables = L2Tables.EMPTY;
    private Runnable ageingChanged = () -> { };
    private long ageScans;
    private long agedOut;
    private long lastScanNanos;

    private BridgeDomains(Graph graph) {
        this.interfaces = InterfaceTable.of(graph);
        this.clock = MainClock.of(graph);
        indices.set(0); // bd_index 0 is no bridge, as VPP's default bridge domain is never switched in
        interfaces.addListener(new InterfaceListener() {
            @Override
            public void deleted(SwInterface iface) {
                forget(iface.swIfIndex());
            }
        });
    }

    /** The L2 configuration of {@code graph}. */
    public static BridgeDomains of(Graph graph) {
        return graph.service(BridgeDomains.class, BridgeDomains::new);
    }

    /** The tables the dataplane reads. */
    public L2Tables tables() {
        return tables;
    }

    /** The L2 FIB. */
    public L2Fib fib() {
        return fib;
    }

    /** Now on the graph's {@link MainClock}, in whole seconds: what learnt entries are stamped with. */
    public long nowSeconds() {
        return clock.seconds();
    }

    /**
     * Runs {@code listener} on the main thread whenever a bridge's {@code mac-age} is set or an
     * ageing bridge is deleted: the scanner's cue to start, stop or scan now.
     */
    public synchronized void onAgeingChanged(Runnable listener) {
        ageingChanged = listener;
    }

    /** Whether any bridge domain ages its learnt entries. */
    public synchronized boolean ageing() {
        for (BridgeDomain bd : byId.values()) {
            if (bd.macAgeMinutes() != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates bridge domain {@code id}, learning, forwarding and flooding, not ageing.
     *
     * @throws L2Exception if the id is outside 1..{@link #MAX_ID}, exists, or no index is left
     */
    public synchronized BridgeDomain create(int id) {
        checkId(id);
        if (byId.containsKey(id)) {
            throw new L2Exception("bridge domain " + id + " exists");
        }
        int index = indices.nextClearBit(1);
        if (index > L2Fib.MAX_BD_INDEX) {
            throw new L2Exception("bridge domain " + id + ": all " + L2Fib.MAX_BD_INDEX + " bridge domain indices are in use");
        }
        indices.set(index);
        BridgeDomain bd = new BridgeDomain(id, index);
        byId.put(id, bd);
        byIndex.put(index, bd);
        publish();
        return bd;
    }

    /** The switches of a bridge domain; null leaves one as it is. */
    public record Settings(Boolean learn, Boolean forward, Boolean flood, Boolean uuFlood, Boolean arpTerm,
                           Integer macAgeMinutes) {
    }

    /**
     * Sets the switches of bridge domain {@code id} that {@code settings} names.
     *
     * @throws L2Exception if there is no such bridge domain or the age is outside 0..255 minutes
     */
    public synchronized void configure(int id, Settings settings) {
        BridgeDomain bd = get(id);
        if (settings.macAgeMinutes() != null && (settings.macAgeMinutes() < 0 || settings.macAgeMinutes() > 255)) {
            throw new L2Exception("bridge domain " + id + ": mac-age " + settings.macAgeMinutes()
                    + " minutes is outside 0 (off) to 255");
        }
        if (settings.learn() != null) {
            bd.setLearn(settings.learn());
        }
        if (settings.forward() != null) {
            bd.setForward(settings.forward());
        }
        if (settings.flood() != null) {
            bd.setFlood(settings.flood());
        }
        if (settings.uuFlood() != null) {
            bd.setUuFlood(settings.uuFlood());
        }
        if (settings.arpTerm() != null) {
            bd.setArpTerm(settings.arpTerm());
        }
        if (settings.macAgeMinutes() != null) {
            bd.setMacAgeMinutes(settings.macAgeMinutes());
        }
        publish();
        if (settings.macAgeMinutes() != null) {
            ageingChanged.run();
        }
    }

    /**
     * Labels bridge domain {@code id} with {@code tag} (empty for none).
     *
     * @throws L2Exception if there is no such bridge domain or the tag is longer than 63 characters
     */
    public synchronized void setTag(int id, String tag) {
        BridgeDomain bd = get(id);
        if (tag.length() > MAX_TAG_LENGTH) {
            throw new L2Exception("bridge domain " + id + ": tag of " + tag.length() + " characters (at most "
                    + MAX_TAG_LENGTH + ")");
        }
        bd.setTag(tag);
    }

    /** The lowest bridge domain id not in use, or -1 when every one is. */
    public synchronized int unusedId() {
        int id = 1;
        for (int used : byId.keySet()) {
            if (used != id) {
                break;
            }
            id++;
        }
        return id <= MAX_ID ? id : -1;
    }

    /**
     * Deletes bridge domain {@code id} and its L2 FIB entries.
     *
     * @throws L2Exception if there is none, or it still has members
     */
    public synchronized void delete(int id) {
        BridgeDomain bd = get(id);
        if (!bd.mutableMembers().isEmpty()) {
            throw new L2Exception("bridge domain " + id + " is in use by " + bd.members().size() + " interface(s) ("
                    + String.join(", ", bd.members().stream().map(m -> interfaces.nameOf(m.swIfIndex())).toList())
                    + "): set them l3 first");
        }
        byId.remove(id);
        byIndex.remove(bd.index());
        indices.clear(bd.index());
        fib.removeIf((key, result) -> L2Fib.bdIndex(key) == bd.index());
        publish();
        if (bd.macAgeMinutes() != 0) {
            ageingChanged.run();
        }
    }

    /**
     * Bridge domain {@code id}.
     *
     * @throws L2Exception naming the bridge domains there are, if there is none
     */
    public synchronized BridgeDomain get(int id) {
        BridgeDomain bd = byId.get(id);
        if (bd == null) {
            throw new L2Exception("no bridge domain " + id + (byId.isEmpty() ? " (there are none)"
                    : " (bridge domains: " + String.join(", ", byId.keySet().stream().map(String::valueOf).toList()) + ")"));
        }
        return bd;
    }

    /** Bridge domain {@code id}, if it exists. */
    public synchronized Optional<BridgeDomain> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every bridge domain, by id. */
    public synchronized List<BridgeDomain> all() {
        return List.copyOf(byId.values());
    }

    /** The bridge domain with dataplane index {@code index}, if any. */
    public synchronized Optional<BridgeDomain> byIndex(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    /** The bridge domain {@code iface} is a member of, if any. */
    public synchronized Optional<BridgeDomain> bridgeOf(SwInterface iface) {
        return Optional.ofNullable(bridgeOf.get(iface.swIfIndex()));
    }

    /** The interface whose output {@code iface}'s input is cross-connected to, if any. */
    public synchronized Optional<Integer> xconnectOf(SwInterface iface) {
        return Optional.ofNullable(xconnects.get(iface.swIfIndex()));
    }

    /**
     * Makes {@code iface} a member of bridge domain {@code id} ({@code set interface l2 bridge}),
     * in split-horizon group {@code shg}; with {@code bvi}, the bridge's virtual interface.
     *
     * @throws L2Exception if the bridge domain does not exist, the interface is local0, already in
     *                     another bridge or cross-connected, the BVI is not a loopback or the
     *                     bridge has one already, or {@code shg} is outside 0..255
     */
    public synchronized void bridge(SwInterface iface, int id, boolean bvi, int shg) {
        BridgeDomain bd = get(id);
        int sw = iface.swIfIndex();
        checkSwitchable(iface);
        if (shg < 0 || shg > MAX_SHG) {
            throw new L2Exception("split-horizon group " + shg + " of " + iface.name() + ": must be 0 to " + MAX_SHG);
        }
        BridgeDomain current = bridgeOf.get(sw);
        if (current != null && current != bd) {
            throw new L2Exception(iface.name() + " is in bridge domain " + current.id()
                    + ": set interface l3 " + iface.name() + " first");
        }
        if (xconnects.containsKey(sw)) {
            throw new L2Exception(iface.name() + " is cross-connected to " + interfaces.nameOf(xconnects.get(sw))
                    + ": set interface l3 " + iface.name() + " first");
        }
        if (bvi) {
            if (!iface.deviceClass().equals(Loopbacks.DEVICE)) {
                throw new L2Exception(iface.name() + " cannot be a BVI: only a loopback interface can");
            }
            int existing = bd.bviSwIfIndex();
            if (existing >= 0 && existing != sw) {
                throw new L2Exception("bridge domain " + id + " has a BVI already: " + interfaces.nameOf(existing));
            }
        }
        List<BridgeDomain.Member> members = bd.mutableMembers();
        members.removeIf(m -> m.swIfIndex() == sw);
        members.add(new BridgeDomain.Member(sw, shg, bvi));
        bridgeOf.put(sw, bd);
        interfaces.setL2Mode(iface, bvi ? InterfaceTable.BVI : InterfaceTable.L2);
        publish();
    }

    /**
     * Sends what {@code from} receives out of {@code to} ({@code set interface l2 xconnect}); the
     * other way needs its own command, as in VPP.
     *
     * @throws L2Exception if either is local0, they are the same, or {@code from} is bridged
     */
    public synchronized void xconnect(SwInterface from, SwInterface to) {
        checkSwitchable(from);
        checkSwitchable(to);
        if (from.swIfIndex() == to.swIfIndex()) {
            throw new L2Exception("cannot cross-connect " + from.name() + " to itself");
        }
        BridgeDomain current = bridgeOf.get(from.swIfIndex());
        if (current != null) {
            throw new L2Exception(from.name() + " is in bridge domain " + current.id()
                    + ": set interface l3 " + from.name() + " first");
        }
        xconnects.put(from.swIfIndex(), to.swIfIndex());
        interfaces.setL2Mode(from, InterfaceTable.L2);
        publish();
    }

    /**
     * Puts {@code iface} back in L3 mode ({@code set interface l3}): out of its bridge, its learnt
     * addresses forgotten, or no longer cross-connected. Nothing happens to an L3 interface.
     */
    public synchronized void setL3(SwInterface iface) {
        forget(iface.swIfIndex());
        interfaces.setL2Mode(iface, InterfaceTable.L3);
    }

    private synchronized void forget(int sw) {
        BridgeDomain bd = bridgeOf.remove(sw);
        if (bd != null) {
            bd.mutableMembers().removeIf(m -> m.swIfIndex() == sw);
            fib.removeIf((key, result) -> L2Fib.swIfIndex(result) == sw);
        }
        xconnects.remove(sw);
        publish();
    }

    /**
     * Adds or replaces the L2 FIB entry of {@code mac} in bridge domain {@code id}: frames to it
     * leave by {@code iface}, which must be a member; a static entry is neither aged nor moved.
     *
     * @throws L2Exception if the bridge domain does not exist, the interface is not a member, the
     *                     address is a group address, or the table is full
     */
    public synchronized void addEntry(long mac, int id, SwInterface iface, boolean isStatic) {
        BridgeDomain bd = get(id);
        if ((mac & 0x0100_0000_0000L) != 0) {
            throw new L2Exception("l2fib: " + MacAddress.format(mac) + " is a group address; entries are unicast");
        }
        if (bridgeOf.get(iface.swIfIndex()) != bd) {
            throw new L2Exception("l2fib: " + iface.name() + " is not a member of bridge domain " + id);
        }
        if (!fib.put(L2Fib.key(bd.index(), mac), L2Fib.result(iface.swIfIndex(), isStatic, nowSeconds()))) {
            throw new L2Exception("l2fib is full (" + fib.limit() + " entries)");
        }
    }

    /**
     * Removes the L2 FIB entry of {@code mac} in bridge domain {@code id}.
     *
     * @throws L2Exception if the bridge domain or the entry does not exist
     */
    public synchronized void deleteEntry(long mac, int id) {
        BridgeDomain bd = get(id);
        if (!fib.remove(L2Fib.key(bd.index(), mac))) {
            throw new L2Exception("l2fib: no entry for " + MacAddress.format(mac) + " in bridge domain " + id);
        }
    }

    /** Removes every learnt entry ({@code clear l2fib}); static ones stay, as in VPP. Returns how many went. */
    public synchronized int clearLearnt() {
        return fib.removeIf((key, result) -> !L2Fib.isStatic(result));
    }

    /**
     * Removes the learnt entries of bridge domain {@code id}; static ones stay. Returns how many went.
     *
     * @throws L2Exception if there is no such bridge domain
     */
    public synchronized int clearLearnt(int id) {
        int index = get(id).index();
        return fib.removeIf((key, result) -> L2Fib.bdIndex(key) == index && !L2Fib.isStatic(result));
    }

    /** Removes the entries learnt on {@code iface}; static ones stay. Returns how many went. */
    public synchronized int clearLearnt(SwInterface iface) {
        int sw = iface.swIfIndex();
        return fib.removeIf((key, result) -> L2Fib.swIfIndex(result) == sw && !L2Fib.isStatic(result));
    }

    /**
     * One scan of the ager: removes the learnt entries not seen for their bridge's
     * {@code mac-age} minutes; bridges with ageing off keep theirs, and static entries stay. The
     * table is read with the workers running, and they are stopped only when there is something
     * to remove. Main thread.
     *
     * @return how many went
     * @throws io.vecta.runtime.threads.BarrierTimeoutException if the workers did not stop
     */
    public int ageOut(WorkersStopped workersStopped) {
        long start = System.nanoTime();
        L2Fib.EntryFilter aged = agedBy(nowSeconds());
        int[] removed = {0};
        if (aged != null && fib.count(aged) > 0) {
            workersStopped.run(() -> removed[0] = fib.removeIf(aged));
        }
        synchronized (this) {
            ageScans++;
            agedOut += removed[0];
            lastScanNanos = System.nanoTime() - start;
        }
        return removed[0];
    }

    /** Which entries are past their bridge's age at {@code now} seconds; null if no bridge ages. */
    private synchronized L2Fib.EntryFilter agedBy(long now) {
        int[] ageSeconds = new int[indices.length()];
        boolean any = false;
        for (BridgeDomain bd : byId.values()) {
            ageSeconds[bd.index()] = bd.macAgeMinutes() * 60;
            any |= bd.macAgeMinutes() != 0;
        }
        if (!any) {
            return null;
        }
        return (key, result) -> {
            int bd = L2Fib.bdIndex(key);
            int age = bd < ageSeconds.length ? ageSeconds[bd] : 0;
            return age != 0 && !L2Fib.isStatic(result) && now - L2Fib.seenSeconds(result) >= age;
        };
    }

    /** Scans the ager has made ({@code show l2fib}). */
    public synchronized long ageScans() {
        return ageScans;
    }

    /** Learnt entries the ager has removed, over all its scans. */
    public synchronized long agedOut() {
        return agedOut;
    }

    /** How long the ager's last scan took, in nanoseconds (VPP's "Last scan time"). */
    public synchronized long lastScanNanos() {
        return lastScanNanos;
    }

    private void checkSwitchable(SwInterface iface) {
        if (iface.swIfIndex() == InterfaceTable.LOCAL0) {
            throw new L2Exception("local0 cannot switch frames: it has no device");
        }
        interfaces.get(iface.swIfIndex()); // throws for a deleted interface
    }

    private static void checkId(int id) {
        if (id < 1 || id > MAX_ID) {
            throw new L2Exception("bridge domain id " + id + ": must be 1 to " + MAX_ID);
        }
    }

    private void publish() {
        int size = interfaces.size();
        int[] bdIndexOf = new int[size];
        int[] shgOf = new int[size];
        int[] xconnectTo = new int[size];
        boolean[] isBvi = new boolean[size];
        Arrays.fill(xconnectTo, L2Tables.NO_XCONNECT);
        int bdSlots = indices.length();
        int[] flags = new int[bdSlots];
        int[][] members = new int[bdSlots][0];
        int[][] shgs = new int[bdSlots][0];
        for (BridgeDomain bd : byId.values()) {
            int i = bd.index();
            flags[i] = (bd.learn() ? L2Tables.LEARN : 0) | (bd.forward() ? L2Tables.FORWARD : 0)
                    | (bd.flood() ? L2Tables.FLOOD : 0) | (bd.uuFlood() ? L2Tables.UU_FLOOD : 0)
                    | (bd.arpTerm() ? L2Tables.ARP_TERM : 0);
            List<BridgeDomain.Member> list = bd.mutableMembers();
            members[i] = new int[list.size()];
            shgs[i] = new int[list.size()];
            for (int m = 0; m < list.size(); m++) {
                BridgeDomain.Member member = list.get(m);
                members[i][m] = member.swIfIndex();
                shgs[i][m] = member.shg();
                if (member.swIfIndex() < size) {
                    bdIndexOf[member.swIfIndex()] = i;
                    shgOf[member.swIfIndex()] = member.shg();
                    isBvi[member.swIfIndex()] = member.bvi();
                }
            }
        }
        for (Map.Entry<Integer, Integer> x : xconnects.entrySet()) {
            xconnectTo[x.getKey()] = x.getValue();
        }
        tables = new L2Tables(bdIndexOf, shgOf, xconnectTo, isBvi, flags, members, shgs);
    }
}
