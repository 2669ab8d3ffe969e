package io.vecta.runtime.ethernet;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.DeviceClass;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import java.util.BitSet;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Loopback interfaces, {@code loop0}, {@code loop1} ... (VPP's {@code create loopback
 * interface}): Ethernet interfaces with no wire, whose packets come straight back in through
 * {@code loop-tx}. An instance number is the lowest free one unless asked for; a deleted
 * loopback's number is free again, its {@code sw_if_index} is not.
 */
public final class Loopbacks {

    /** The loopbacks' transmit node. */
    public static final String TX_NODE = "loop-tx";

    /** The loopback device class. */
    public static final DeviceClass DEVICE = new DeviceClass("loop", TX_NODE);

    /** The highest instance number VPP allows. */
    public static final int MAX_INSTANCE = 16383;

    private final InterfaceTable table;
    private final BitSet instances = new BitSet();

    private Loopbacks(Graph graph) {
        this.table = InterfaceTable.of(graph);
    }

    /** The loopbacks of {@code graph}. */
    public static Loopbacks of(Graph graph) {
        return graph.service(Loopbacks.class, Loopbacks::new);
    }

    /**
     * Creates {@code loop<instance>}, down, with {@code mac} or VPP's default
     * {@code de:ad:00:00:00:<instance>} (the instance's low byte, as VPP writes it).
     *
     * @throws InterfaceException if the instance is taken or above {@link #MAX_INSTANCE}
     */
    public synchronized SwInterface create(OptionalLong mac, OptionalInt instance) {
        int chosen;
        if (instance.isPresent()) {
            chosen = instance.getAsInt();
            if (chosen < 0 || chosen > MAX_INSTANCE) {
                throw new InterfaceException("loopback instance " + chosen + ": must be 0 to " + MAX_INSTANCE);
            }
            if (instances.get(chosen)) {
                throw new InterfaceException("loopback instance " + chosen + " is in use (loop" + chosen + ")");
            }
        } else {
            chosen = instances.nextClearBit(0);
            if (chosen > MAX_INSTANCE) {
                throw new InterfaceException("every loopback instance 0 to " + MAX_INSTANCE + " is in use");
            }
        }
        long address = mac.orElse(0xdead_0000_0000L | (chosen & 0xff));
        SwInterface created = table.create("loop" + chosen, DEVICE, address);
        instances.set(chosen);
        return created;
    }

    /**
     * Deletes loopback {@code iface} and its sub-interfaces.
     *
     * @throws InterfaceException if it is not a loopback
     */
    public synchronized void delete(SwInterface iface) {
        if (!iface.deviceClass().equals(DEVICE) || iface.isSubInterface()) {
            throw new InterfaceException(iface.name() + " is not a loopback interface");
        }
        table.delete(iface);
        instances.clear(Integer.parseInt(iface.name().substring("loop".length())));
    }
}
