package io.vecta.runtime.dispatch;

import io.vecta.runtime.show.DispatchThread;

/**
 * The first record of a packet trace that a thread started for a traced buffer another thread
 * handed to it (VPP's {@code handoff_trace} record): where the earlier part of the packet's
 * trace is. {@code show trace} prints that part under the sending thread and this one, then the
 * rest, under the receiving thread:
 * <pre>
 * 00:00:01:234580: handoff-trace
 *   HANDED-OFF: from thread 0 vecta_main trace index 3
 * </pre>
 *
 * @param fromThread the thread that handed the buffer over
 * @param traceIndex the packet index of the trace in that thread's {@link TraceBuffer}
 */
public record HandoffTrace(int fromThread, int traceIndex) {

    /** The node name the record is shown under. */
    public static final String NODE = "handoff-trace";

    /** {@code HANDED-OFF: from thread 0 vecta_main trace index 3}. */
    public String format() {
        return "HANDED-OFF: from thread " + fromThread + " " + DispatchThread.defaultName(fromThread) + " trace index "
                + traceIndex;
    }
}
