package io.vecta.runtime.fib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IPv4 forwarding state (VPP's IPv4 FIB): tables by id, the load-balances and adjacencies they
 * forward through, the table each interface is in, and the neighbours ARP has found.
 *
 * <pre>
 *   ip4-lookup:  lb = fib.lookup(fib.fibIndexOf(rx sw_if_index), dst)
 *                bucket = loadBalances().bucket(lb, flowHash)      (flow hash only if buckets > 1)
 *                DpoKind.of(bucket) ─▶ drop | ip4-local | ip4-arp | ip4-glean | ip4-rewrite
 *   ip4-rewrite: adjacencies().writeRewrite(DpoKind.index(bucket), packet, offset)
 * </pre>
 *
 * <p>Every new table holds, as VPP's do: 0.0.0.0/0 (the default route, drop), 0.0.0.0/32,
 * 224.0.0.0/4, 240.0.0.0/4 and 255.255.255.255/32 (drop). An interface address
 * {@code 10.0.0.1/24} adds the connected subnet 10.0.0.0/24 (glean), the address 10.0.0.1/32
 * (receive), and the subnet's network and broadcast /32s (drop). A deleted prefix gives its
 * addresses back to the longest prefix that covers it.
 *
 * <p>Threads: every method but the lookups belongs to the main thread, called while the workers
 * wait at the barrier (VPP's rule for FIB changes); the lookups and the pools' readers take no
 * lock and allocate nothing. The mtrie alone would also tolerate readers during updates (see
 * {@link Ip4Mtrie}); the pools grow by copying and need the barrier.
 */
public final class Ip4Fib {

    private static final int DROP_BUCKET = DpoKind.DROP.bucket(0);
    private static final Ip4Prefix[] SPECIAL_DROPS = {Ip4Prefix.parse("0.0.0.0/32"), Ip4Prefix.parse("224.0.0.0/4"),
        Ip4Prefix.parse("240.0.0.0/4"), Ip4Prefix.parse("255.255.255.255/32")};

    private final FibInterfaces interfaces;
    private final int initialPlies;
    private final Adjacencies adjacencies;
    private final LoadBalances loadBalances = new LoadBalances();
    private final Map<Integer, Ip4FibTable> byTableId = new HashMap<>();
    private final List<Ip4FibTable> byFibIndex = new ArrayList<>();
    private int[] fibIndexBySwIfIndex = new int[0];
    private final Map<Long, Long> neighbourMacs = new HashMap<>();
    private final Map<Integer, List<int[]>> interfaceAddresses = new HashMap<>();
    private int nextEntryIndex;
    private int nextPathList;
    private int nextPath;

    /** A FIB with table 0, whose tables' mtries start with room for {@code initialPlies} plies. */
    public Ip4Fib(FibInterfaces interfaces, int initialPlies) {
        this.interfaces = interfaces;
        this.initialPlies = initialPlies;
        this.adjacencies = new Adjacencies(interfaces);
        createTable(0);
    }

    /** A FIB with table 0. */
    public Ip4Fib(FibInterfaces interfaces) {
        this(interfaces, 64);
    }

    // ---- what nodes read -----------------------------------------------------------------

    /** The load-balance for {@code address} in the table at {@code fibIndex}. */
    public int lookup(int fibIndex, int address) {
        return byFibIndex.get(fibIndex).lookup(address);
    }

    /** The table at {@code fibIndex}, for a node to keep. */
    public Ip4FibTable tableAt(int fibIndex) {
        return byFibIndex.get(fibIndex);
    }

    /** The fib index of the table interface {@code swIfIndex} is in (0 unless bound elsewhere). */
    public int fibIndexOf(int swIfIndex) {
        int[] bySw = fibIndexBySwIfIndex;
        return swIfIndex < bySw.length ? bySw[swIfIndex] : 0;
    }

    /** The load-balance pool. */
    public LoadBalances loadBalances() {
        return loadBalances;
    }

    /** The adjacency pool. */
    public Adjacencies adjacencies() {
        return adjacencies;
    }

    // ---- tables --------------------------------------------------------------------------

    /** Table {@code tableId}, created (with its default drops) if it does not exist; its fib index. */
    public int createTable(int tableId) {
        Ip4FibTable existing = byTableId.get(tableId);
        if (existing != null) {
            return existing.fibIndex();
        }
        int drop = loadBalances.create(new int[] {DROP_BUCKET}, Ip4FlowHash.DEFAULT);
        Ip4FibTable table = new Ip4FibTable(tableId, byFibIndex.size(), drop, initialPlies);
        byTableId.put(tableId, table);
        byFibIndex.add(table);
        FibEntry defaultRoute = new FibEntry(Ip4Prefix.DEFAULT, nextEntryIndex++);
        defaultRoute.loadBalance = drop;
        defaultRoute.sources.put(FibSource.DEFAULT_ROUTE, List.of(FibPath.drop()));
        table.entries.put(Ip4Prefix.DEFAULT, defaultRoute);
        resolve(table, defaultRoute);
        for (Ip4Prefix special : SPECIAL_DROPS) {
            addRoute(table, special, FibSource.SPECIAL, List.of(FibPath.drop()));
        }
        return table.fibIndex();
    }

    /** Table {@code tableId}. */
    public Ip4FibTable table(int tableId) {
        Ip4FibTable table = byTableId.get(tableId);
        if (table == null) {
            throw new IllegalArgumentException("ip4 fib: no table " + tableId + " (tables: "
                    + byTableId.keySet().stream().sorted().toList() + ")");
        }
        return table;
    }

    /** Table {@code tableId}, if it exists. */
    public Optional<Ip4FibTable> findTable(int tableId) {
        return Optional.ofNullable(byTableId.get(tableId));
    }

    /** The tables, by fib index. */
    public List<Ip4FibTable> tables() {
        return List.copyOf(byFibIndex);
    }

    /** Sets the fields that table {@code tableId} hashes to pick among paths ({@link Ip4FlowHash} bits). */
    public void setFlowHash(int tableId, int config) {
        Ip4FibTable table = table(tableId);
        table.setFlowHashConfig(config);
        for (FibEntry entry : table.entries.values()) {
            resolve(table, entry);
        }
    }

    /** Puts interface {@code swIfIndex} in table {@code tableId} (which must exist). */
    public void bindInterface(int swIfIndex, int tableId) {
        if (swIfIndex < 0) {
            throw new IllegalArgumentException("ip4 fib: sw_if_index " + swIfIndex);
        }
        int fibIndex = table(tableId).fibIndex();
        if (swIfIndex >= fibIndexBySwIfIndex.length) {
            fibIndexBySwIfIndex = Arrays.copyOf(fibIndexBySwIfIndex, Math.max(swIfIndex + 1,
                    fibIndexBySwIfIndex.length * 2));
        }
        fibIndexBySwIfIndex[swIfIndex] = fibIndex;
    }

    // ---- routes --------------------------------------------------------------------------

    /** Adds (or replaces) the API's route to {@code prefix} in table {@code tableId} over {@code paths}. */
    public void addRoute(int tableId, Ip4Prefix prefix, List<FibPath> paths) {
        addRoute(tableId, prefix, FibSource.API, paths);
    }

    /** Adds (or replaces) {@code source}'s route to {@code prefix} in table {@code tableId}. */
    public void addRoute(int tableId, Ip4Prefix prefix, FibSource source, List<FibPath> paths) {
        if (source == FibSource.DEFAULT_ROUTE) {
            throw new IllegalArgumentException("ip4 fib: the default-route source belongs to the table");
        }
        addRoute(table(tableId), prefix, source, paths);
    }

    /** Deletes the API's route to {@code prefix} in table {@code tableId}; false if it had none. */
    public boolean delRoute(int tableId, Ip4Prefix prefix) {
        return delRoute(tableId, prefix, FibSource.API);
    }

    /** Deletes {@code source}'s route to {@code prefix}; false if it had none. */
    public boolean delRoute(int tableId, Ip4Prefix prefix, FibSource source) {
        if (source == FibSource.DEFAULT_ROUTE) {
            throw new IllegalArgumentException("ip4 fib: the default route's drop cannot be deleted");
        }
        return delRoute(table(tableId), prefix, source);
    }

    /**
     * Gives interface {@code swIfIndex} the address {@code address/length}: its connected subnet,
     * its own /32 and, for subnets of 4 addresses or more, the network and broadcast /32s, in the
     * interface's table.
     */
    public void addInterfaceAddress(int swIfIndex, int address, int length) {
        Ip4Prefix subnet = new Ip4Prefix(address, length);
        Ip4FibTable table = byFibIndex.get(fibIndexOf(swIfIndex));
        List<int[]> addresses = interfaceAddresses.computeIfAbsent(swIfIndex, k -> new ArrayList<>());
        for (int[] existing : addresses) {
            if (existing[0] == address) {
                throw new IllegalArgumentException("ip4 fib: " + interfaces.name(swIfIndex) + " already has "
                        + Ip4Prefix.formatAddress(address) + "/" + existing[1]);
            }
        }
        addresses.add(new int[] {address, length});
        if (length < 32) {
            addRoute(table, subnet, FibSource.INTERFACE, List.of(FibPath.attached(swIfIndex)));
        }
        addRoute(table, new Ip4Prefix(address, 32), FibSource.INTERFACE, List.of(FibPath.receive(address, swIfIndex)));
        if (length <= 30) {
            addRoute(table, new Ip4Prefix(subnet.address(), 32), FibSource.INTERFACE, List.of(FibPath.drop()));
            addRoute(table, new Ip4Prefix(subnet.address() | (-1 >>> length), 32), FibSource.INTERFACE,
                    List.of(FibPath.drop()));
        }
    }

    /** Takes {@code address/length} off interface {@code swIfIndex}, with the prefixes it added. */
    public void delInterfaceAddress(int swIfIndex, int address, int length) {
        List<int[]> addresses = interfaceAddresses.getOrDefault(swIfIndex, List.of());
        boolean removed = addresses.removeIf(existing -> existing[0] == address && existing[1] == length);
        if (!removed) {
            throw new IllegalArgumentException("ip4 fib: " + interfaces.name(swIfIndex) + " has no address "
                    + Ip4Prefix.formatAddress(address) + "/" + length);
        }
        Ip4FibTable table = byFibIndex.get(fibIndexOf(swIfIndex));
        Ip4Prefix subnet = new Ip4Prefix(address, length);
        if (length <= 30) {
            delRoute(table, new Ip4Prefix(subnet.address(), 32), FibSource.INTERFACE);
            delRoute(table, new Ip4Prefix(subnet.address() | (-1 >>> length), 32), FibSource.INTERFACE);
        }
        delRoute(table, new Ip4Prefix(address, 32), FibSource.INTERFACE);
        if (length < 32) {
            delRoute(table, subnet, FibSource.INTERFACE);
        }
    }

    // ---- neighbours ----------------------------------------------------------------------

    /** The MAC of neighbour {@code address} on {@code swIfIndex} (ARP's answer, or a static entry). */
    public void setNeighbour(int swIfIndex, int address, long mac) {
        neighbourMacs.put(neighbourKey(swIfIndex, address), mac);
        int adj = adjacencies.findNeighbour(swIfIndex, address);
        if (adj >= 0) {
            int before = adjacencies.bucket(adj);
            adjacencies.complete(adj, mac);
            loadBalances.replaceBucket(before, adjacencies.bucket(adj));
        }
    }

    /** Forgets neighbour {@code address} on {@code swIfIndex}: routes through it ARP again. */
    public void delNeighbour(int swIfIndex, int address) {
        neighbourMacs.remove(neighbourKey(swIfIndex, address));
        int adj = adjacencies.findNeighbour(swIfIndex, address);
        if (adj >= 0) {
            int before = adjacencies.bucket(adj);
            adjacencies.incomplete(adj);
            loadBalances.replaceBucket(before, adjacencies.bucket(adj));
        }
    }

    /** Interface {@code swIfIndex}'s MAC address or MTU changed: its adjacencies take the new ones. */
    public void interfaceChanged(int swIfIndex) {
        adjacencies.interfaceChanged(swIfIndex);
    }

    /**
     * Lets the tables reuse the plies their deletes unlinked; call it when no worker can still
     * be inside a lookup that started before those deletes (see {@link Ip4Mtrie}).
     */
    public void reclaimRetiredPlies() {
        for (Ip4FibTable table : byFibIndex) {
            table.mtrie().reclaimRetiredPlies();
        }
    }

    /** Interface names, MACs and MTUs, as the FIB was given them. */
    public FibInterfaces interfaces() {
        return interfaces;
    }

    // ---- the work ------------------------------------------------------------------------

    private void addRoute(Ip4FibTable table, Ip4Prefix prefix, FibSource source, List<FibPath> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("ipv4-VRF:" + table.tableId() + " " + prefix + ": a route needs a path");
        }
        if (paths.size() > LoadBalances.MAX_BUCKETS) {
            throw new IllegalArgumentException("ipv4-VRF:" + table.tableId() + " " + prefix + ": " + paths.size()
                    + " paths (at most " + LoadBalances.MAX_BUCKETS + ")");
        }
        FibEntry entry = table.entries.get(prefix);
        boolean created = entry == null;
        if (created) {
            entry = new FibEntry(prefix, nextEntryIndex++);
        }
        entry.sources.put(source, List.copyOf(paths));
        if (created) {
            table.entries.put(prefix, entry);
        }
        resolve(table, entry);
        if (created) {
            table.mtrie().add(prefix.address(), prefix.length(), entry.loadBalance);
        }
    }

    private boolean delRoute(Ip4FibTable table, Ip4Prefix prefix, FibSource source) {
        FibEntry entry = table.entries.get(prefix);
        if (entry == null || entry.sources.remove(source) == null) {
            return false;
        }
        if (!entry.sources.isEmpty()) {
            resolve(table, entry);
            return true;
        }
        table.entries.remove(prefix);
        FibEntry cover = table.longestMatch(prefix.address(), prefix.length() - 1);
        table.mtrie().remove(prefix.address(), prefix.length(), entry.loadBalance, cover.prefix.length(),
                cover.loadBalance);
        loadBalances.free(entry.loadBalance);
        for (int adj : entry.heldAdjacencies) {
            adjacencies.unlock(adj);
        }
        return true;
    }

    /** Points the entry's load-balance at its best source's paths. */
    private void resolve(Ip4FibTable table, FibEntry entry) {
        List<FibPath> paths = entry.sources.get(entry.best());
        int[] weights = new int[paths.size()];
        int[] pathBuckets = new int[paths.size()];
        int[] held = new int[paths.size()];
        int heldCount = 0;
        for (int i = 0; i < paths.size(); i++) {
            FibPath path = paths.get(i);
            weights[i] = path.weight();
            switch (path.kind()) {
                case DROP -> pathBuckets[i] = DROP_BUCKET;
                case RECEIVE -> pathBuckets[i] = DpoKind.RECEIVE.bucket(path.swIfIndex());
                case ATTACHED -> {
                    int adj = adjacencies.lockGlean(path.swIfIndex(), entry.prefix.address(), entry.prefix.length());
                    held[heldCount++] = adj;
                    pathBuckets[i] = adjacencies.bucket(adj);
                }
                case ATTACHED_NEXT_HOP -> {
                    int adj = adjacencies.lockNeighbour(path.swIfIndex(), path.nextHop());
                    Long mac = neighbourMacs.get(neighbourKey(path.swIfIndex(), path.nextHop()));
                    if (mac != null && !adjacencies.isComplete(adj)) {
                        adjacencies.complete(adj, mac);
                    }
                    held[heldCount++] = adj;
                    pathBuckets[i] = adjacencies.bucket(adj);
                }
            }
        }
        int[] shares = LoadBalances.bucketShares(weights);
        int count = 0;
        for (int share : shares) {
            count += share;
        }
        int[] buckets = new int[count];
        for (int i = 0, at = 0; i < shares.length; i++) {
            Arrays.fill(buckets, at, at + shares[i], pathBuckets[i]);
            at += shares[i];
        }
        if (entry.loadBalance < 0) {
            entry.loadBalance = loadBalances.create(buckets, table.flowHashConfig());
        } else {
            loadBalances.update(entry.loadBalance, buckets, table.flowHashConfig());
        }
        for (int adj : entry.heldAdjacencies) {
            adjacencies.unlock(adj);
        }
        entry.heldAdjacencies = Arrays.copyOf(held, heldCount);
        entry.pathList = nextPathList++;
        entry.firstPath = nextPath;
        nextPath += paths.size();
    }

    private static long neighbourKey(int swIfIndex, int address) {
        return ((long) swIfIndex << 32) | (address & 0xffff_ffffL);
    }
}
