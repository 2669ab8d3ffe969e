/**
 * Worker threads: the dispatch threads beside main, the barrier that stops them, and the
 * queues that hand buffers from one thread to another.
 *
 * <pre>
 *   cpu { } ─▶ CorePlacement ─▶ Workers: vecta_wk_0 .. vecta_wk_N-1, each
 *                                 a platform thread pinned to its core
 *                                 running its own ThreadRuntime (thread index k + 1)
 *
 *   HandoffQueues: one FrameQueue per thread (main too), many senders, one receiver
 *     sender node ──NodeContext.handoff(bis, next, thread)──▶ FrameQueue of thread
 *     receiver, top of its turn ──▶ its own Frame ──▶ pending for the node
 *     (a frame's traced flag travels with it: the receiver goes on with each traced buffer's
 *      trace in its own trace buffer, see ThreadRuntime.receiveHandedOff)
 *
 *   Barrier: main sync() ─▶ every worker waits at the top of its loop ─▶ main changes
 *            shared state ─▶ release()   (a time limit names a worker that does not come)
 * </pre>
 *
 * What a plugin author must know about which state is per thread and which is shared is in
 * {@code docs/threads.md}. Nothing here allocates or locks per packet or per frame; a full
 * queue is refused and counted, never waited on.
 */
package io.vecta.runtime.threads;
