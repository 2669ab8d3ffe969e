package io.vecta.runtime.pg;

import io.vecta.runtime.dispatch.NodeState;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphException;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import java.util.ArrayList;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Optional;

/**
 * The streams of one graph (VPP's {@code pg_main_t}): created, enabled, disabled and deleted
 * from the CLI, read by the main thread's {@code pg-input} on every turn.
 *
 * <p>The stream list is copied on every change and published whole, so {@code pg-input} reads
 * it without a lock; changes are serialised on this object.
 *
 * <p>As in VPP, {@code pg-input} is disabled while no stream is enabled, so an idle generator
 * costs the main loop nothing and {@code show runtime} does not list it; on worker threads it
 * stays disabled. The generator refers to its graph and main thread weakly, so a graph that is
 * no longer used is collected with its generator.
 */
public final class PacketGenerator {

    /** The name of the input node that sends the streams' packets. */
    public static final String INPUT_NODE = "pg-input";

    private static final PgStream[] NONE = new PgStream[0];

    private final WeakReference<Graph> graph;
    private volatile PgStream[] streams = NONE;
    private volatile WeakReference<ThreadRuntime> mainThread = new WeakReference<>(null);

    private PacketGenerator(Graph graph) {
        this.graph = new WeakReference<>(graph);
    }

    /**
     * Sets {@code pg-input} of {@code thread} polling when a stream is enabled and disabled
     * otherwise; every thread runtime of a graph that holds {@code pg-input} comes here once.
     */
    public static void attach(ThreadRuntime thread) {
        if (thread.graph().hasNode(INPUT_NODE)) {
            of(thread.graph()).attachThread(thread);
        }
    }

    private synchronized void attachThread(ThreadRuntime thread) {
        if (thread.threadIndex() == 0) {
            mainThread = new WeakReference<>(thread);
            updateInputState();
        } else {
            thread.node(INPUT_NODE).setState(NodeState.DISABLED);
        }
    }

    /** Polls {@code pg-input} on the main thread while some stream is enabled. */
    private void updateInputState() {
        ThreadRuntime main = mainThread.get();
        if (main != null) {
            main.node(INPUT_NODE).setState(anyEnabled() ? NodeState.POLLING : NodeState.DISABLED);
        }
    }

    /** Whether some stream is enabled. */
    boolean anyEnabled() {
        for (PgStream s : streams) {
            if (s.isEnabled()) {
                return true;
            }
        }
        return false;
    }

    /** The generator of {@code graph}, created on first use. */
    public static PacketGenerator of(Graph graph) {
        return graph.service(PacketGenerator.class, PacketGenerator::new);
    }

    /**
     * Creates a disabled stream from its text, as {@code packet-generator new} does.
     *
     * @throws PgStreamException if the text is wrong, its name is taken or its node unknown
     */
    public PgStream create(String text) {
        return create(StreamSpecReader.read(text));
    }

    /**
     * Creates a disabled stream from {@code spec}.
     *
     * @throws PgStreamException if its name is taken or its node unknown
     */
    public synchronized PgStream create(StreamSpec spec) {
        Graph graph = graph();
        if (find(spec.name()).isPresent()) {
            throw new PgStreamException("name: a stream called '" + spec.name() + "' exists; delete it first");
        }
        int rxSwIfIndex = InterfaceTable.LOCAL0;
        if (spec.rxInterface().isPresent()) {
            try {
                rxSwIfIndex = PgInterfaces.of(graph).byName(spec.rxInterface().get()).swIfIndex();
            } catch (InterfaceException e) {
                throw new PgStreamException("interface: " + e.getMessage());
            }
        }
        int txSwIfIndex = InterfaceTable.LOCAL0;
        if (spec.txInterface().isPresent()) {
            try {
                txSwIfIndex = InterfaceTable.of(graph).byName(spec.txInterface().get()).swIfIndex();
            } catch (InterfaceException e) {
                throw new PgStreamException("tx-interface: " + e.getMessage());
            }
        }
        if (!graph.hasNode(spec.node())) {
            throw new PgStreamException("node: no node named '" + spec.node() + "' in the graph"
                    + (spec.rxInterface().isPresent() && spec.node().equals(StreamSpecReader.ETHERNET_INPUT)
                    ? " (a stream on an interface starts there unless it names a node)" : ""));
        }
        PacketTemplates templates = spec.pcap().isPresent()
                ? PacketTemplates.ofCapture(PcapReader.read(spec.pcap().get()))
                : PacketTemplates.of(spec);
        int next;
        try {
            next = graph.addNext(graph.node(INPUT_NODE).index(), spec.node());
        } catch (GraphException e) {
            throw new PgStreamException("node: " + e.getMessage());
        }
        PgStream stream = new PgStream(spec, templates, next, rxSwIfIndex, txSwIfIndex);
        List<PgStream> copy = new ArrayList<>(List.of(streams));
        copy.add(stream);
        streams = copy.toArray(PgStream[]::new);
        return stream;
    }

    /** The streams in creation order. */
    public List<PgStream> streams() {
        return List.of(streams);
    }

    /** The stream called {@code name}. */
    public Optional<PgStream> find(String name) {
        for (PgStream s : streams) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Enables or disables the stream called {@code name}, or every stream when {@code name} is
     * empty.
     *
     * @throws PgStreamException if no stream has that name
     */
    public synchronized void setEnabled(Optional<String> name, boolean enable) {
        List<PgStream> targets = name.isPresent() ? List.of(named(name.get())) : List.of(streams);
        long now = System.nanoTime();
        for (PgStream s : targets) {
            if (enable) {
                s.enable(now);
            } else {
                s.disable();
            }
        }
        updateInputState();
    }

    /**
     * Deletes the stream called {@code name}.
     *
     * @throws PgStreamException if no stream has that name
     */
    public synchronized void delete(String name) {
        PgStream stream = named(name);
        stream.disable();
        List<PgStream> copy = new ArrayList<>(List.of(streams));
        copy.remove(stream);
        streams = copy.toArray(PgStream[]::new);
        updateInputState();
    }

    /** The current streams, for {@code pg-input}: the array is never changed once published. */
    PgStream[] snapshot() {
        return streams;
    }

    private Graph graph() {
        Graph g = graph.get();
        if (g == null) {
            throw new IllegalStateException("packet generator: its graph is gone");
        }
        return g;
    }

    private PgStream named(String name) {
        return find(name).orElseThrow(() -> new PgStreamException("no stream named '" + name + "'"));
    }

}
