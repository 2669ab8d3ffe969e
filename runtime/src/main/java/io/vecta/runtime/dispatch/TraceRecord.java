package io.vecta.runtime.dispatch;

/**
 * One trace record a node took of a traced buffer.
 *
 * @param node   the node's name
 * @param bi     the buffer index
 * @param record the node's trace record
 * @param nanos  {@link System#nanoTime()} when it was taken
 */
public record TraceRecord(String node, int bi, Object record, long nanos) {
}
