package io.vecta.runtime.fib;

/**
 * What the FIB needs to know about an interface: its name for {@code show ip fib}, and its MAC
 * address, IPv4 MTU and 802.1Q VLAN for the Ethernet headers of its adjacencies.
 */
public interface FibInterfaces {

    /** The interface's name, as {@code show interface} prints it. */
    String name(int swIfIndex);

    /** The interface's MAC address in the low 48 bits. */
    long mac(int swIfIndex);

    /** The interface's IPv4 MTU. */
    int mtu(int swIfIndex);

    /**
     * The VLAN id a sub-interface tags what it sends with, or {@link #NO_VLAN} for an interface
     * that sends untagged; fixed for the interface's life.
     */
    default int outerVlan(int swIfIndex) {
        return NO_VLAN;
    }

    /** {@link #outerVlan} of an interface that sends untagged frames. */
    int NO_VLAN = -1;
}
