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
 *
 * <p>A node on the fast path may declare {@code int process(NodeContext ctx, int bi, long b)}
 * instead: {@code b} is the buffer's address for {@code UncheckedBuffers}, computed by the
 * dispatcher from buffer memory's base address read once per frame, so that the node's reads
 * and writes need no lookup of the buffer memory per packet.
 *
 * <pre>{@code
 * @PerPacket
 * int process(NodeContext ctx, int bi, long b) {
 *     int ttl = UncheckedBuffers.getU8(UncheckedBuffers.currentAddress(b) + 14 + Ip4.TTL_OFFSET);
 *     return ttl > 1 ? NEXT_FORWARD : NEXT_DROP;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PerPacket {
}
