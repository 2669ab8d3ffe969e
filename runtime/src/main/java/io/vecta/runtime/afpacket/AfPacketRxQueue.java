package io.vecta.runtime.afpacket;

import io.vecta.runtime.interfaces.RxMode;

/**
 * The receive queue of a host interface as its thread reads it: the rx mode set by the CLI, and
 * in adaptive mode whether the queue is being polled now.
 *
 * <pre>
 *   adaptive:  interrupt ──a call that takes ≥ {@value #POLLING_THRESHOLD} frames──▶ polling
 *              polling   ──{@value #IDLE_POLLS} calls in a row that take none──────▶ interrupt
 * </pre>
 * Why these numbers: {@value #POLLING_THRESHOLD} frames in one call is VPP's default polling
 * threshold (a vector of 10 means the ring filled faster than the loop turned); going back
 * needs the ring empty for a while longer than the kernel's block retire time, else a steady
 * stream that hands over a block every millisecond or so would flip the mode on every block.
 * {@value #IDLE_POLLS} empty polls last about 10 ms on a thread busy with other work (turns of
 * some 10 µs) and about a second on a thread that is otherwise idle (its polls then come a
 * millisecond apart, see {@link io.vecta.runtime.dispatch.SleepingIdleStrategy}).
 *
 * <p>The mode is written on the main thread with the queue's thread stopped (or on it); the
 * adaptive state belongs to the queue's thread.
 */
public final class AfPacketRxQueue {

    /** Frames in one interrupt-mode call that switch an adaptive queue to polling. */
    public static final int POLLING_THRESHOLD = 10;
    /** Consecutive empty polls that switch an adaptive queue back to interrupt. */
    public static final int IDLE_POLLS = 1024;

    private RxMode mode;
    private boolean adaptivePolling;
    private int emptyPolls;

    AfPacketRxQueue(RxMode mode) {
        this.mode = mode;
    }

    /** The mode set. */
    public RxMode mode() {
        return mode;
    }

    /** Whether the queue is polled now: in polling mode, or in adaptive mode under load. */
    public boolean polls() {
        return mode == RxMode.POLLING || adaptivePolling;
    }

    /** Whether the queue's socket must be in its thread's epoll set. */
    boolean watched() {
        return mode != RxMode.POLLING;
    }

    void setMode(RxMode mode) {
        this.mode = mode;
        this.adaptivePolling = false;
        this.emptyPolls = 0;
    }

    /**
     * Counts a call of the input node that took {@code frames} from the ring.
     *
     * @return true if an adaptive queue switched between interrupt and polling
     */
    boolean afterCall(int frames) {
        if (mode != RxMode.ADAPTIVE) {
            return false;
        }
        if (!adaptivePolling) {
            if (frames >= POLLING_THRESHOLD) {
                adaptivePolling = true;
                emptyPolls = 0;
                return true;
            }
            return false;
        }
        if (frames > 0) {
            emptyPolls = 0;
            return false;
        }
        if (++emptyPolls >= IDLE_POLLS) {
            adaptivePolling = false;
            return true;
        }
        return false;
    }
}
