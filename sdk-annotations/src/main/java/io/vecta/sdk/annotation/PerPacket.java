package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the node's per-packet method, {@code int process(NodeContext ctx, int bi)}: it
 * handles the buffer {@code bi} and returns its next index (a {@link Next} constant), or
 * {@code Outcome.withError(next, error)} to also count one of the node's errors.
 *
 * <p>The generated dispatcher calls it for every buffer of a frame, four at a time with the
 * next four buffers' metadata touched early, then one at a time; it gathers the next indices
 * and error counts and hands them to the runtime once per frame. The method must not be
 * private or static.
 *
 * <pre>{@code
 * @PerPacket
 * int process(NodeContext ctx, int bi) {
 *     return ctx.buffers().currentLength(bi) < 14 ? NEXT_DROP : NEXT_ETHERNET;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PerPacket {
}
