package io.vecta.runtime.cli;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.cli.CliNames;
import java.util.List;

/**
 * The names a running graph knows, for {@link io.vecta.sdk.cli.CliInput} to check node names in
 * commands' arguments and suggest the nearest when one is mistyped. The runtime registers it as
 * the {@link CliNames} service.
 *
 * <p>Node and interface names are read at each call, so a node or interface the graph gains
 * later is known at once.
 */
public final class GraphCliNames implements CliNames {

    private final Graph graph;

    /** The names of {@code graph}. */
    public GraphCliNames(Graph graph) {
        this.graph = graph;
    }

    @Override
    public List<String> interfaceNames() {
        return InterfaceTable.of(graph).all().stream().map(SwInterface::name).toList();
    }

    /** The graph's node names, in node index order. */
    @Override
    public List<String> nodeNames() {
        return graph.nodes().stream().map(GraphNodeEntry::name).toList();
    }
}
