package io.vecta.runtime.ip;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceListener;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The IPv4 addresses of each interface ({@code set interface ip address}), VPP's
 * {@code ip_interface_address} pool. An interface may hold several; two interfaces may not
 * hold overlapping subnets, as VPP refuses them, since a connected prefix can lead to one
 * interface only.
 *
 * <p>Changed on the main thread; the dataplane reads {@link #byInterface()}, an array published
 * whole on every change. {@link Ip4AddressListener}s hear of every change: the FIB subscribes
 * to add the connected and receive prefixes.
 */
public final class Ip4InterfaceAddresses {

    private static final Ip4Prefix[] NONE = new Ip4Prefix[0];

    private final InterfaceTable table;
    private final List<Ip4AddressListener> listeners = new CopyOnWriteArrayList<>();
    private final List<List<Ip4Prefix>> addresses = new ArrayList<>();
    private volatile Ip4Prefix[][] byInterface = new Ip4Prefix[0][];

    private Ip4InterfaceAddresses(Graph graph) {
        this.table = InterfaceTable.of(graph);
        table.addListener(new InterfaceListener() {
            @Override
            public void deleted(SwInterface iface) {
                forget(iface);
            }
        });
    }

    /** The addresses of {@code graph}'s interfaces. */
    public static Ip4InterfaceAddresses of(Graph graph) {
        return graph.service(Ip4InterfaceAddresses.class, Ip4InterfaceAddresses::new);
    }

    /** Tells {@code listener} of every later change. */
    public void addListener(Ip4AddressListener listener) {
        listeners.add(listener);
    }

    /**
     * Gives {@code iface} the address {@code address}.
     *
     * @throws InterfaceException if it has it already, or the subnet overlaps one of another
     *                            interface
     */
    public void add(SwInterface iface, Ip4Prefix address) {
        synchronized (this) {
            List<Ip4Prefix> mine = slot(iface.swIfIndex());
            if (mine.contains(address)) {
                throw new InterfaceException(iface.name() + " has " + address + " already");
            }
            for (int sw = 0; sw < addresses.size(); sw++) {
                if (sw == iface.swIfIndex()) {
                    continue;
                }
                for (Ip4Prefix other : addresses.get(sw)) {
                    if (overlap(address, other)) {
                        throw new InterfaceException("failed to add " + address + " on " + iface.name()
                                + ", which conflicts with " + other + " of " + table.nameOf(sw));
                    }
                }
            }
            mine.add(address);
            publish();
        }
        for (Ip4AddressListener listener : listeners) {
            listener.added(iface, address);
        }
    }

    /**
     * Takes {@code address} from {@code iface}.
     *
     * @throws InterfaceException if it does not have it
     */
    public void remove(SwInterface iface, Ip4Prefix address) {
        synchronized (this) {
            if (!slot(iface.swIfIndex()).remove(address)) {
                throw new InterfaceException(iface.name() + " does not have " + address + "; it has "
                        + of(iface));
            }
            publish();
        }
        for (Ip4AddressListener listener : listeners) {
            listener.removed(iface, address);
        }
    }

    /** The addresses of {@code iface}, oldest first. */
    public synchronized List<Ip4Prefix> of(SwInterface iface) {
        int sw = iface.swIfIndex();
        return sw < addresses.size() ? List.copyOf(addresses.get(sw)) : List.of();
    }

    /**
     * The address of {@code iface} whose subnet holds {@code destination}, the source to use
     * towards it (VPP's {@code ip4_interface_address_matching_destination}); null if none does.
     */
    public Ip4Prefix matching(int swIfIndex, int destination) {
        Ip4Prefix[][] now = byInterface;
        if (swIfIndex < 0 || swIfIndex >= now.length) {
            return null;
        }
        for (Ip4Prefix address : now[swIfIndex]) {
            if (address.contains(destination)) {
                return address;
            }
        }
        return null;
    }

    /**
     * The interface with a connected subnet holding {@code address}, the lowest {@code sw_if_index}
     * first; -1 if none does. A route's next hop given without an interface leaves by it.
     */
    public int connectedInterface(int address) {
        Ip4Prefix[][] now = byInterface;
        for (int sw = 0; sw < now.length; sw++) {
            if (matching(sw, address) != null) {
                return sw;
            }
        }
        return -1;
    }

    /** By {@code sw_if_index}: its addresses (an empty array for none). Read once per frame. */
    public Ip4Prefix[][] byInterface() {
        return byInterface;
    }

    private void forget(SwInterface iface) {
        List<Ip4Prefix> gone;
        synchronized (this) {
            int sw = iface.swIfIndex();
            if (sw >= addresses.size() || addresses.get(sw).isEmpty()) {
                return;
            }
            gone = List.copyOf(addresses.get(sw));
            addresses.get(sw).clear();
            publish();
        }
        for (Ip4Prefix address : gone) {
            for (Ip4AddressListener listener : listeners) {
                listener.removed(iface, address);
            }
        }
    }

    private List<Ip4Prefix> slot(int sw) {
        while (addresses.size() <= sw) {
            addresses.add(new ArrayList<>());
        }
        return addresses.get(sw);
    }

    private static boolean overlap(Ip4Prefix a, Ip4Prefix b) {
        int shorter = Math.min(a.length(), b.length());
        int mask = shorter == 0 ? 0 : -1 << (32 - shorter);
        return (a.address() & mask) == (b.address() & mask);
    }

    private void publish() {
        Ip4Prefix[][] now = new Ip4Prefix[addresses.size()][];
        Arrays.fill(now, NONE);
        for (int sw = 0; sw < now.length; sw++) {
            if (!addresses.get(sw).isEmpty()) {
                now[sw] = addresses.get(sw).toArray(NONE);
            }
        }
        byInterface = now;
    }
}
