package io.vecta.runtime.interfaces;

import io.vecta.sdk.packet.MacAddress;

/**
 * One interface: its {@code sw_if_index}, name, device class, MAC address, MTU, admin state and
 * tag.
 * Its counters live in the table's {@link InterfaceCounters}, its path to the device in
 * {@code interface-output}'s next arc.
 *
 * <p>An interface is either a hardware interface (a port of a device: {@code pg0},
 * {@code loop0}), whose {@link #supSwIfIndex()} is its own index, or an 802.1Q sub-interface
 * ({@code pg0.100}) of one, which shares its device, MAC address and link and carries its own
 * index, admin state and counters (VPP's {@code sup_sw_if_index}).
 *
 * <p>State changes come from the main thread; the dataplane reads what it needs from the
 * table's arrays, never from this object.
 */
public final class SwInterface {

    /** The L3 MTU of a new interface, as VPP gives its Ethernet interfaces. */
    public static final int DEFAULT_MTU = 9000;

    /** {@link #outerVlan()} of an interface that takes untagged frames. */
    public static final int NO_VLAN = -1;

    private final int swIfIndex;
    private final int supSwIfIndex;
    private final int hwIfIndex;
    private final String name;
    private final DeviceClass deviceClass;
    private final int subId;
    private final int outerVlan;
    private final boolean exactMatch;
    private volatile long mac;
    private volatile boolean adminUp;
    private volatile boolean linkUp;
    private volatile int mtu = DEFAULT_MTU;
    private volatile String tag = "";

    SwInterface(int swIfIndex, int hwIfIndex, String name, DeviceClass deviceClass, long mac) {
        this(swIfIndex, swIfIndex, hwIfIndex, name, deviceClass, mac, 0, NO_VLAN, false);
    }

    private SwInterface(int swIfIndex, int supSwIfIndex, int hwIfIndex, String name, DeviceClass deviceClass,
                        long mac, int subId, int outerVlan, boolean exactMatch) {
        this.swIfIndex = swIfIndex;
        this.supSwIfIndex = supSwIfIndex;
        this.hwIfIndex = hwIfIndex;
        this.name = name;
        this.deviceClass = deviceClass;
        this.mac = mac;
        this.subId = subId;
        this.outerVlan = outerVlan;
        this.exactMatch = exactMatch;
    }

    /** A sub-interface of {@code parent} at {@code swIfIndex}, named {@code parent.subId}. */
    static SwInterface subOf(SwInterface parent, int swIfIndex, int subId, int outerVlan, boolean exactMatch) {
        return new SwInterface(swIfIndex, parent.swIfIndex, parent.hwIfIndex, parent.name + "." + subId,
                parent.deviceClass, parent.mac, subId, outerVlan, exactMatch);
    }

    /** The index buffers carry in their rx and tx fields. */
    public int swIfIndex() {
        return swIfIndex;
    }

    /** The hardware interface this one belongs to: itself, or a sub-interface's parent. */
    public int supSwIfIndex() {
        return supSwIfIndex;
    }

    /** Whether this is a sub-interface of another. */
    public boolean isSubInterface() {
        return supSwIfIndex != swIfIndex;
    }

    /** The index of its hardware interface among the hardware interfaces (VPP's {@code hw_if_index}). */
    public int hwIfIndex() {
        return hwIfIndex;
    }

    /** The interface's name: {@code pg0}, {@code local0}, {@code pg0.100}. */
    public String name() {
        return name;
    }

    /** Its device class; {@code local0} has none of its own (class {@code local}). */
    public DeviceClass deviceClass() {
        return deviceClass;
    }

    /** A sub-interface's number, the part of its name after the dot; 0 for a hardware interface. */
    public int subId() {
        return subId;
    }

    /** The 802.1Q VLAN a sub-interface takes, or {@link #NO_VLAN}. */
    public int outerVlan() {
        return outerVlan;
    }

    /** Whether a sub-interface takes only frames with exactly its one tag. */
    public boolean exactMatch() {
        return exactMatch;
    }

    /** Its MAC address, 48 bits in a long; 0 for none. A sub-interface has its parent's. */
    public long mac() {
        return mac;
    }

    void setMac(long value) {
        mac = value;
    }

    /** Whether it is up ({@code set interface state IF up}). */
    public boolean isAdminUp() {
        return adminUp;
    }

    void setAdminUp(boolean up) {
        adminUp = up;
    }

    /** Whether its hardware's link is up; a sub-interface reports its parent's. */
    public boolean isLinkUp() {
        return linkUp;
    }

    void setLinkUp(boolean up) {
        linkUp = up;
    }

    /** Its L3 MTU in bytes. */
    public int mtu() {
        return mtu;
    }

    void setMtu(int bytes) {
        mtu = bytes;
    }

    /** The label a control plane gave it ({@code sw_interface_tag_add_del}); empty for none. */
    public String tag() {
        return tag;
    }

    void setTag(String tag) {
        this.tag = tag;
    }

    @Override
    public String toString() {
        return name + " (sw_if_index " + swIfIndex + ", " + deviceClass.name()
                + (mac != 0 ? ", " + MacAddress.format(mac) : "") + ", " + (adminUp ? "up" : "down") + ")";
    }
}
