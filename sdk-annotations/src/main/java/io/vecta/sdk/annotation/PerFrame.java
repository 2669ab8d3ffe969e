package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the node's vector method, {@code void process(NodeContext ctx, Frame frame)}: it
 * handles the whole frame itself and passes the buffers on with the context's bulk helpers
 * (enqueue to a vector of nexts, enqueue to a single next) and counts errors once per frame.
 * For nodes whose work is naturally per frame: input nodes, handoff, interface output.
 *
 * <pre>{@code
 * @PerFrame
 * void process(NodeContext ctx, Frame frame) {
 *     ctx.enqueueToSingleNext(frame.buffers(), NEXT_TX, frame.count());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PerFrame {
}
