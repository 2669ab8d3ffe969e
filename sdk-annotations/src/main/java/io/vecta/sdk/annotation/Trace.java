package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the node's trace method, {@code R trace(NodeContext ctx, int bi, int next)}, called
 * only for buffers whose traced flag is set, after the per-packet method chose {@code next}.
 * Its return type {@code R} is the node's trace record (a record class suits); the record
 * prints itself for {@code show trace} with a {@code format()} method if it has one, else with
 * {@code toString()}. VPP's trace struct and its format function in one type.
 *
 * <p>In a {@link PerPacket} node the generated dispatcher calls it. A {@link PerFrame} node
 * checks the traced flag and calls it itself, passing the record to {@code ctx.addTrace};
 * the annotation still names the record type in the node's registration.
 *
 * <pre>{@code
 * record TtlTrace(int ttl, int next) {}
 *
 * @Trace
 * TtlTrace trace(NodeContext ctx, int bi, int next) {
 *     Buffers b = ctx.buffers();
 *     return new TtlTrace(Ip4.ttl(b.memory(), b.dataOffset(bi)), next);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Trace {
}
