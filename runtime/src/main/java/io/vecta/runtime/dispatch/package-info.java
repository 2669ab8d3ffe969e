/**
 * The dispatch loop: each thread's copy of the graph, frames passed between nodes, input
 * polling and interrupts, sleep, process nodes, statistics and error counters.
 *
 * <pre>
 *   ThreadRuntime (one per thread)
 *     ├─ NodeRuntime per node ── the NodeContext its dispatcher calls; next frames; stats
 *     ├─ pending frames ─────── (node, frame) queue, dispatched until the graph is quiet
 *     ├─ frame pool ─────────── frames of 256 buffer indices, reused, never freed
 *     ├─ global error table ─── long per error of every node (show errors)
 *     ├─ TraceBuffer ────────── packet traces, bounded, with their filter (show trace)
 *     ├─ ThreadFiles ────────── epoll set: descriptors that interrupt input nodes, wake-up eventfd
 *     └─ ProcessScheduler ───── main thread: process steps woken by timers and events
 *   SleepingIdleStrategy ────── spin, yield, then sleep in epoll_wait while nothing polls
 * </pre>
 *
 * An input node is {@code POLLING} (called every turn), {@code INTERRUPT} (called on the turn
 * after {@code ThreadRuntime.interrupt}, or after a descriptor it watches became readable) or
 * {@code DISABLED}. A thread on which nothing polls sleeps in {@code epoll_wait} when idle, for
 * at most 10 ms and no later than its next process timer; whoever gives it work from another
 * thread wakes it ({@code ThreadRuntime.wakeUp}: handoff, main-thread tasks, the barrier).
 *
 * Their text for people ({@code show runtime}, {@code show errors}) is in
 * {@code io.vecta.runtime.show}.
 *
 * Tracing costs an untraced frame nothing: an input node asks {@code traceBudget()} once per
 * call, and only a frame that may hold traced buffers ({@code Frame.isTraced()}) makes a
 * generated dispatcher look at each buffer's flags. The traced path allocates its records.
 *
 * A trace buffer belongs to its thread and a buffer's trace handle names that thread
 * ({@code TraceBuffer}); a traced buffer handed to another thread is traced on there in a
 * trace of the receiver's own, headed by a {@code HandoffTrace} record that names the first
 * part ({@code ThreadRuntime.receiveHandedOff}). No thread ever appends to another's traces.
 *
 * Nothing here allocates per packet or per frame once the frame pool has warmed up; the only
 * locks are none. Everything belongs to its thread except {@code ThreadRuntime.interrupt} and
 * {@code ThreadRuntime.wakeUp}.
 */
package io.vecta.runtime.dispatch;
