package io.vecta.runtime.fib;

/**
 * What the FIB needs to know about an interface: its name for {@code show ip fib}, and its MAC
 * address and IPv4 MTU for the Ethernet headers of its adjacencies.
 */
public interface FibInterfaces {

    /** The interface's name, as {@code show interface} prints it. */
    String name(int swIfIndex);

    /** The interface's MAC address in the low 48 bits. */
    long mac(int swIfIndex);

    /** The interface's IPv4 MTU. */
    int mtu(int swIfIndex);
}
