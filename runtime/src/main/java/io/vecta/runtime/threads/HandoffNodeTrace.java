package io.vecta.runtime.threads;

import io.vecta.runtime.show.DispatchThread;

/**
 * A handoff node's trace of one packet (VPP's {@code worker-handoff} record): the interface it
 * came in on, the thread it is handed to and its buffer. The rest of the packet's trace is under
 * that thread, in the packet whose {@code handoff-trace} record names this thread and trace.
 * <pre>
 *   sw_if_index 1, next_worker 1 vecta_wk_0, buffer 0x2c40
 * </pre>
 *
 * @param swIfIndex  the buffer's rx interface
 * @param nextThread the thread index it is handed to
 * @param bi         the buffer index
 */
public record HandoffNodeTrace(int swIfIndex, int nextThread, int bi) {

    /** {@code sw_if_index 1, next_worker 1 vecta_wk_0, buffer 0x2c40}. */
    public String format() {
        return "sw_if_index " + Integer.toUnsignedString(swIfIndex) + ", next_worker " + nextThread + " "
                + DispatchThread.defaultName(nextThread) + ", buffer 0x" + Integer.toHexString(bi);
    }
}
