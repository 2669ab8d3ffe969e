package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the node a next index leads to: VPP's {@code next_nodes} entry. It marks a
 * {@code static final int} constant of the node class whose value is the index; the
 * constants of a node number its nexts 0, 1, ... n-1, each once.
 *
 * <pre>{@code
 * @Next("ip4-lookup") static final int NEXT_LOOKUP = 0;
 * @Next("error-drop") static final int NEXT_DROP = 1;
 * }</pre>
 *
 * A name may point at a node of another plugin; the runtime resolves it when it builds the
 * graph.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Next {

    /** The name of the next node. */
    String value();
}
