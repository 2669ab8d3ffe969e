package io.vecta.runtime.graph;

import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The packet graph: every node of every loaded plugin, numbered, with its next arcs resolved
 * by name (VPP's {@code vlib_node_main_t} after {@code vlib_node_main_init}).
 *
 * <pre>
 *   plugins (registrations)          graph
 *   +--------------------------------+         node 0 "error-drop"             nexts: -
 *   | builtin: error-drop            | ------&gt; node 1 "error-punt"             nexts: -
 *   |          error-punt            |         node 2 "null-node"              nexts: -
 *   |          null-node             |         node 3 "sample-protocol-count"  nexts: 0 -&gt; node 2,
 *   | sample:  sample-protocol-count |                                                1 -&gt; node 0
 *   +--------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>Node indices follow the plugins in load order, then each plugin's node order.</li>
 *   <li>A node's next index {@code i} leads to the node named by its {@code i}-th {@code @Next};
 *       a name no loaded plugin registers fails the build with {@code [VectaUnknownNext]}.</li>
 *   <li>Siblings ({@code siblingOf}) share one {@link NextArcs} with the node they name: an arc
 *       added to one is there for all, at the same index.</li>
 *   <li>{@link #addNext} adds an arc at run time and returns its next index; asking again for
 *       the same target returns the same index (VPP's {@code vlib_node_add_next}).</li>
 *   <li>Error counters of all nodes form one global table per thread; node {@code n}'s error
 *       {@code code} is global index {@code errorBase(n) + code}. Index 0 is no error, so a
 *       buffer's error field can carry a global index or nothing.</li>
 * </ul>
 *
 * Built and changed on the main thread only.
 */
public final class Graph {

    /** Global error index meaning "no error". */
    public static final int NO_ERROR = 0;

    /**
     * Set in a buffer's error field beside the global error index when the node that chose the
     * error counted it already (generated per-packet loops do): error-drop then names the reason
     * in its trace without counting it again. Global indices stay below it.
     */
    public static final int COUNTED_ERROR = 0x8000;

    private final List<GraphNodeEntry> nodes;
    private final Map<String, GraphNodeEntry> byName;
    private final int errorCount;
    private final FeatureArcs featureArcs;
    private final Map<Class<?>, Object> services = new HashMap<>();

    private Graph(List<GraphNodeEntry> nodes, Map<String, GraphNodeEntry> byName, int errorCount,
                  List<PluginRegistration> plugins) {
        this.nodes = List.copyOf(nodes);
        this.byName = byName;
        this.errorCount = errorCount;
        this.featureArcs = new FeatureArcs(this, plugins);
    }

    /** Builds the graph of the plugins {@code loaded}, in their order. */
    public static Graph build(List<LoadedPlugin> loaded) {
        return buildFrom(loaded.stream().map(LoadedPlugin::registration).toList());
    }

    /**
     * Builds the graph of {@code plugins}, in their order.
     *
     * @throws GraphException if two plugins register one node name, a sibling or next names an
     *                        unknown node, or a feature arc cannot be built
     */
    public static Graph buildFrom(List<PluginRegistration> plugins) {
        Map<String, GraphNodeEntry> byName = new HashMap<>();
        Map<String, String> pluginOf = new HashMap<>();
        List<NodeDescriptor> descriptors = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (PluginRegistration plugin : plugins) {
            for (NodeDescriptor node : plugin.nodes()) {
                String first = pluginOf.putIfAbsent(node.name(), plugin.name());
                if (first != null) {
                    throw new GraphException("VectaDuplicateNode", "node '" + node.name() + "' is registered by plugin '"
                            + first + "' and again by plugin '" + plugin.name() + "'",
                            "node names are global: rename one of them, or load only one of the two plugins");
                }
                descriptors.add(node);
                owners.add(plugin.name());
            }
        }
        NextArcs[] arcs = new NextArcs[descriptors.size()];
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < descriptors.size(); i++) {
            indexOf.put(descriptors.get(i).name(), i);
        }
        for (int i = 0; i < descriptors.size(); i++) {
            arcsOf(i, descriptors, owners, indexOf, arcs, 0);
        }
        List<GraphNodeEntry> nodes = new ArrayList<>(descriptors.size());
        int errorBase = NO_ERROR + 1;
        for (int i = 0; i < descriptors.size(); i++) {
            GraphNodeEntry entry = new GraphNodeEntry(i, descriptors.get(i), owners.get(i), arcs[i], errorBase);
            errorBase += descriptors.get(i).errors().size();
            nodes.add(entry);
            byName.put(entry.name(), entry);
        }
        for (int i = 0; i < descriptors.size(); i++) {
            NodeDescriptor node = descriptors.get(i);
            if (!node.siblingOf().isEmpty()) {
                continue;
            }
            for (String next : node.nextNames()) {
                Integer target = indexOf.get(next);
                if (target == null) {
                    throw new GraphException("VectaUnknownNext", "node '" + node.name() + "' of plugin '" + owners.get(i)
                            + "' names next node '" + next + "' (next index " + arcs[i].count()
                            + "), which no loaded plugin registers",
                            "load the plugin that registers '" + next + "', or correct the name in the @Next of '"
                                    + node.name() + "'");
                }
                arcs[i].add(target);
            }
        }
        if (errorBase > COUNTED_ERROR) {
            throw new GraphException("VectaTooManyErrors", "the loaded plugins' nodes declare " + (errorBase - 1)
                    + " error counters; a buffer's error field holds at most " + (COUNTED_ERROR - 1),
                    "load fewer plugins, or merge error counters that mean the same");
        }
        return new Graph(nodes, byName, errorBase, plugins);
    }

    private static NextArcs arcsOf(int node, List<NodeDescriptor> descriptors, List<String> owners,
                                   Map<String, Integer> indexOf, NextArcs[] arcs, int depth) {
        if (arcs[node] != null) {
            return arcs[node];
        }
        NodeDescriptor descriptor = descriptors.get(node);
        if (descriptor.siblingOf().isEmpty()) {
            arcs[node] = new NextArcs();
            return arcs[node];
        }
        Integer sibling = indexOf.get(descriptor.siblingOf());
        if (sibling == null) {
            throw new GraphException("VectaUnknownSibling", "node '" + descriptor.name() + "' of plugin '"
                    + owners.get(node) + "' is a sibling of '" + descriptor.siblingOf()
                    + "', which no loaded plugin registers",
                    "load the plugin that registers '" + descriptor.siblingOf() + "', or correct siblingOf");
        }
        if (depth > descriptors.size()) {
            throw new GraphException("VectaSiblingCycle", "node '" + descriptor.name() + "' of plugin '"
                    + owners.get(node) + "' is its own sibling through a chain of siblingOf",
                    "one node of a sibling group must declare the next nodes; the others name it");
        }
        arcs[node] = arcsOf(sibling, descriptors, owners, indexOf, arcs, depth + 1);
        return arcs[node];
    }

    /**
     * The graph's one instance of a runtime service that nodes and commands share (the packet
     * generator, the interface table), made by {@code create} on first use. A service lives as
     * long as its graph, so two runtimes in one JVM never share one.
     */
    public <T> T service(Class<T> type, Function<Graph, T> create) {
        synchronized (services) {
            Object existing = services.get(type);
            if (existing != null) {
                return type.cast(existing);
            }
        }
        // made outside the lock: a service may ask for another one while it is made
        T made = create.apply(this);
        synchronized (services) {
            Object raced = services.putIfAbsent(type, made);
            return type.cast(raced != null ? raced : made);
        }
    }

    /**
     * Closes every service that holds something outside the JVM (sockets, mappings: it is
     * {@link AutoCloseable}), when the runtime stops; a failure is passed on after the others
     * are closed.
     */
    public void closeServices() {
        List<Object> open;
        synchronized (services) {
            open = List.copyOf(services.values());
        }
        RuntimeException failed = null;
        for (Object service : open) {
            if (service instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    RuntimeException wrapped = e instanceof RuntimeException r ? r
                            : new IllegalStateException("closing " + service.getClass().getSimpleName(), e);
                    if (failed == null) {
                        failed = wrapped;
                    } else {
                        failed.addSuppressed(wrapped);
                    }
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** How many nodes the graph has. */
    public int nodeCount() {
        return nodes.size();
    }

    /** The nodes, by index. */
    public List<GraphNodeEntry> nodes() {
        return nodes;
    }

    /** Node {@code index}. */
    public GraphNodeEntry node(int index) {
        return nodes.get(index);
    }

    /**
     * The node called {@code name}.
     *
     * @throws GraphException {@code [VectaUnknownNode]} if there is none
     */
    public GraphNodeEntry node(String name) {
        GraphNodeEntry entry = byName.get(name);
        if (entry == null) {
            throw new GraphException("VectaUnknownNode", "no node '" + name + "' in the graph of " + nodes.size()
                    + " nodes", "node names are those of @GraphNode(name = ...) in the loaded plugins");
        }
        return entry;
    }

    /** Whether a node called {@code name} exists. */
    public boolean hasNode(String name) {
        return byName.containsKey(name);
    }

    /**
     * Adds an arc from {@code node} to the node called {@code nextName} unless one exists, and
     * returns its next index; siblings of {@code node} get it at the same index.
     *
     * @throws GraphException {@code [VectaUnknownNext]} if no node is called {@code nextName}
     */
    public int addNext(int node, String nextName) {
        GraphNodeEntry from = nodes.get(node);
        GraphNodeEntry target = byName.get(nextName);
        if (target == null) {
            throw new GraphException("VectaUnknownNext", "cannot add next node '" + nextName + "' to node '"
                    + from.name() + "' of plugin '" + from.plugin() + "': no loaded plugin registers it",
                    "load the plugin that registers '" + nextName + "', or correct the name");
        }
        return addNext(node, target.index());
    }

    /** Adds an arc from {@code node} to node {@code target} unless one exists; returns its next index. */
    public int addNext(int node, int target) {
        NextArcs arcs = nodes.get(node).nexts();
        nodes.get(target);
        int existing = arcs.indexOf(target);
        return existing >= 0 ? existing : arcs.add(target);
    }

    /** The size of a thread's global error table: one past the last node's last error. */
    public int errorCount() {
        return errorCount;
    }

    /** The global error index of error {@code code} of node {@code node}, for a buffer's error field. */
    public int errorIndex(int node, int code) {
        GraphNodeEntry entry = nodes.get(node);
        if (code < 0 || code >= entry.descriptor().errors().size()) {
            throw new IndexOutOfBoundsException("node '" + entry.name() + "' has " + entry.descriptor().errors().size()
                    + " error codes, not " + code);
        }
        return entry.errorBase() + code;
    }

    /** The node whose error counters include global index {@code errorIndex}. */
    public GraphNodeEntry nodeOfError(int errorIndex) {
        for (GraphNodeEntry entry : nodes) {
            if (errorIndex >= entry.errorBase() && errorIndex < entry.errorBase() + entry.descriptor().errors().size()) {
                return entry;
            }
        }
        throw new IndexOutOfBoundsException("no node has global error index " + errorIndex + " (table of "
                + errorCount + ")");
    }

    /**
     * What a buffer's error field means, as VPP's drop trace prints it:
     * {@code ttl-check: time to live exceeded}, the node and the error's description, whether
     * or not it is marked {@link #COUNTED_ERROR}. Any value gets an answer: {@link #NO_ERROR}
     * and indices outside the table say so instead of throwing. Walks the nodes: for traces and
     * show commands.
     */
    public String describeError(int errorField) {
        int errorIndex = errorField & ~COUNTED_ERROR;
        if (errorIndex == NO_ERROR) {
            return "no error set in the buffer";
        }
        if (errorIndex < 0 || errorIndex >= errorCount) {
            return "error " + errorIndex + " is not a counter (the error table has " + errorCount + ")";
        }
        GraphNodeEntry entry = nodeOfError(errorIndex);
        return entry.name() + ": " + entry.descriptor().errors().get(errorIndex - entry.errorBase()).description();
    }

    /** The feature arcs and their per-interface features. */
    public FeatureArcs featureArcs() {
        return featureArcs;
    }
}
