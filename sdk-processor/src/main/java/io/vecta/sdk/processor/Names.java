package io.vecta.sdk.processor;

/** The qualified names of the annotations and sdk-api types the processor reads and writes. */
final class Names {

    static final String ANNOTATION_PACKAGE = "io.vecta.sdk.annotation";
    static final String GRAPH_NODE = ANNOTATION_PACKAGE + ".GraphNode";
    static final String NEXT = ANNOTATION_PACKAGE + ".Next";
    static final String PER_PACKET = ANNOTATION_PACKAGE + ".PerPacket";
    static final String PER_FRAME = ANNOTATION_PACKAGE + ".PerFrame";
    static final String TRACE = ANNOTATION_PACKAGE + ".Trace";
    static final String ERROR_COUNTER = ANNOTATION_PACKAGE + ".ErrorCounter";
    static final String FEATURE = ANNOTATION_PACKAGE + ".Feature";
    static final String FEATURE_ARC = ANNOTATION_PACKAGE + ".FeatureArc";
    static final String FEATURE_ARCS = ANNOTATION_PACKAGE + ".FeatureArcs";
    static final String PLUGIN = ANNOTATION_PACKAGE + ".Plugin";
    static final String API_MODULE = ANNOTATION_PACKAGE + ".ApiModule";
    static final String API_HANDLER = ANNOTATION_PACKAGE + ".ApiHandler";
    static final String CLI_COMMAND = ANNOTATION_PACKAGE + ".CliCommand";
    static final String CONFIG_SECTION = ANNOTATION_PACKAGE + ".ConfigSection";
    static final String CONFIG_SECTION_HANDLER = "io.vecta.sdk.config.ConfigSectionHandler";
    static final String CONFIG_KEYS = "io.vecta.sdk.config.ConfigKeys";

    static final String NODE_PACKAGE = "io.vecta.sdk.node";
    static final String NODE_CONTEXT = NODE_PACKAGE + ".NodeContext";
    static final String FRAME = NODE_PACKAGE + ".Frame";
    static final String SDK_VERSION = NODE_PACKAGE + ".SdkVersion";

    static final String CLI_PACKAGE = "io.vecta.sdk.cli";
    static final String CLI_INPUT = CLI_PACKAGE + ".CliInput";
    static final String CLI_OUTPUT = CLI_PACKAGE + ".CliOutput";
    static final String CLI_CONTEXT = CLI_PACKAGE + ".CliContext";

    private Names() {
    }
}
