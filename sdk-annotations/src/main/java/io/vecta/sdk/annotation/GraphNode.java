package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a node of the packet graph: VPP's {@code VLIB_REGISTER_NODE}.
 *
 * <p>The class holds the node's logic in exactly one method marked {@link PerPacket} or
 * {@link PerFrame}, its next nodes as {@link Next} constants, optionally a {@link Trace}
 * method, and names an enum of its error counters. The processor generates
 * {@code <Class>_Dispatch}, the loop that runs the class over a frame, and lists the node in
 * the plugin's registration.
 *
 * <p>The runtime creates one instance per thread with the class's no-argument constructor,
 * so instance fields are per-thread state; they must be final (the objects they hold may
 * change).
 *
 * <pre>{@code
 * @GraphNode(name = "vlan-strip", errors = VlanStrip.Error.class)
 * public final class VlanStrip {
 *     @Next("ethernet-input") static final int NEXT_ETHERNET = 0;
 *     @Next("error-drop") static final int NEXT_DROP = 1;
 *     enum Error { @ErrorCounter(description = "not a vlan frame") NOT_VLAN }
 *
 *     @PerPacket
 *     int process(NodeContext ctx, int bi) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GraphNode {

    /** The node's name in the graph, unique in the runtime, e.g. {@code "ip4-lookup"}. */
    String name();

    /** When the node runs; most nodes are {@link NodeType#INTERNAL}. */
    NodeType type() default NodeType.INTERNAL;

    /**
     * The enum of the node's error counters; each constant carries an {@link ErrorCounter}
     * with its description. The constant's ordinal is the error code.
     */
    Class<? extends Enum<?>> errors() default NoErrors.class;

    /**
     * The name of a node whose next nodes this one shares, index for index (VPP's
     * {@code sibling_of}); empty for none. A sibling declares no {@link Next} constants of its
     * own.
     */
    String siblingOf() default "";
}
