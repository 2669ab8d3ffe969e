package io.vecta.sdk.node;

import io.vecta.sdk.annotation.NodeType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A node as its plugin declares it: VPP's {@code vlib_node_registration_t}. Generated from
 * {@code @GraphNode}; the runtime builds the graph from these.
 *
 * @param name       unique node name
 * @param type       when the node runs
 * @param nextNames  the names of next index 0, 1, ...; empty for a sibling
 * @param siblingOf  the node whose nexts this one shares, or empty
 * @param errors     error counters, in code order
 * @param traceType  the trace record class, or {@code Void.class} when the node has no trace
 * @param factory    creates the node's dispatcher, one per thread
 */
public record NodeDescriptor(String name, NodeType type, List<String> nextNames, String siblingOf,
                             List<ErrorDescriptor> errors, Class<?> traceType,
                             Supplier<? extends NodeFunction> factory) {

    /** Checks the fields and copies the lists. */
    public NodeDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(siblingOf, "siblingOf");
        Objects.requireNonNull(traceType, "traceType");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) {
            throw new IllegalArgumentException("node name is empty");
        }
        nextNames = List.copyOf(nextNames);
        errors = List.copyOf(errors);
        if (!siblingOf.isEmpty() && !nextNames.isEmpty()) {
            throw new IllegalArgumentException("node '" + name + "' is a sibling of '" + siblingOf
                    + "' and cannot declare next nodes of its own " + nextNames);
        }
        for (int i = 0; i < errors.size(); i++) {
            if (errors.get(i).code() != i) {
                throw new IllegalArgumentException("node '" + name + "': error '" + errors.get(i).name()
                        + "' at position " + i + " has code " + errors.get(i).code());
            }
        }
    }

    /** Whether the node takes traces. */
    public boolean hasTrace() {
        return traceType != Void.class;
    }

    /** A new dispatcher for one thread. */
    public NodeFunction newFunction() {
        return factory.get();
    }
}
