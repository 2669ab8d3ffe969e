package io.vecta.runtime.graph;

/**
 * A graph that cannot be built or changed as asked. The message starts with a stable tag in
 * brackets ({@code [VectaUnknownNext]}), names the node and plugin concerned and ends with a
 * {@code help:} line, as the processor's compile errors do.
 */
public final class GraphException extends IllegalStateException {

    private final String tag;
    private final String problem;

    GraphException(String tag, String message, String help) {
        super("[" + tag + "] " + message + "\n  help: " + help);
        this.tag = tag;
        this.problem = message;
    }

    /** What is wrong, without the tag and the help line: for a CLI user who typed a name. */
    public String problem() {
        return problem;
    }

    /** The stable tag, e.g. {@code VectaUnknownNext}. */
    public String tag() {
        return tag;
    }
}
