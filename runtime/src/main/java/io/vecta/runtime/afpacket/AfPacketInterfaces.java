package io.vecta.runtime.afpacket;

import io.vecta.nativeio.afpacket.HostInterface;
import io.vecta.nativeio.afpacket.RxRing;
import io.vecta.nativeio.afpacket.TxRing;
import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.runtime.dispatch.NodeState;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphException;
import io.vecta.runtime.interfaces.DeviceClass;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.RxMode;
import io.vecta.runtime.show.ShowRxPlacement;
import io.vecta.runtime.interfaces.SwInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The graph's host interfaces (VPP's {@code af_packet_main_t}): {@code create host-interface name
 * veth1} opens an {@code AF_PACKET} receive ring and one transmit ring per dispatch thread on the
 * kernel interface {@code veth1} and adds the interface {@code host-veth1} of device class
 * {@code af-packet}.
 *
 * <pre>
 *   kernel veth1 ──RxRing──▶ af-packet-input (thread rxThread) ──▶ next node (ethernet-input)
 *   ... ──▶ interface-output ──▶ af-packet-tx ──TxRing[thread]──▶ kernel veth1
 * </pre>
 *
 * <p>Changes happen on the main thread with the workers stopped (CLI lines run so). The dataplane
 * reads two arrays published whole on every change: the ports each thread polls, and the ports
 * by {@code sw_if_index} for sending. A port's rings are closed only after it is unpublished.
 *
 * <p>Receive rings are placed on the workers in turn, or on the main thread when there are
 * none. A ring is read in its {@link RxMode} ({@code set interface rx-mode}), by default
 * interrupt as in VPP's af_packet: its socket is in its thread's epoll set
 * ({@link ThreadRuntime#watchFile}) and {@code af-packet-input} is called when the kernel hands
 * a block over, so an idle runtime sleeps. On each thread the node is
 * <pre>
 *   POLLING    if a ring placed there is polled (polling mode, or adaptive under load)
 *   INTERRUPT  if every ring placed there is in interrupt or quiet adaptive mode
 *   DISABLED   if no ring is placed there
 * </pre>
 * and when it is called it reads every ring of its thread (a look at an empty ring is one load).
 */
public final class AfPacketInterfaces implements AutoCloseable {

    /** The af-packet device class: its packets leave through {@code af-packet-tx}. */
    public static final DeviceClass DEVICE = new DeviceClass("af-packet", AfPacketTx.NODE);
    /** The input node's name. */
    public static final String INPUT_NODE = "af-packet-input";
    /** Where received frames go unless told otherwise, as in VPP. */
    public static final String DEFAULT_NEXT_NODE = "ethernet-input";
    /** What a host interface's name starts with: {@code host-veth1} for {@code veth1}. */
    public static final String NAME_PREFIX = "host-";
    /** The rx mode of a new host interface: VPP's af_packet sets its queues to interrupt. */
    public static final RxMode DEFAULT_RX_MODE = RxMode.INTERRUPT;

    private static final AfPacketPort[] NONE = new AfPacketPort[0];

    private final Graph graph;
    private final InterfaceTable table;
    private final List<AfPacketPort> ports = new ArrayList<>();
    private volatile AfPacketPort[][] rxByThread = new AfPacketPort[0][];
    private volatile AfPacketPort[] txBySwIfIndex = NONE;
    private int placed;
    /** The dispatch threads, main first, as the first {@link #create} was given them. */
    private List<ThreadRuntime> threads = List.of();

    private AfPacketInterfaces(Graph graph) {
        this.graph = graph;
        this.table = InterfaceTable.of(graph);
    }

    /** The host interfaces of {@code graph}. */
    public static AfPacketInterfaces of(Graph graph) {
        return graph.service(AfPacketInterfaces.class, AfPacketInterfaces::new);
    }

    /**
     * Sets {@code af-packet-input} of {@code thread} as the rings placed on it ask (disabled if
     * none), so that a runtime without host interfaces never calls it; every thread runtime of a
     * graph that holds the node comes here once.
     */
    public static void attach(ThreadRuntime thread) {
        if (thread.graph().hasNode(INPUT_NODE)) {
            AfPacketInterfaces interfaces = of(thread.graph());
            thread.node(INPUT_NODE).setState(stateFor(interfaces.rxPorts(thread.threadIndex())));
        }
    }

    /** What {@code af-packet-input} must be on a thread that reads {@code ports}; see the class comment. */
    static NodeState stateFor(AfPacketPort[] ports) {
        if (ports.length == 0) {
            return NodeState.DISABLED;
        }
        for (AfPacketPort port : ports) {
            if (port.rxQueue().polls()) {
                return NodeState.POLLING;
            }
        }
        return NodeState.INTERRUPT;
    }

    /**
     * Creates {@code host-<hostName>}, down, on the kernel interface {@code hostName}, which is
     * set up if it is not (as VPP does). Its MAC address is {@code mac} or else the kernel
     * interface's own; received frames go to {@code node}, by default {@code ethernet-input}.
     *
     * @param threads the dispatch threads, main first: one transmit ring each
     * @throws InterfaceException if the host interface is taken, the node is not in the graph,
     *                            or the kernel refuses (no such interface, no CAP_NET_RAW ...), the
     *                            message naming the interface and the call
     */
    public synchronized SwInterface create(String hostName, OptionalLong mac, Optional<String> node,
                                           List<ThreadRuntime> threads) {
        try {
            HostInterface.checkName(hostName);
        } catch (IllegalArgumentException e) {
            throw new InterfaceException(e.getMessage());
        }
        String name = NAME_PREFIX + hostName;
        if (find(hostName).isPresent() || table.find(name).isPresent()) {
            throw new InterfaceException("host interface " + hostName + " exists as " + name);
        }
        String nextNode = node.orElse(DEFAULT_NEXT_NODE);
        if (!graph.hasNode(nextNode)) {
            throw new InterfaceException("host interface " + hostName + ": no node named '" + nextNode
                    + "' in the graph to receive its frames"
                    + (node.isEmpty() ? "; name one with 'node <node>'" : ""));
        }
        RxRing rx = null;
        List<TxRing> tx = new ArrayList<>();
        try {
            HostInterface.index(hostName);
            HostInterface.setUp(hostName);
            long address = mac.isPresent() ? mac.getAsLong() : HostInterface.hardwareAddress(hostName);
            rx = RxRing.open(hostName);
            for (int t = 0; t < threads.size(); t++) {
                tx.add(TxRing.open(hostName));
            }
            int next = graph.addNext(graph.node(INPUT_NODE).index(), nextNode);
            int rxThread = threads.size() == 1 ? 0 : 1 + placed % (threads.size() - 1);
            AfPacketRxQueue rxQueue = new AfPacketRxQueue(DEFAULT_RX_MODE);
            ThreadRuntime reader = threads.get(rxThread);
            SwInterface iface = table.create(name, DEVICE, address);
            if (rxQueue.watched()) {
                try {
                    reader.watchFile(rx.fd(), graph.node(INPUT_NODE).index());
                } catch (RuntimeException e) {
                    table.delete(iface);
                    throw e;
                }
            }
            placed++;
            AfPacketPort port = new AfPacketPort(hostName, iface, rx, tx.toArray(TxRing[]::new), rxThread, next,
                    nextNode, rxQueue);
            this.threads = List.copyOf(threads);
            ports.add(port);
            publish(threads.size());
            reader.node(INPUT_NODE).setState(stateFor(rxPorts(rxThread)));
            return iface;
        } catch (ErrnoException | GraphException | InterfaceException e) {
            closeQuietly(rx, tx);
            throw e instanceof InterfaceException ie ? ie : new InterfaceException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(rx, tx);
            throw e;
        }
    }

    /**
     * Deletes {@code host-<hostName>} and closes its rings (VPP's {@code delete host-interface}).
     *
     * @throws InterfaceException if there is no such host interface
     */
    public synchronized void delete(String hostName) {
        AfPacketPort port = find(hostName).orElseThrow(() -> new InterfaceException("no host interface " + hostName
                + (ports.isEmpty() ? "" : "; host interfaces: "
                + String.join(", ", ports.stream().map(AfPacketPort::hostName).toList()))));
        table.delete(port.iface());
        ports.remove(port);
        publish(rxByThread.length);
        if (port.rxThread() < threads.size()) {
            ThreadRuntime reader = threads.get(port.rxThread());
            if (port.rxQueue().watched()) {
                reader.unwatchFile(port.rx().fd());
            }
            reader.node(INPUT_NODE).setState(stateFor(rxPorts(port.rxThread())));
        }
        port.close();
    }

    /**
     * Sets the rx mode of host interface {@code iface}'s receive queue {@code queue} (VPP's
     * {@code set interface rx-mode}): its socket joins or leaves its thread's epoll set, and
     * {@code af-packet-input} there polls or waits for interrupts as the thread's rings now ask.
     * On the main thread, with the workers stopped.
     *
     * @throws InterfaceException if {@code iface} is no host interface, or has no such queue
     */
    public synchronized void setRxMode(SwInterface iface, int queue, RxMode mode) {
        AfPacketPort port = ports.stream().filter(p -> p.iface() == iface).findFirst()
                .orElseThrow(() -> new InterfaceException("interface " + iface.name() + " has no receive queue whose"
                        + " rx-mode can be set (device class " + iface.deviceClass().name()
                        + "); host interfaces have one"));
        if (queue != 0) {
            throw new InterfaceException("unknown queue " + queue + " on interface " + iface.name()
                    + ": a host interface has queue 0 only");
        }
        AfPacketRxQueue rxQueue = port.rxQueue();
        ThreadRuntime reader = threads.get(port.rxThread());
        int input = graph.node(INPUT_NODE).index();
        boolean wasWatched = rxQueue.watched();
        rxQueue.setMode(mode);
        if (rxQueue.watched() && !wasWatched) {
            try {
                reader.watchFile(port.rx().fd(), input);
            } catch (ErrnoException e) {
                rxQueue.setMode(RxMode.POLLING);
                throw new InterfaceException("interface " + iface.name() + ": " + e.getMessage(), e);
            }
        } else if (!rxQueue.watched() && wasWatched) {
            reader.unwatchFile(port.rx().fd());
        }
        reader.node(INPUT_NODE).setState(stateFor(rxPorts(port.rxThread())));
    }


    /** Where each host interface's receive queue is read, in creation order, for {@code show interface rx-placement}. */
    public synchronized List<ShowRxPlacement.Queue> rxPlacement() {
        return ports.stream().map(p -> new ShowRxPlacement.Queue(p.rxThread(), INPUT_NODE, p.iface().name(), 0,
                p.rxQueue().mode())).toList();
    }

    /** The host interface on the kernel interface {@code hostName}. */
    public synchronized Optional<AfPacketPort> find(String hostName) {
        return ports.stream().filter(p -> p.hostName().equals(hostName)).findFirst();
    }

    /** Every host interface, in creation order. */
    public synchronized List<AfPacketPort> ports() {
        return List.copyOf(ports);
    }

    /** The ports thread {@code thread} polls; read once per call of {@code af-packet-input}. */
    AfPacketPort[] rxPorts(int thread) {
        AfPacketPort[][] now = rxByThread;
        return thread < now.length ? now[thread] : NONE;
    }

    /** The ports by {@code sw_if_index}, null where an interface is not a host interface. */
    AfPacketPort[] txPorts() {
        return txBySwIfIndex;
    }

    /** Closes every port's rings, when the runtime stops. */
    @Override
    public synchronized void close() {
        rxByThread = new AfPacketPort[0][];
        txBySwIfIndex = NONE;
        RuntimeException failed = null;
        for (AfPacketPort port : ports) {
            try {
                port.close();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        ports.clear();
        if (failed != null) {
            throw failed;
        }
    }

    private void publish(int threadCount) {
        AfPacketPort[][] rx = new AfPacketPort[threadCount][];
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            rx[t] = ports.stream().filter(p -> p.rxThread() == thread).toArray(AfPacketPort[]::new);
        }
        int size = ports.stream().mapToInt(p -> p.iface().swIfIndex() + 1).max().orElse(0);
        AfPacketPort[] tx = new AfPacketPort[size];
        for (AfPacketPort port : ports) {
            tx[port.iface().swIfIndex()] = port;
        }
        txBySwIfIndex = tx;
        rxByThread = rx;
    }

    private static void closeQuietly(RxRing rx, List<TxRing> tx) {
        if (rx != null) {
            rx.close();
        }
        tx.forEach(TxRing::close);
    }
}
