package io.vecta.runtime.interfaces;

import io.vecta.runtime.graph.Graph;
import io.vecta.sdk.packet.MacAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The graph's interfaces, by {@code sw_if_index} (VPP's {@code vnet_interface_main_t}).
 * {@code local0} is index 0 and always down, as in VPP, so index 0 in a buffer's rx or tx field
 * never names a real port.
 *
 * <p>A hardware interface is a device's port ({@code pg0}); an 802.1Q sub-interface
 * ({@code pg0.100}) is an interface of its own on the same port, which takes the frames tagged
 * with its VLAN and leaves through its parent's device:
 * <pre>
 *   sw_if_index  name       sup_sw_if_index  hw_if_index  vlan
 *   0            local0     0                0            -
 *   1            pg0        1                1            -
 *   2            pg0.100    1                1            100
 *   3            loop0      3                2            -
 * </pre>
 * A deleted interface leaves its index unused rather than handing it to the next interface, so
 * that a buffer still carrying it cannot reach a stranger.
 *
 * <p>Interfaces are added and changed on the main thread while the workers are stopped (every
 * CLI line runs so). The dataplane reads arrays published whole on every change:
 * {@link #txNexts()} ({@code interface-output}'s next index for each interface that can send, or
 * {@link #NOT_UP}), {@link #supIndices()}, {@link #macs()} and {@link #vlanSubInterfaces()}.
 *
 * <p>Adding an interface costs about the same with ten or ten thousand in the table: names are
 * looked up in a map, and the new interface, being down, only lengthens the published arrays.
 * {@link InterfaceListener}s hear of every change of admin state, MAC address and deletion,
 * whoever makes it.
 */
public final class InterfaceTable {

    /** The name of the node that sends each buffer to its tx interface's device. */
    public static final String OUTPUT_NODE = "interface-output";

    /** {@code local0}'s index. */
    public static final int LOCAL0 = 0;

    /** In {@link #txNexts()}: the interface cannot send. */
    public static final int NOT_UP = -1;

    /** In a {@link #vlanSubInterfaces()} row: no sub-interface takes the VLAN. */
    public static final int NO_SUB_INTERFACE = -1;

    /** The 802.1Q VLAN ids a sub-interface may take: 1 to 4094 (0 and 4095 are reserved). */
    public static final int MAX_VLAN = 4094;

    /** In {@link #l2Modes()}: an L3 interface, whose frames {@code ethernet-input} hands on by EtherType. */
    public static final byte L3 = 0;

    /** In {@link #l2Modes()}: a bridge or cross-connect member, whose frames go to {@code l2-input}. */
    public static final byte L2 = 1;

    /**
     * In {@link #l2Modes()}: a bridge's virtual interface (BVI), an L3 interface for what the bridge
     * hands it but whose own output enters the bridge.
     */
    public static final byte BVI = 2;

    /** {@code local0}'s class: it has no device and sends nothing. */
    public static final DeviceClass LOCAL = new DeviceClass("local", "");

    /** The I/G bit of a MAC address in a long: set for group (multicast, broadcast) addresses. */
    private static final long GROUP_BIT = 0x0100_0000_0000L;

    /** The longest tag an interface keeps: VPP's 64-byte field with its NUL. */
    public static final int MAX_TAG_BYTES = 63;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_./:-]*");

    private final Graph graph;
    private final List<SwInterface> interfaces = new ArrayList<>();
    private final Map<String, SwInterface> byName = new HashMap<>();
    private final List<Integer> deviceNexts = new ArrayList<>();
    private final List<InterfaceListener> listeners = new CopyOnWriteArrayList<>();
    private final InterfaceCounters counters = new InterfaceCounters(1);
    private int hardwareCount = 1;
    private volatile int[] txNexts = {NOT_UP};
    private volatile int[] supIndices = {LOCAL0};
    private volatile long[] macs = {0};
    private volatile int[][] vlanSubInterfaces = {null};
    private volatile byte[] l2Modes = {L3};

    private InterfaceTable(Graph graph) {
        this.graph = graph;
        SwInterface local0 = new SwInterface(LOCAL0, 0, "local0", LOCAL, 0);
        interfaces.add(local0);
        byName.put(local0.name(), local0);
        deviceNexts.add(NOT_UP);
    }

    /** The table of {@code graph}, made on first use with {@code local0} in it. */
    public static InterfaceTable of(Graph graph) {
        return graph.service(InterfaceTable.class, InterfaceTable::new);
    }

    /** Tells {@code listener} of every later change of admin state, deletion and MAC change. */
    public void addListener(InterfaceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** {@code listener} hears no more. */
    public void removeListener(InterfaceListener listener) {
        listeners.remove(listener);
    }

    /**
     * Adds a hardware interface, down, with the next free {@code sw_if_index}.
     *
     * @throws InterfaceException if the name is taken or not a name, the MAC address is a group
     *                            address, or the device's tx node is not in the graph
     */
    public synchronized SwInterface create(String name, DeviceClass device, long mac) {
        checkName(name);
        checkUnicast(name, mac);
        if (!graph.hasNode(device.txNode())) {
            throw new InterfaceException("interface " + name + ": its device class " + device.name()
                    + " sends through node '" + device.txNode() + "', which is not in the graph");
        }
        int next = graph.addNext(graph.node(OUTPUT_NODE).index(), device.txNode());
        SwInterface created = new SwInterface(interfaces.size(), hardwareCount++, name, device, mac);
        return add(created, next);
    }

    /**
     * Adds 802.1Q sub-interface {@code parent.subId}, down, taking frames whose outer tag is
     * {@code vlan} ({@code create sub-interfaces}); with {@code exactMatch}, only frames with that
     * one tag.
     *
     * @throws InterfaceException if the parent is local0 or a sub-interface, the VLAN is outside
     *                            1..4094 or taken on the parent, or the name exists
     */
    public synchronized SwInterface createSubInterface(SwInterface parent, int subId, int vlan, boolean exactMatch) {
        checkLive(parent);
        if (parent.swIfIndex() == LOCAL0 || parent.isSubInterface()) {
            throw new InterfaceException("cannot create a sub-interface of " + parent.name() + ": "
                    + (parent.isSubInterface() ? "it is a sub-interface itself" : "it has no device"));
        }
        if (subId < 0) {
            throw new InterfaceException("sub-interface id " + subId + " of " + parent.name() + ": must be 0 or more");
        }
        if (vlan < 1 || vlan > MAX_VLAN) {
            throw new InterfaceException("sub-interface " + parent.name() + "." + subId + ": vlan " + vlan
                    + " is outside 1.." + MAX_VLAN);
        }
        for (SwInterface other : interfaces) {
            if (other != null && other.supSwIfIndex() == parent.swIfIndex() && other.outerVlan() == vlan) {
                throw new InterfaceException("sub-interface " + parent.name() + "." + subId + ": vlan " + vlan
                        + " of " + parent.name() + " is taken by " + other.name());
            }
        }
        String name = parent.name() + "." + subId;
        checkName(name);
        SwInterface created = SwInterface.subOf(parent, interfaces.size(), subId, vlan, exactMatch);
        created.setLinkUp(parent.isLinkUp());
        return add(created, deviceNexts.get(parent.swIfIndex()));
    }

    private SwInterface add(SwInterface created, int next) {
        interfaces.add(created);
        byName.put(created.name(), created);
        deviceNexts.add(next);
        counters.grow(interfaces.size());
        if (created.isSubInterface()) {
            publish(); // its parent's VLAN row changes
        } else {
            appendDown(created);
        }
        return created;
    }

    /** A new hardware interface is down: each published array only gets its slot. */
    private void appendDown(SwInterface created) {
        int size = interfaces.size();
        int i = created.swIfIndex();
        int[] sups = Arrays.copyOf(supIndices, size);
        sups[i] = i;
        long[] addresses = Arrays.copyOf(macs, size);
        addresses[i] = created.mac();
        int[] nexts = Arrays.copyOf(txNexts, size);
        nexts[i] = NOT_UP;
        supIndices = sups;
        macs = addresses;
        vlanSubInterfaces = Arrays.copyOf(vlanSubInterfaces, size);
        l2Modes = Arrays.copyOf(l2Modes, size);
        txNexts = nexts;
    }

    private static void checkUnicast(String name, long mac) {
        if ((mac & GROUP_BIT) != 0) {
            throw new InterfaceException("cannot give " + name + " the group address " + MacAddress.format(mac)
                    + ": an interface's address must be unicast");
        }
    }

    private void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InterfaceException("interface name '" + name
                    + "': must start with a letter and hold only letters, digits and _ . / : -");
        }
        if (find(name).isPresent()) {
            throw new InterfaceException("interface " + name + " exists");
        }
    }

    /**
     * Deletes {@code iface}, and a hardware interface's sub-interfaces with it; the listeners
     * forget what they keep for each.
     *
     * @throws InterfaceException for local0, or an interface already deleted
     */
    public void delete(SwInterface iface) {
        List<SwInterface> gone = new ArrayList<>();
        synchronized (this) {
            checkLive(iface);
            if (iface.swIfIndex() == LOCAL0) {
                throw new InterfaceException("local0 cannot be deleted");
            }
            for (SwInterface other : interfaces) {
                if (other != null && other.isSubInterface() && other.supSwIfIndex() == iface.swIfIndex()) {
                    gone.add(other);
                }
            }
            gone.add(iface);
            for (SwInterface each : gone) {
                each.setAdminUp(false);
                interfaces.set(each.swIfIndex(), null);
                byName.remove(each.name());
                deviceNexts.set(each.swIfIndex(), NOT_UP);
            }
            publish();
        }
        for (SwInterface each : gone) {
            for (InterfaceListener listener : listeners) {
                listener.deleted(each);
            }
        }
    }

    /** The interface called {@code name}. */
    public synchronized Optional<SwInterface> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The interface at {@code swIfIndex}, if there is one (never one deleted). */
    public synchronized Optional<SwInterface> find(long swIfIndex) {
        return swIfIndex >= 0 && swIfIndex < interfaces.size()
                ? Optional.ofNullable(interfaces.get((int) swIfIndex))
                : Optional.empty();
    }

    /**
     * The interface called {@code name}.
     *
     * @throws InterfaceException naming it and the interfaces there are, if there is none
     */
    public synchronized SwInterface byName(String name) {
        return find(name).orElseThrow(() -> new InterfaceException("unknown interface '" + name + "'; interfaces: "
                + String.join(", ", all().stream().map(SwInterface::name).toList())));
    }

    /**
     * The interface at {@code swIfIndex}.
     *
     * @throws InterfaceException if there is none
     */
    public synchronized SwInterface get(int swIfIndex) {
        if (swIfIndex < 0 || swIfIndex >= interfaces.size() || interfaces.get(swIfIndex) == null) {
            throw new InterfaceException("no interface has sw_if_index " + swIfIndex + " (there are "
                    + interfaces.size() + " indices, deleted ones included)");
        }
        return interfaces.get(swIfIndex);
    }

    /** The name of the interface at {@code swIfIndex}, or {@code sw_if_index N} if there is none. */
    public synchronized String nameOf(int swIfIndex) {
        return swIfIndex >= 0 && swIfIndex < interfaces.size() && interfaces.get(swIfIndex) != null
                ? interfaces.get(swIfIndex).name()
                : "sw_if_index " + swIfIndex;
    }

    /** The number of {@code sw_if_index} values given so far, local0 and deleted ones included. */
    public synchronized int size() {
        return interfaces.size();
    }

    /** Every interface, by {@code sw_if_index}. */
    public synchronized List<SwInterface> all() {
        List<SwInterface> live = new ArrayList<>();
        for (SwInterface i : interfaces) {
            if (i != null) {
                live.add(i);
            }
        }
        return List.copyOf(live);
    }

    /** The hardware interfaces (no sub-interfaces), by {@code hw_if_index}. */
    public synchronized List<SwInterface> hardware() {
        return all().stream().filter(i -> !i.isSubInterface()).toList();
    }

    /** The sub-interfaces of {@code parent}, by {@code sw_if_index}. */
    public synchronized List<SwInterface> subInterfaces(SwInterface parent) {
        return all().stream().filter(i -> i.isSubInterface() && i.supSwIfIndex() == parent.swIfIndex()).toList();
    }

    /**
     * Sets {@code iface} up or down ({@code set interface state}). The link of a device whose link
     * follows its admin state goes with it.
     */
    public void setAdminUp(SwInterface iface, boolean up) {
        synchronized (this) {
            checkLive(iface);
            if (iface.swIfIndex() == LOCAL0 && up) {
                throw new InterfaceException("local0 cannot be set up: it has no device");
            }
            if (iface.isAdminUp() == up) {
                return;
            }
            iface.setAdminUp(up);
            if (!iface.isSubInterface() && iface.deviceClass().linkFollowsAdmin()) {
                setLink(iface, up);
            }
            publish();
        }
        for (InterfaceListener listener : listeners) {
            listener.adminStateChanged(iface);
        }
    }

    /**
     * Tags {@code iface} with {@code tag}, a label for control planes; empty removes it.
     *
     * @throws InterfaceException if the tag is longer than {@link #MAX_TAG_BYTES} bytes in UTF-8
     */
    public synchronized void setTag(SwInterface iface, String tag) {
        checkLive(iface);
        int bytes = tag.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TAG_BYTES) {
            throw new InterfaceException("tag of " + iface.name() + ": " + bytes + " bytes, at most " + MAX_TAG_BYTES);
        }
        iface.setTag(tag);
    }

    /** Sets the link of hardware interface {@code iface}, as its device reports it. */
    public synchronized void setLinkUp(SwInterface iface, boolean up) {
        checkLive(iface);
        if (iface.isSubInterface()) {
            throw new InterfaceException(iface.name() + " is a sub-interface: its link is "
                    + get(iface.supSwIfIndex()).name() + "'s");
        }
        setLink(iface, up);
        publish();
    }

    private void setLink(SwInterface hardware, boolean up) {
        hardware.setLinkUp(up);
        for (SwInterface sub : subInterfaces(hardware)) {
            sub.setLinkUp(up);
        }
    }

    /**
     * Sets the MAC address of hardware interface {@code iface} and of its sub-interfaces
     * ({@code set interface mac address}).
     *
     * @throws InterfaceException for a sub-interface, local0, or a group (multicast) address
     */
    public void setMac(SwInterface iface, long mac) {
        synchronized (this) {
            checkLive(iface);
            if (iface.isSubInterface() || iface.swIfIndex() == LOCAL0) {
                throw new InterfaceException("cannot set the MAC address of " + iface.name() + ": "
                        + (iface.isSubInterface() ? "a sub-interface has its parent's, set "
                        + get(iface.supSwIfIndex()).name() + "'s" : "it has no device"));
            }
            checkUnicast(iface.name(), mac);
            iface.setMac(mac);
            for (SwInterface sub : subInterfaces(iface)) {
                sub.setMac(mac);
            }
            publish();
        }
        for (InterfaceListener listener : listeners) {
            listener.macChanged(iface);
        }
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
        for (InterfaceListener listener : listeners) {
            listener.mtuChanged(iface);
        }
    }

    /** The interfaces' counters. */
    public InterfaceCounters counters() {
        return counters;
    }

    /**
     * By {@code sw_if_index}: {@code interface-output}'s next index to the interface's device,
     * or {@link #NOT_UP} when it or its parent is down or it is deleted. Read once per frame; a
     * new array replaces it on every change.
     */
    public int[] txNexts() {
        return txNexts;
    }

    /** By {@code sw_if_index}: its hardware interface's ({@link SwInterface#supSwIfIndex()}). */
    public int[] supIndices() {
        return supIndices;
    }

    /** By {@code sw_if_index}: its MAC address (0 for none). */
    public long[] macs() {
        return macs;
    }

    /**
     * By {@code sw_if_index} of a hardware interface: null if it has no sub-interfaces, else 4096
     * entries by VLAN id, the sub-interface that takes it or {@link #NO_SUB_INTERFACE}; exact-match
     * sub-interfaces are stored as {@code -2 - swIfIndex} so that one read says both.
     */
    public int[][] vlanSubInterfaces() {
        return vlanSubInterfaces;
    }

    /**
     * By {@code sw_if_index}: {@link #L3}, {@link #L2} or {@link #BVI}, which {@code ethernet-input}
     * and {@code loop-tx} read once per frame to choose between the L3 and the L2 path.
     */
    public byte[] l2Modes() {
        return l2Modes;
    }

    /**
     * Puts {@code iface} in L2 mode {@code mode} ({@link #L3}, {@link #L2} or {@link #BVI}); the L2
     * configuration that owns the mode calls this.
     */
    public synchronized void setL2Mode(SwInterface iface, byte mode) {
        checkLive(iface);
        if (mode != L3 && mode != L2 && mode != BVI) {
            throw new InterfaceException("l2 mode " + mode + " of " + iface.name() + ": must be L3 (0), L2 (1) or BVI (2)");
        }
        byte[] modes = l2Modes.clone();
        modes[iface.swIfIndex()] = mode;
        l2Modes = modes;
    }

    /** How a {@link #vlanSubInterfaces()} entry marks an exact-match sub-interface. */
    public static int exactMatchEntry(int swIfIndex) {
        return -2 - swIfIndex;
    }

    private void checkLive(SwInterface iface) {
        int i = iface.swIfIndex();
        if (i >= interfaces.size() || interfaces.get(i) != iface) {
            throw new InterfaceException("interface " + iface.name() + " has been deleted");
        }
    }

    private void publish() {
        int size = interfaces.size();
        int[] nexts = new int[size];
        int[] sups = new int[size];
        long[] addresses = new long[size];
        int[][] vlans = new int[size][];
        byte[] modes = Arrays.copyOf(l2Modes, size);
        for (int i = 0; i < size; i++) {
            SwInterface iface = interfaces.get(i);
            if (iface == null) {
                nexts[i] = NOT_UP;
                sups[i] = i;
                modes[i] = L3;
                continue;
            }
            SwInterface hardware = interfaces.get(iface.supSwIfIndex());
            nexts[i] = iface.isAdminUp() && hardware.isAdminUp() ? deviceNexts.get(i) : NOT_UP;
            sups[i] = iface.supSwIfIndex();
            addresses[i] = iface.mac();
            if (iface.isSubInterface()) {
                int[] row = vlans[iface.supSwIfIndex()];
                if (row == null) {
                    row = new int[MAX_VLAN + 2];
                    Arrays.fill(row, NO_SUB_INTERFACE);
                    vlans[iface.supSwIfIndex()] = row;
                }
                row[iface.outerVlan()] = iface.exactMatch() ? exactMatchEntry(i) : i;
            }
        }
        supIndices = sups;
        macs = addresses;
        vlanSubInterfaces = vlans;
        l2Modes = modes;
        txNexts = nexts;
    }
}
