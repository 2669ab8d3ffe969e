package io.vecta.runtime.cli.commands;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.Suggestions;

/** What the show and clear commands share: the runtime they report on, and node names read from input. */
final class RunningRuntime {

    private RunningRuntime() {
    }

    /**
     * The runtime registered as the {@link VectaRuntime} CLI service.
     *
     * @throws CliException if there is none, as in a CLI a tool or test runs without a runtime
     */
    static VectaRuntime of(CliContext ctx) {
        return ctx.service(VectaRuntime.class).orElseThrow(() -> new CliException(
                "no runtime to report on: this CLI runs without a VectaRuntime service"));
    }

    /**
     * Reads the name of a node of {@code graph}. With the runtime's {@link io.vecta.sdk.cli.CliNames}
     * the input itself refuses a name the graph lacks; without them it reads any word, and the
     * same check happens here, with the same message: {@code node: no node named 'ip4-lokup';
     * did you mean 'ip4-lookup'?}.
     */
    static GraphNodeEntry node(Graph graph, CliInput in) {
        String name = in.nodeName("node");
        if (!graph.hasNode(name)) {
            String message = "node: no node named '" + name + "'";
            throw new CliException(Suggestions.closest(name, graph.nodes().stream().map(GraphNodeEntry::name).toList())
                    .map(s -> message + "; did you mean '" + s + "'?").orElse(message));
        }
        return graph.node(name);
    }
}
