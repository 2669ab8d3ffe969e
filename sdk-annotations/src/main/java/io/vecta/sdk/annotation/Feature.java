package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link GraphNode} a feature of a feature arc: VPP's {@code VNET_FEATURE_INIT}.
 * When enabled on an interface, packets of the arc pass through the node, in the order the
 * arc's features declare among themselves with {@link #runsBefore()} and {@link #runsAfter()}.
 *
 * <pre>{@code
 * @GraphNode(name = "acl-in")
 * @Feature(arc = "ip4-unicast", runsBefore = "ip4-lookup")
 * public final class AclIn { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Feature {

    /** The name of the feature arc, declared by a {@link FeatureArc} here or in another plugin. */
    String arc();

    /** Names of features (nodes) of the same arc that must run after this one. */
    String[] runsBefore() default {};

    /** Names of features (nodes) of the same arc that must run before this one. */
    String[] runsAfter() default {};
}
