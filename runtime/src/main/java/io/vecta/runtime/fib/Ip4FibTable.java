package io.vecta.runtime.fib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One IPv4 table (a VRF): its prefixes and the mtrie that forwards by them. Built and changed
 * through {@link Ip4Fib}; nodes only {@link #lookup}.
 */
public final class Ip4FibTable {

    private final int tableId;
    private final int fibIndex;
    private final Ip4Mtrie mtrie;
    private int flowHashConfig = Ip4FlowHash.DEFAULT;
    final Map<Ip4Prefix, FibEntry> entries = new HashMap<>();

    Ip4FibTable(int tableId, int fibIndex, int defaultLoadBalance, int initialPlies) {
        this.tableId = tableId;
        this.fibIndex = fibIndex;
        this.mtrie = new Ip4Mtrie("ipv4-VRF:" + tableId, defaultLoadBalance, initialPlies);
    }

    /** The load-balance index of the longest prefix holding {@code address}. */
    public int lookup(int address) {
        return mtrie.lookup(address);
    }

    /** Looks up a vector of addresses into load-balance indices. */
    public void lookup(int[] addresses, int[] loadBalances, int count) {
        mtrie.lookup(addresses, loadBalances, count);
    }

    /** The table's id (VPP's VRF id, {@code ip table add ID}). */
    public int tableId() {
        return tableId;
    }

    /** The table's index among the tables ({@code fib_index}). */
    public int fibIndex() {
        return fibIndex;
    }

    /** The fields its load-balances hash ({@link Ip4FlowHash} bits). */
    public int flowHashConfig() {
        return flowHashConfig;
    }

    void setFlowHashConfig(int config) {
        flowHashConfig = config;
    }

    /** The table's mtrie, for its size. */
    public Ip4Mtrie mtrie() {
        return mtrie;
    }

    /** Prefixes in the table, the default route included. */
    public int size() {
        return entries.size();
    }

    /** The prefixes of the table in address order, the default route first. */
    public List<Ip4Prefix> prefixes() {
        return List.copyOf(new TreeSet<>(entries.keySet()));
    }

    /** Whether the table holds exactly {@code prefix}. */
    public boolean contains(Ip4Prefix prefix) {
        return entries.containsKey(prefix);
    }

    /** The load-balance of {@code prefix}, or -1 when the table does not hold it. */
    public int loadBalanceOf(Ip4Prefix prefix) {
        FibEntry entry = entries.get(prefix);
        return entry == null ? -1 : entry.loadBalance;
    }

    /** The longest prefix of the table that covers {@code prefix} (itself if present). */
    public Ip4Prefix longestMatch(Ip4Prefix prefix) {
        return longestMatch(prefix.address(), prefix.length()).prefix;
    }

    /** The sources that gave {@code prefix} paths, best first; empty when absent. */
    public List<FibSource> sourcesOf(Ip4Prefix prefix) {
        FibEntry entry = entries.get(prefix);
        return entry == null ? List.of() : new ArrayList<>(entry.sources.keySet());
    }

    /** The paths {@code source} gave {@code prefix}; empty when none. */
    public List<FibPath> pathsOf(Ip4Prefix prefix, FibSource source) {
        FibEntry entry = entries.get(prefix);
        List<FibPath> paths = entry == null ? null : entry.sources.get(source);
        return paths == null ? List.of() : paths;
    }

    /** The entry of the longest prefix no longer than {@code maxLength} holding {@code address}. */
    FibEntry longestMatch(int address, int maxLength) {
        for (int length = maxLength; length >= 0; length--) {
            FibEntry entry = entries.get(new Ip4Prefix(address, length));
            if (entry != null) {
                return entry;
            }
        }
        throw new IllegalStateException("ipv4-VRF:" + tableId + ": the default route is missing");
    }
}
