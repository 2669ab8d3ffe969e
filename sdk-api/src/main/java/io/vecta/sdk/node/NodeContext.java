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
     * The runtime copies the indices out; both arrays are the caller's again on return.
     *
     * @throws IndexOutOfBoundsException if a next index is not one of the node's nexts
     */
    void enqueueToNext(int[] buffers, int[] nexts, int count);

    /**
     * Passes {@code buffers[0 .. count)} on, all to next index {@code next}.
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
     * Whether the frame being run may hold traced buffers ({@link Frame#isTraced()}). Generated
     * loops read each buffer's flags for its trace only when this is true.
     */
    boolean tracing();

    /**
     * Marks buffer {@code bi} as traced (sets {@code IS_TRACED}) and the frames this call
     * enqueues as traced, so every node it passes through records its trace: what an input
     * node does for the packets {@code trace add} asks for.
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

    /** The event ring of the thread running the node, for events the node logs itself. */
    EventLogger eventLog();
}
