package io.vecta.runtime.threads;

import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.sdk.node.Frame;
import java.util.Objects;

/**
 * The handoff queues of a runtime: one {@link FrameQueue} per dispatch thread, into which any
 * thread hands buffers for a node of that thread (VPP's {@code vlib_buffer_enqueue_to_thread}
 * over a frame queue per thread).
 *
 * <pre>
 *   main ──offer(2, ip4-lookup, bis)──▶ queue of thread 2 ──receive, at the top of its turn──▶
 *          a Frame of thread 2's own pool, pending for ip4-lookup on thread 2
 * </pre>
 *
 * A receiver that sleeps ({@link ThreadRuntime#sleepIfIdle}) is woken by the offer that gives it
 * frames: each thread runtime {@link #attach attaches} itself as its queue's receiver.
 *
 * <p>Buffers are copied twice, into the queue's slot and then into the receiver's own frame, so
 * that no frame ever changes thread: a frame belongs to the pool of the thread that took it.
 */
public final class HandoffQueues {

    /** Frames each thread's queue holds by default (VPP's frame queue holds 64 too). */
    public static final int DEFAULT_FRAMES = 64;

    private final FrameQueue[] queues;
    private final ThreadRuntime[] receivers;

    /** Queues for {@code threadCount} threads of {@code framesPerQueue} frames each. */
    public HandoffQueues(int threadCount, int framesPerQueue) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("handoff queues: " + threadCount + " threads, at least 1 needed");
        }
        this.queues = new FrameQueue[threadCount];
        this.receivers = new ThreadRuntime[threadCount];
        for (int t = 0; t < threadCount; t++) {
            queues[t] = new FrameQueue(framesPerQueue);
        }
    }

    /** Makes {@code runtime} the receiver of its thread's queue, woken by each offer to it; at construction. */
    public synchronized void attach(ThreadRuntime runtime) {
        receivers[runtime.threadIndex()] = runtime;
    }

    /** The number of threads, main included. */
    public int threadCount() {
        return queues.length;
    }

    /** Thread {@code threadIndex}'s queue. */
    public FrameQueue queue(int threadIndex) {
        return queues[Objects.checkIndex(threadIndex, queues.length)];
    }

    /**
     * Hands {@code bis[offset .. offset + count)} to node {@code node} of thread
     * {@code threadIndex}, in frames of up to {@link Frame#CAPACITY} that may hold traced buffers
     * if {@code mayBeTraced}; any thread.
     *
     * @return how many buffers were taken, from the first on: fewer than {@code count} when the
     *         queue filled up, and those left are still the caller's
     */
    public int offer(int threadIndex, int node, int[] bis, int offset, int count, boolean mayBeTraced) {
        FrameQueue queue = queue(threadIndex);
        int done = 0;
        while (done < count) {
            int chunk = Math.min(Frame.CAPACITY, count - done);
            if (!queue.offer(node, bis, offset + done, chunk, mayBeTraced)) {
                break;
            }
            done += chunk;
        }
        ThreadRuntime receiver = receivers[threadIndex];
        if (done > 0 && receiver != null) {
            receiver.wakeUp();
        }
        return done;
    }

    /**
     * Moves the frames queued for {@code runtime}'s thread into its pending frames, each
     * copied into a frame of its own pool, where the packet traces of traced buffers go on
     * ({@link ThreadRuntime#receiveHandedOff}); that thread only.
     *
     * @return frames received
     */
    public int receive(ThreadRuntime runtime) {
        FrameQueue queue = queues[runtime.threadIndex()];
        int received = 0;
        // at most one queue's worth per turn, so that a busy sender cannot keep a receiver from its input
        while (received < queue.capacity() && !queue.isEmpty()) {
            Frame frame = runtime.takeFrame();
            runtime.receiveHandedOff(queue.poll(frame), frame);
            received++;
        }
        return received;
    }
}
