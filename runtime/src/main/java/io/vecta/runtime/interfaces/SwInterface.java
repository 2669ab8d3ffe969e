package io.vecta.runtime.interfaces;

import io.vecta.sdk.packet.MacAddress;

/**
 * One interface: its {@code sw_if_index}, name, device class, MAC address, MTU, admin state and
 * tag.
 * Its counters live in the table's {@link InterfaceCounters}, its path to the device in
 * {@code interface-output}'s next arc.
 *
 * <p>State changes come from the main thread; the dataplane reads what it needs from the
 * table's arrays, never from this object.
 */
public final class SwInterface {

    /** The L3 MTU of a new interface, as VPP gives its Ethernet interfaces. */
    public static final int DEFAULT_MTU = 9000;

    private final int swIfIndex;
    private final String name;
    private final DeviceClass deviceClass;
    private final long mac;
    private volatile boolean adminUp;
    private volatile int mtu = DEFAULT_MTU;
    private volatile String tag = "";

    SwInterface(int swIfIndex, String name, DeviceClass deviceClass, long mac) {
        this.swIfIndex = swIfIndex;
        this.name = name;
        this.deviceClass = deviceClass;
        this.mac = mac;
    }

    /** The index buffers carry in their rx and tx fields. */
    public int swIfIndex() {
        return swIfIndex;
    }

    /** The interface's name: {@code pg0}, {@code local0}. */
    public String name() {
        return name;
    }

    /** Its device class; {@code local0} has none of its own (class {@code local}). */
    public DeviceClass deviceClass() {
        return deviceClass;
    }

    /** Its MAC address, 48 bits in a long; 0 for none. */
    public long mac() {
        return mac;
    }

    /** Whether it is up ({@code set interface state IF up}). */
    public boolean isAdminUp() {
        return adminUp;
    }

    void setAdminUp(boolean up) {
        adminUp = up;
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
