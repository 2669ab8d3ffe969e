package io.vecta.sdk.node;

import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.elog.EventLogger;

/**
 * What the runtime offers a node while it runs a frame, one per thread and node.
 *
 * <p>Generated dispatchers call this interface once per frame, never once per packet: next
 * indices and error counts are gathered into arrays and handed over in bulk, as VPP's
 * {@code vlib_buffer_enqueue_to_next} and {@code vlib_node_increment_counter} do. A
 * per-packet method may still use {@link #buffers()} (one field read) for its packet.
 *
 * <p>Implementations belong to the runtime; tests of a node may implement it to collect
 * what a dispatcher enqueues.
 */
public interface NodeContext {

    /** The buffer memory, to read and write the frame's packets. */
    Buffers buffers();

    /** This thread's buffer allocator, for nodes that create or free packets. */
    BufferAllocator allocator();

    /**
     * Passes {@code buffers[0 .. count)} on, buffer {@code i} to next index {@code nexts[i]}.
     * When {@code buffers} is the array of the frame being run ({@link Frame#buffers()}), the
     * runtime may hand that frame itself to the next most packets take, its array compacted to
     * that next's packets in their order, and copy out only the others: the frame is then the
     * next node's, and the caller must not read or write its array or read its scalars after
     * the call. Any other array, and {@code nexts}, are the caller's again on return.
     *
     * @throws IndexOutOfBoundsException if a next index is not one of the node's nexts
     */
    void enqueueToNext(int[] buffers, int[] nexts, int count);

    /**
     * Passes {@code buffers[0 .. count)} on, all to next index {@code next}. When
     * {@code buffers} is the array of the frame being run ({@link Frame#buffers()}), the runtime
     * may hand that frame itself to the next node instead of copying the indices out, as VPP
     * passes a whole frame on: the frame is then the next node's, and the caller must not write
     * its array or read its scalars after the call. Any other array is copied and is the
     * caller's again on return.
     *
     * @throws IndexOutOfBoundsException if {@code next} is not one of the node's nexts
     */
    void enqueueToSingleNext(int[] buffers, int next, int count);

    /**
     * Adds error counts once per frame: {@code counts[offset + code]} packets to the node's
     * error counter {@code code}, for every code of the node's error enum. The array stays the
     * caller's; clearing it for the next frame is the caller's job.
     */
    void addErrors(int[] counts, int offset);

    /**
     * Tells traced buffer {@code bi} which of this node's errors ({@code code}) it was counted
     * under, so that the drop node's trace record names the reason, as VPP's {@code b->error}
     * does. The count stays the node's own ({@link #addErrors}); the buffer only carries the
     * reason. Generated loops call it for traced buffers whose outcome carries an error.
     */
    default void noteCountedError(int bi, int code) {
    }

    /**
     * Whether the frame being run may hold traced buffers ({@link Frame#isTraced()}). Generated
     * loops read each buffer's flags for its trace only when this is true.
     */
    boolean tracing();

    /**
     * How many more packets this node is asked to trace on this thread: {@code trace add NODE N}
     * gives input node {@code NODE} {@code N} more, and each {@link #traceBuffer} takes one.
     * 0 when nobody asked (always, for nodes that are not input nodes), so an input node pays one
     * field read per call for tracing:
     *
     * <pre>{@code
     * int traceable = Math.min(ctx.traceBudget(), produced);
     * for (int i = 0; i < traceable; i++) {
     *     ctx.traceBuffer(bis[i]);
     * }
     * }</pre>
     *
     * VPP's {@code vlib_get_trace_count}. A context without tracing answers 0.
     */
    default int traceBudget() {
        return 0;
    }

    /**
     * Marks buffer {@code bi} as traced (sets {@code IS_TRACED} and gives it a trace of its own)
     * and the frames this call enqueues as traced, so every node it passes through records its
     * trace: what an input node does for the packets {@code trace add} asks for, within its
     * {@link #traceBudget()}, which this call lowers by one. When the thread's trace buffer is
     * full the buffer is left untraced and the runtime counts the packet as dropped from the
     * trace; nothing is thrown.
     */
    void traceBuffer(int bi);

    /**
     * Records {@code record} as this node's trace of buffer {@code bi}, which has the traced
     * flag set; {@code show trace} prints it with its {@code format()} or {@code toString()}.
     */
    void addTrace(int bi, Object record);

    /** The index of the thread running the node: 0 for main, 1 to N for workers. */
    int threadIndex();

    /** The node's index in the graph. */
    int nodeIndex();

    /** The number of dispatch threads: 1 for main alone, 1 + N with N workers. */
    default int threadCount() {
        return 1;
    }

    /**
     * Hands {@code buffers[offset .. offset + count)} to the node at next index {@code next} on
     * thread {@code threadIndex} (VPP's {@code vlib_buffer_enqueue_to_thread}): they are copied
     * into that thread's handoff queue and dispatched there on its next turn. To this node's own
     * thread, it is {@link #enqueueToSingleNext}. A full queue never blocks: the call takes what
     * fits, whole frames of up to 256 from the first buffer on, and returns how many; the rest
     * are still the caller's, to free and count as a congestion drop. A traced buffer's trace
     * goes on on the receiving thread, which starts a trace of its own for it that names where
     * the first part is; take this node's trace record of a buffer before handing it over,
     * since once taken the buffer belongs to the other thread.
     *
     * @return buffers taken, {@code 0} to {@code count}
     * @throws IndexOutOfBoundsException if {@code next} is not one of the node's nexts or
     *                                   {@code threadIndex} not a thread
     */
    default int handoff(int[] buffers, int offset, int count, int next, int threadIndex) {
        throw new UnsupportedOperationException("this context has one thread and hands no buffers to others");
    }

    /**
     * For a node declared with {@code @Feature}: the next index that takes buffer {@code bi} on
     * to whatever follows this feature on the buffer's interface in the arc (the next enabled
     * feature, else the arc's last node), as VPP's {@code vnet_feature_next}; the buffer's place
     * in the arc moves on with it. Call it once per buffer that continues along the arc; a buffer
     * the feature drops or sends elsewhere does not.
     *
     * <pre>{@code
     * @PerPacket
     * int process(NodeContext ctx, int bi) {
     *     inspect(ctx.buffers(), bi);
     *     return ctx.featureNext(bi);
     * }
     * }</pre>
     *
     * @throws IllegalStateException if the node is not a feature, or the buffer did not come
     *                               through the arc
     */
    default int featureNext(int bi) {
        throw new UnsupportedOperationException("this context runs no feature arcs");
    }

    /** The event ring of the thread running the node, for events the node logs itself. */
    EventLogger eventLog();
}
