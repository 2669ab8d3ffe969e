package io.vecta.runtime.interfaces;

import io.vecta.runtime.graph.Graph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The graph's interfaces, by {@code sw_if_index} (VPP's {@code vnet_interface_main_t}).
 * {@code local0} is index 0 and always down, as in VPP, so index 0 in a buffer's rx or tx field
 * never names a real port.
 *
 * <p>Interfaces are added and changed on the main thread while the workers are stopped (every
 * CLI line runs so). The dataplane reads {@link #txNexts()}, an array published whole on every
 * change: {@code interface-output}'s next index for each interface that is up, or
 * {@link #NOT_UP} for one that is down or has no device.
 *
 * <p>Adding an interface costs the same with ten or ten thousand in the table: names are
 * looked up in a map, and the new interface, being down, only lengthens {@link #txNexts()}.
 * {@link InterfaceStateListener}s hear of every change of admin state, whoever makes it.
 */
public final class InterfaceTable {

    /** The name of the node that sends each buffer to its tx interface's device. */
    public static final String OUTPUT_NODE = "interface-output";

    /** {@code local0}'s index. */
    public static final int LOCAL0 = 0;

    /** In {@link #txNexts()}: the interface cannot send. */
    public static final int NOT_UP = -1;

    /** {@code local0}'s class: it has no device and sends nothing. */
    public static final DeviceClass LOCAL = new DeviceClass("local", "");

    /** The longest tag an interface keeps: VPP's 64-byte field with its NUL. */
    public static final int MAX_TAG_BYTES = 63;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_./:-]*");

    private final Graph graph;
    private final List<SwInterface> interfaces = new ArrayList<>();
    private final Map<String, SwInterface> byName = new HashMap<>();
    private final List<Integer> deviceNexts = new ArrayList<>();
    private final List<InterfaceStateListener> listeners = new CopyOnWriteArrayList<>();
    private final InterfaceCounters counters = new InterfaceCounters(1);
    private volatile int[] txNexts = {NOT_UP};

    private InterfaceTable(Graph graph) {
        this.graph = graph;
        SwInterface local0 = new SwInterface(LOCAL0, "local0", LOCAL, 0);
        interfaces.add(local0);
        byName.put(local0.name(), local0);
        deviceNexts.add(NOT_UP);
    }

    /** The table of {@code graph}, made on first use with {@code local0} in it. */
    public static InterfaceTable of(Graph graph) {
        return graph.service(InterfaceTable.class, InterfaceTable::new);
    }

    /**
     * Adds an interface, down, with the next free {@code sw_if_index}.
     *
     * @throws InterfaceException if the name is taken or not a name, or the device's tx node is
     *                            not in the graph
     */
    public synchronized SwInterface create(String name, DeviceClass device, long mac) {
        if (!NAME.matcher(name).matches()) {
            throw new InterfaceException("interface name '" + name
                    + "': must start with a letter and hold only letters, digits and _ . / : -");
        }
        if (byName.containsKey(name)) {
            throw new InterfaceException("interface " + name + " exists");
        }
        if (!graph.hasNode(device.txNode())) {
            throw new InterfaceException("interface " + name + ": its device class " + device.name()
                    + " sends through node '" + device.txNode() + "', which is not in the graph");
        }
        int next = graph.addNext(graph.node(OUTPUT_NODE).index(), device.txNode());
        SwInterface created = new SwInterface(interfaces.size(), name, device, mac);
        interfaces.add(created);
        byName.put(name, created);
        deviceNexts.add(next);
        counters.grow(interfaces.size());
        // a new interface is down: the array only gets its slot, NOT_UP
        int[] nexts = Arrays.copyOf(txNexts, interfaces.size());
        nexts[created.swIfIndex()] = NOT_UP;
        txNexts = nexts;
        return created;
    }

    /** The interface called {@code name}. */
    public synchronized Optional<SwInterface> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The interface called {@code name}.
     *
     * @throws InterfaceException naming it and the interfaces there are, if there is none
     */
    public synchronized SwInterface byName(String name) {
        return find(name).orElseThrow(() -> new InterfaceException("unknown interface '" + name + "'; interfaces: "
                + String.join(", ", interfaces.stream().map(SwInterface::name).toList())));
    }

    /**
     * The interface at {@code swIfIndex}.
     *
     * @throws InterfaceException if there is none
     */
    public synchronized SwInterface get(int swIfIndex) {
        if (swIfIndex < 0 || swIfIndex >= interfaces.size()) {
            throw new InterfaceException("no interface has sw_if_index " + swIfIndex + " (there are "
                    + interfaces.size() + ")");
        }
        return interfaces.get(swIfIndex);
    }

    /** The name of the interface at {@code swIfIndex}, or {@code sw_if_index N} if there is none. */
    public synchronized String nameOf(int swIfIndex) {
        return swIfIndex >= 0 && swIfIndex < interfaces.size()
                ? interfaces.get(swIfIndex).name()
                : "sw_if_index " + swIfIndex;
    }

    /** Every interface, by {@code sw_if_index}. */
    public synchronized List<SwInterface> all() {
        return List.copyOf(interfaces);
    }

    /** The number of interfaces, {@code local0} included: one past the highest {@code sw_if_index}. */
    public synchronized int size() {
        return interfaces.size();
    }

    /**
     * Sets {@code iface} up or down ({@code set interface state}); the listeners hear of it if
     * its state changed.
     *
     * @throws InterfaceException if {@code iface} is local0 and {@code up}
     */
    public void setAdminUp(SwInterface iface, boolean up) {
        synchronized (this) {
            if (iface.swIfIndex() == LOCAL0 && up) {
                throw new InterfaceException("local0 cannot be set up: it has no device");
            }
            if (iface.isAdminUp() == up) {
                return;
            }
            iface.setAdminUp(up);
            publish();
        }
        for (InterfaceStateListener listener : listeners) {
            listener.adminStateChanged(iface);
        }
    }

    /**
     * Tags {@code iface} with {@code tag}, a label for control planes; empty removes it.
     *
     * @throws InterfaceException if the tag is longer than {@link #MAX_TAG_BYTES} bytes in UTF-8
     */
    public synchronized void setTag(SwInterface iface, String tag) {
        int bytes = tag.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TAG_BYTES) {
            throw new InterfaceException("tag of " + iface.name() + ": " + bytes + " bytes, at most " + MAX_TAG_BYTES);
        }
        iface.setTag(tag);
    }

    /** {@code listener} hears, on the thread that made it, of every change of admin state from now on. */
    public void addStateListener(InterfaceStateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** {@code listener} hears no more. */
    public void removeStateListener(InterfaceStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sets the L3 MTU of {@code iface} ({@code set interface mtu}).
     *
     * @throws InterfaceException if {@code bytes} is below IPv4's minimum of 68 or above 65535
     */
    public synchronized void setMtu(SwInterface iface, int bytes) {
        if (bytes < 68 || bytes > 65535) {
            throw new InterfaceException("mtu " + bytes + " for " + iface.name() + ": must be 68 to 65535");
        }
        iface.setMtu(bytes);
    }

    /** The interfaces' counters. */
    public InterfaceCounters counters() {
        return counters;
    }

    /**
     * By {@code sw_if_index}: {@code interface-output}'s next index to the interface's device,
     * or {@link #NOT_UP}. Read once per frame; a new array replaces it on every change.
     */
    public int[] txNexts() {
        return txNexts;
    }

    private void publish() {
        int[] nexts = new int[interfaces.size()];
        for (int i = 0; i < nexts.length; i++) {
            nexts[i] = interfaces.get(i).isAdminUp() ? deviceNexts.get(i) : NOT_UP;
        }
        txNexts = nexts;
    }
}
