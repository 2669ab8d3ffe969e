package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeState;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.fib.FibInterfaces;
import io.vecta.runtime.fib.FibPath;
import io.vecta.runtime.fib.FibSource;
import io.vecta.runtime.fib.Ip4Fib;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceListener;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4AddressListener;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.runtime.neighbor.Ip4Neighbor;
import io.vecta.runtime.neighbor.Ip4NeighborListener;
import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The graph's IPv4 forwarding state: its {@link Ip4Fib}, told of the interfaces' names, MACs and
 * MTUs by the {@link InterfaceTable}, of their addresses (connected subnets, receive /32s) by
 * {@link Ip4InterfaceAddresses}, and of the neighbours ARP learns or {@code set ip neighbor} sets
 * by the {@link Ip4NeighborTable}. The ip4 nodes read the FIB; it changes on the main thread.
 *
 * <pre>
 *   set interface ip address ──▶ Ip4InterfaceAddresses ──listener──▶ fib.addInterfaceAddress
 *   set ip neighbor (main)   ──▶ Ip4NeighborTable ──listener──▶ fib.setNeighbour, at once
 *   arp-input (any thread)   ──▶ Ip4NeighborTable ──listener──▶ queue ──ip4-neighbor-sync (main)──▶ fib
 * </pre>
 *
 * A neighbour learnt on a dataplane thread reaches the FIB through a queue that the main thread's
 * {@code ip4-neighbor-sync} node drains between frames (VPP sends such updates to its main
 * thread as an RPC), since FIB changes belong to the main thread. The node is an interrupt-mode
 * input node: the queue's first entry interrupts it, so it costs nothing while nothing is learnt. Addresses and neighbours that
 * exist before the FIB is first asked for are replayed into it when it is made.
 */
public final class Ip4Forwarding {

    /** A neighbour change waiting for the main thread: a MAC, or {@code -1} for removed. */
    private record NeighbourChange(int swIfIndex, int ip, long mac) {
    }

    private final Ip4Fib fib;
    private final Ip4InterfaceAddresses addresses;
    private final Queue<NeighbourChange> learnt = new ConcurrentLinkedQueue<>();
    private volatile boolean anyLearnt;
    private volatile ThreadRuntime mainThread;
    private volatile int syncNode = -1;

    private Ip4Forwarding(Graph graph) {
        InterfaceTable interfaces = InterfaceTable.of(graph);
        this.fib = new Ip4Fib(new FibInterfaces() {
            @Override
            public String name(int swIfIndex) {
                return interfaces.nameOf(swIfIndex);
            }

            @Override
            public long mac(int swIfIndex) {
                return interfaces.get(swIfIndex).mac();
            }

            @Override
            public int mtu(int swIfIndex) {
                return interfaces.get(swIfIndex).mtu();
            }

            @Override
            public int outerVlan(int swIfIndex) {
                int vlan = interfaces.get(swIfIndex).outerVlan();
                return vlan == SwInterface.NO_VLAN ? NO_VLAN : vlan;
            }
        });
        if (graph.hasNode(Ip4Rewrite.NODE) && graph.hasNode(Ip4Glean.NODE)) {
            fib.adjacencies().setNexts(graph.addNext(graph.node(Ip4Rewrite.NODE).index(), InterfaceTable.OUTPUT_NODE),
                    graph.addNext(graph.node(Ip4Glean.NODE).index(), InterfaceTable.OUTPUT_NODE));
        }
        interfaces.addListener(new InterfaceListener() {
            @Override
            public void macChanged(SwInterface iface) {
                fib.interfaceChanged(iface.swIfIndex());
                for (SwInterface sub : interfaces.subInterfaces(iface)) {
                    fib.interfaceChanged(sub.swIfIndex());
                }
            }

            @Override
            public void mtuChanged(SwInterface iface) {
                fib.interfaceChanged(iface.swIfIndex());
            }
        });
        this.addresses = Ip4InterfaceAddresses.of(graph);
        for (SwInterface iface : interfaces.all()) {
            for (Ip4Prefix address : addresses.of(iface)) {
                fib.addInterfaceAddress(iface.swIfIndex(), address.address(), address.length());
            }
        }
        addresses.addListener(new Ip4AddressListener() {
            @Override
            public void added(SwInterface iface, Ip4Prefix address) {
                fib.addInterfaceAddress(iface.swIfIndex(), address.address(), address.length());
            }

            @Override
            public void removed(SwInterface iface, Ip4Prefix address) {
                fib.delInterfaceAddress(iface.swIfIndex(), address.address(), address.length());
            }
        });
        Ip4NeighborTable neighbours = Ip4NeighborTable.of(graph);
        neighbours.addListener(new Ip4NeighborListener() {
            @Override
            public void updated(Ip4Neighbor neighbour, boolean onMainThread) {
                change(new NeighbourChange(neighbour.swIfIndex(), neighbour.ip(), neighbour.mac()), onMainThread);
            }

            @Override
            public void removed(int swIfIndex, int ip, boolean onMainThread) {
                change(new NeighbourChange(swIfIndex, ip, -1), onMainThread);
            }
        });
        for (Ip4Neighbor neighbour : neighbours.all()) {
            apply(new NeighbourChange(neighbour.swIfIndex(), neighbour.ip(), neighbour.mac()));
        }
    }

    /**
     * Sets {@code ip4-neighbor-sync} of {@code thread} to wait for interrupts on the main thread,
     * and off elsewhere; every thread runtime of a graph that holds the node comes here once.
     */
    public static void attach(ThreadRuntime thread) {
        Graph graph = thread.graph();
        if (!graph.hasNode(Ip4NeighborSync.NODE)) {
            return;
        }
        if (thread.threadIndex() != 0) {
            thread.node(Ip4NeighborSync.NODE).setState(NodeState.DISABLED);
            return;
        }
        Ip4Forwarding forwarding = of(graph);
        thread.node(Ip4NeighborSync.NODE).setState(NodeState.INTERRUPT);
        forwarding.syncNode = graph.node(Ip4NeighborSync.NODE).index();
        forwarding.mainThread = thread;
        if (forwarding.anyLearnt) {
            thread.interrupt(forwarding.syncNode);
        }
    }

    /** The forwarding state of {@code graph}, made on first use. */
    public static Ip4Forwarding of(Graph graph) {
        return graph.service(Ip4Forwarding.class, Ip4Forwarding::new);
    }

    /** The FIB. */
    public Ip4Fib fib() {
        return fib;
    }

    private void change(NeighbourChange change, boolean onMainThread) {
        if (onMainThread) {
            applyLearnt();
            apply(change);
        } else {
            learnt.add(change);
            anyLearnt = true;
            ThreadRuntime main = mainThread;
            if (main != null) {
                main.interrupt(syncNode);
            }
        }
    }

    /** Whether neighbours learnt on dataplane threads wait for the main thread: one volatile read. */
    boolean anyLearnt() {
        return anyLearnt;
    }

    /** On the main thread: gives the FIB the neighbours learnt since the last call; how many. */
    int applyLearnt() {
        anyLearnt = false;
        int applied = 0;
        for (NeighbourChange change; (change = learnt.poll()) != null; applied++) {
            apply(change);
        }
        return applied;
    }

    /**
     * Gives the FIB a neighbour's MAC (or takes it away) and, for a neighbour in a connected
     * subnet of its interface, its own /32 (VPP's adj-fib), so packets to it rewrite rather than glean.
     */
    private void apply(NeighbourChange change) {
        int sw = change.swIfIndex();
        io.vecta.runtime.fib.Ip4Prefix host = new io.vecta.runtime.fib.Ip4Prefix(change.ip(), 32);
        int tableId = fib.tableAt(fib.fibIndexOf(sw)).tableId();
        if (change.mac() < 0) {
            fib.delRoute(tableId, host, FibSource.ADJACENCY);
            fib.delNeighbour(sw, change.ip());
            return;
        }
        fib.setNeighbour(sw, change.ip(), change.mac());
        if (addresses.matching(sw, change.ip()) != null) {
            fib.addRoute(tableId, host, FibSource.ADJACENCY, List.of(FibPath.via(change.ip(), sw)));
        }
    }
}
