package io.vecta.runtime.dispatch;

import io.vecta.runtime.elog.EventLog;
import io.vecta.runtime.graph.FeatureArcs;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.graph.NextArcs;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.NodeFunction;
import java.util.Arrays;
import java.util.Objects;

/**
 * One node on one thread (VPP's {@code vlib_node_runtime_t}): the node's dispatcher, its
 * next frames, its statistics, and the {@link NodeContext} its code calls.
 *
 * <p>This final class is the only {@code NodeContext} the runtime ever passes, so the calls of
 * generated dispatchers into it see one receiver type and stay monomorphic (inlined).
 *
 * <h2>Next frames</h2>
 * Buffers enqueued to next index {@code n} are appended to this node's next frame for
 * {@code n}, taken from the thread's frame pool when first needed. A frame that fills up (256
 * buffers) goes onto the thread's pending queue at once and a new one is started; after the
 * node's dispatch returns every partly filled next frame goes there too (VPP's
 * {@code vlib_put_next_frame}). A node that sends its whole pending frame to one next, the
 * usual case, copies nothing: the frame it was given becomes that next frame
 * ({@link #enqueueToSingleNext}), and the thread does not take it back into its pool. A node
 * that splits its frame hands it on to the next most packets take, copying only the others
 * ({@link #enqueueToNext}).
 *
 * <h2>Statistics</h2>
 * Calls, vectors, suspends, nanoseconds and the longest call (with its vectors), kept by the
 * thread's dispatch loop once per call; errors go to the thread's global error table at the
 * node's error base.
 *
 * <h2>Clearing</h2>
 * The counters only ever grow, written by the owning thread alone. {@code clear runtime}
 * ({@link ThreadRuntime#clearRuntime}) copies them into a baseline and the accessors answer
 * the difference, as VPP keeps {@code stats_last_clear}: clearing from another thread then
 * loses no count and leaves the per-call path as it was. Only the longest call is reset in
 * place; a clear that races with a new longest call keeps either value, which is harmless.
 * Reads from another thread see each {@code long} whole and at worst a call late.
 */
public final class NodeRuntime implements NodeContext {

    private final ThreadRuntime thread;
    private final GraphNodeEntry node;
    private final NodeFunction function;
    private final NextArcs nexts;
    private final Buffers buffers;
    private final BufferAllocator allocator;
    private final long[] errorTable;
    private final int errorBase;
    private final int errorCount;
    private Frame[] nextFrames;
    private int[] touched;
    private int touchedCount;
    private long enqueued;
    private final boolean countsProduced;
    private final boolean countsArrived;
    private NodeState state;
    /** Whether this call's frame, and so every frame it enqueues, may hold traced buffers. */
    private boolean tracing;
    /** The graph's feature arcs and the arc this node is a feature of, set on the first {@link #featureNext}. */
    private FeatureArcs featureArcs;
    private int featureArc;
    /** Packets this input node is still asked to trace ({@code trace add}). */
    private int traceBudget;
    /** The pending frame being run, while the node may still hand it on whole. */
    private Frame passable;
    /** Its buffer array, to recognise it when enqueued. */
    private int[] passableBuffers;
    /** The thread's arrays for the packets a split frame sets aside, and their next indices. */
    private final int[] asideBuffers;
    private final int[] asideNexts;
    private boolean passedOn;

    long calls;
    long vectors;
    long suspends;
    long nanos;
    long maxCallNanos;
    int vectorsAtMax;

    private long callsAtClear;
    private long vectorsAtClear;
    private long suspendsAtClear;
    private long nanosAtClear;

    NodeRuntime(ThreadRuntime thread, GraphNodeEntry node, long[] errorTable) {
        this.thread = thread;
        this.node = node;
        this.function = node.descriptor().newFunction();
        this.nexts = node.nexts();
        this.buffers = thread.buffers();
        this.allocator = thread.allocator();
        this.errorTable = errorTable;
        this.errorBase = node.errorBase();
        this.errorCount = node.descriptor().errors().size();
        int arcs = Math.max(4, nexts.count());
        this.nextFrames = new Frame[arcs];
        this.touched = new int[arcs];
        this.asideBuffers = thread.asideBuffers;
        this.asideNexts = thread.asideNexts;
        NodeType type = node.descriptor().type();
        // an input node is called with an empty frame: its vectors are the packets it produced
        this.countsProduced = type == NodeType.INPUT || type == NodeType.PRE_INPUT;
        // an internal node ends or passes on every buffer it is given: its vectors are its frame's,
        // counted before the node may hand the frame, count and all, to a next node
        this.countsArrived = type == NodeType.INTERNAL;
        this.state = type == NodeType.INPUT ? NodeState.POLLING : null;
    }

    @Override
    public Buffers buffers() {
        return buffers;
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Packets that all go to one next go as {@link #enqueueToSingleNext} sends them, so that
     * a node enqueueing per packet pays for its usual, uniform frame no more than one that
     * checks first. When {@code bis} is the array of the pending frame being run, that frame
     * goes on to the next most of its packets take, as VPP hands frames on: one pass keeps
     * those packets in place, in order, and sets the others aside, which then go into their
     * next frames like any other array. A frame split one packet in sixteen thus takes no
     * second frame for its usual next and copies sixteen indices out, not 240.
     *
     * <p>Any other array is moved in runs of equal next index, each run into its next frame
     * by a loop that compares and copies in one pass (an array copy per run would cost a call
     * each).
     */
    @Override
    public void enqueueToNext(int[] bis, int[] nextIndices, int count) {
        Objects.checkFromIndexSize(0, count, Math.min(bis.length, nextIndices.length));
        if (count > 0 && allSame(nextIndices, count)) {
            enqueueToSingleNext(bis, nextIndices[0], count);
            return;
        }
        if (bis == passableBuffers && count > 0) {
            int major = likelyMajority(nextIndices, count);
            checkNext(major);
            if (nextFrames[major] == null) {
                int setAside = keepOnly(major, bis, nextIndices, count);
                passOn(major, count - setAside);
                appendRuns(asideBuffers, asideNexts, setAside);
                enqueued += count;
                return;
            }
        }
        appendRuns(bis, nextIndices, count);
        enqueued += count;
    }

    /**
     * Whether the first {@code count} next indices are all equal: their OR and their AND agree
     * only then. A loop the JIT turns into vector instructions, far cheaper than the split it
     * spares the usual frame of nodes that always enqueue per packet.
     */
    private static boolean allSame(int[] nextIndices, int count) {
        int any = 0;
        int all = -1;
        for (int i = 0; i < count; i++) {
            any |= nextIndices[i];
            all &= nextIndices[i];
        }
        return any == all;
    }

    /** The next index most packets take, judged by three: the first, the middle and the last. */
    private static int likelyMajority(int[] nextIndices, int count) {
        int first = nextIndices[0];
        int middle = nextIndices[count >>> 1];
        return first == middle || first == nextIndices[count - 1] ? first : middle;
    }

    /**
     * Compacts {@code bis} in place to the buffers going to {@code next} and copies the others,
     * with their next indices, to the aside arrays; returns how many were set aside. A branch
     * per packet, mispredicted only at the few set aside, measures faster here than writing
     * every buffer to both places without one (the extra stores cost more than the misses).
     */
    private int keepOnly(int next, int[] bis, int[] nextIndices, int count) {
        int[] asideBis = asideBuffers;
        int[] asideNext = asideNexts;
        int kept = 0;
        int aside = 0;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int n = nextIndices[i];
            if (n == next) {
                bis[kept++] = bi;
            } else {
                asideBis[aside] = bi;
                asideNext[aside++] = n;
            }
        }
        return aside;
    }

    private void appendRuns(int[] bis, int[] nextIndices, int count) {
        int i = 0;
        while (i < count) {
            int next = nextIndices[i];
            Frame frame = nextFrame(next);
            int[] to = frame.buffers();
            int n = frame.count();
            int end = Math.min(count, i + (Frame.CAPACITY - n));
            do {
                to[n++] = bis[i++];
            } while (i < end && nextIndices[i] == next);
            frame.setCount(n);
            if (n == Frame.CAPACITY) {
                putFull(next, frame);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When {@code bis} is the array of the pending frame being run and no frame to
     * {@code next} is started yet, the frame itself becomes the next frame, its indices left
     * where they are (VPP hands whole frames on in the same way): a node that passes every
     * packet on copies nothing. The frame's array then belongs to the next node, which is why
     * {@link NodeContext#enqueueToSingleNext} asks the caller not to write it after the call.
     */
    @Override
    public void enqueueToSingleNext(int[] bis, int next, int count) {
        if (bis != passableBuffers || count == 0 || !passOn(next, count)) {
            append(next, bis, 0, count);
        }
        enqueued += count;
    }

    /**
     * Makes the frame being run the next frame for {@code next}, holding its first
     * {@code count} indices; false, having done nothing, if a frame to {@code next} is started.
     */
    private boolean passOn(int next, int count) {
        checkNext(next);
        if (nextFrames[next] != null) {
            return false;
        }
        Frame frame = passable;
        adopt(next, frame);
        passable = null;
        passableBuffers = null;
        // scalars and the traced flag were the sender's; the put sets the flag again
        frame.clear();
        frame.setCount(count);
        if (count == Frame.CAPACITY) {
            putFull(next, frame);
        }
        return true;
    }

    private void append(int next, int[] bis, int offset, int count) {
        int done = 0;
        while (done < count) {
            Frame frame = nextFrame(next);
            int n = frame.count();
            int chunk = Math.min(Frame.CAPACITY - n, count - done);
            System.arraycopy(bis, offset + done, frame.buffers(), n, chunk);
            frame.setCount(n + chunk);
            done += chunk;
            if (n + chunk == Frame.CAPACITY) {
                putFull(next, frame);
            }
        }
    }

    /** Writes the global index of error {@code code}, marked as counted, into the buffer's error field. */
    @Override
    public void noteCountedError(int bi, int code) {
        buffers.setError(bi, Graph.COUNTED_ERROR | (errorBase + Objects.checkIndex(code, errorCount)));
    }

    @Override
    public void addErrors(int[] counts, int offset) {
        long[] table = errorTable;
        int base = errorBase;
        for (int code = 0; code < errorCount; code++) {
            table[base + code] += counts[offset + code];
        }
    }

    @Override
    public boolean tracing() {
        return tracing;
    }

    @Override
    public int traceBudget() {
        return traceBudget;
    }

    @Override
    public void traceBuffer(int bi) {
        if (traceBudget > 0) {
            traceBudget--;
        }
        int handle = thread.startPacketTrace();
        if (handle < 0) {
            return;
        }
        buffers.addFlags(bi, BufferFlags.IS_TRACED);
        buffers.setTraceHandle(bi, handle);
        tracing = true;
    }

    @Override
    public void addTrace(int bi, Object record) {
        thread.addTrace(bi, node.name(), record);
    }

    /**
     * Asks this input node to trace {@code packets} more packets ({@code trace add}); 0 ends its
     * tracing, as VPP's {@code trace add NODE 0} does. The budget saturates at
     * {@link Integer#MAX_VALUE}.
     *
     * @throws IllegalStateException if the node is not an input node, which is what starts traces
     * @throws IllegalArgumentException if {@code packets} is negative
     */
    public void addTraceBudget(int packets) {
        if (node.descriptor().type() != NodeType.INPUT) {
            throw new IllegalStateException("node '" + node.name() + "' is " + node.descriptor().type()
                    + ", only input nodes start packet traces");
        }
        if (packets < 0) {
            throw new IllegalArgumentException("node '" + node.name() + "': trace count " + packets
                    + " is negative");
        }
        traceBudget = packets == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) traceBudget + packets);
    }

    @Override
    public int threadIndex() {
        return thread.threadIndex();
    }

    @Override
    public int nodeIndex() {
        return node.index();
    }

    /** {@inheritDoc} The node's arc is looked up on the first call. */
    @Override
    public int featureNext(int bi) {
        if (featureArcs == null) {
            FeatureArcs arcs = graph().featureArcs();
            featureArc = arcs.arcOfFeature(node.index());
            if (featureArc < 0) {
                throw new IllegalStateException("node '" + node.name() + "' is not a feature of any arc: only a node"
                        + " declared with @Feature(arc = ...) passes packets on with featureNext");
            }
            featureArcs = arcs;
        }
        return featureArcs.next(featureArc, buffers, bi);
    }

    @Override
    public int threadCount() {
        return thread.threadCount();
    }

    @Override
    public int handoff(int[] bis, int offset, int count, int next, int threadIndex) {
        int target = nexts.target(next);
        if (threadIndex == thread.threadIndex()) {
            append(next, bis, offset, count);
            enqueued += count;
            return count;
        }
        if (thread.handoff() == null) {
            throw new IndexOutOfBoundsException("node '" + node.name() + "': thread " + threadIndex
                    + " does not exist, the runtime has 1 thread");
        }
        int taken = thread.handoff().offer(threadIndex, target, bis, offset, count, tracing);
        enqueued += taken;
        return taken;
    }

    @Override
    public EventLog eventLog() {
        return thread.eventLog();
    }

    /**
     * Counts {@code packets} buffers whose error field holds global error index {@code error}
     * against that error, as VPP's {@code error-drop} counts {@code b->error}. A value
     * past the table is not counted: an error marked {@link Graph#COUNTED_ERROR} was counted by
     * the node that chose it, and any other is a faulty node's, which must not stop the thread
     * (the packet still counts as one of the node's vectors).
     */
    public void countBufferErrors(int error, long packets) {
        long[] table = errorTable;
        if (error < table.length) {
            table[error] += packets;
        }
    }

    /** How trace records name interface {@code swIfIndex}: its name, or {@code sw_if_index N} if it has none. */
    public String interfaceName(int swIfIndex) {
        return InterfaceTable.of(graph()).nameOf(swIfIndex);
    }

    /** The graph the node belongs to, for built-in nodes that keep state per graph. */
    public Graph graph() {
        return thread.graph();
    }

    /** The graph node this runs. */
    public GraphNodeEntry node() {
        return node;
    }

    /** The input node's state on this thread, or null for other node types. */
    public NodeState state() {
        return state;
    }

    /** Sets an input node's state on this thread. */
    public void setState(NodeState state) {
        if (node.descriptor().type() != NodeType.INPUT) {
            throw new IllegalStateException("node '" + node.name() + "' is " + node.descriptor().type()
                    + ", only input nodes have a polling state");
        }
        this.state = state;
    }

    /** Calls of the node's dispatcher (resumes of a process) since the last clear. */
    public long calls() {
        return calls - callsAtClear;
    }

    /** Buffers the node processed (for input nodes: produced) since the last clear. */
    public long vectors() {
        return vectors - vectorsAtClear;
    }

    /** Times a process suspended since the last clear. */
    public long suspends() {
        return suspends - suspendsAtClear;
    }

    /** Nanoseconds spent in the node's calls since the last clear. */
    public long nanos() {
        return nanos - nanosAtClear;
    }

    /** Nanoseconds of the longest single call since the last clear; 0 before the first. */
    public long maxCallNanos() {
        return maxCallNanos;
    }

    /** Vectors of the longest single call since the last clear. */
    public int vectorsAtMaxCall() {
        return vectorsAtMax;
    }

    /** Error counter {@code code} of the node on this thread since the last clear. */
    public long errorCount(int code) {
        return thread.errorCounter(errorBase + Objects.checkIndex(code, errorCount));
    }

    /** Counts one call of {@code spentNanos} that processed {@code vectorCount} vectors. */
    void countCall(int vectorCount, long spentNanos) {
        calls++;
        vectors += vectorCount;
        nanos += spentNanos;
        if (spentNanos > maxCallNanos) {
            maxCallNanos = spentNanos;
            vectorsAtMax = vectorCount;
        }
    }

    /** Makes the statistics start again from zero ({@code clear runtime}). */
    void clearStatistics() {
        callsAtClear = calls;
        vectorsAtClear = vectors;
        suspendsAtClear = suspends;
        nanosAtClear = nanos;
        maxCallNanos = 0;
        vectorsAtMax = 0;
    }

    /**
     * Runs the dispatcher over {@code frame}; returns the vectors to count: an input node's
     * produced packets, an internal node's frame as it arrived, what a process node returns. A frame the thread
     * owns and dispatches from its pending queue is {@code passable}: the node may hand it on
     * whole ({@link #enqueueToSingleNext}), and {@link #passedFrameOn} then says so.
     */
    int run(Frame frame, boolean passable) {
        long before = enqueued;
        int arrived = frame.count();
        tracing = frame.isTraced();
        this.passable = passable ? frame : null;
        this.passableBuffers = passable ? frame.buffers() : null;
        int processed = function.dispatch(this, frame);
        boolean passedOn = passable && this.passable == null;
        this.passable = null;
        this.passableBuffers = null;
        flushNextFrames();
        this.passedOn = passedOn;
        return countsProduced ? (int) (enqueued - before) : countsArrived ? arrived : processed;
    }

    /** Whether the last {@link #run} handed its frame on to a next node, which now owns it. */
    boolean passedFrameOn() {
        return passedOn;
    }

    private Frame nextFrame(int next) {
        checkNext(next);
        Frame frame = nextFrames[next];
        if (frame == null) {
            frame = thread.takeFrame();
            adopt(next, frame);
        }
        return frame;
    }

    /** Throws for a next index the node does not have; makes room for one it has. */
    private void checkNext(int next) {
        if (next >= nextFrames.length || next < 0) {
            nexts.target(next);
            growTo(nexts.count());
        }
    }

    /** Makes {@code frame} the next frame for {@code next}, which has none. */
    private void adopt(int next, Frame frame) {
        nexts.target(next);
        nextFrames[next] = frame;
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = next;
    }

    private void growTo(int count) {
        nextFrames = Arrays.copyOf(nextFrames, count);
        touched = Arrays.copyOf(touched, Math.max(touched.length, count));
    }

    private void putFull(int next, Frame frame) {
        nextFrames[next] = null;
        frame.setTraced(tracing);
        thread.putPending(nexts.target(next), frame);
    }

    private void flushNextFrames() {
        for (int i = 0; i < touchedCount; i++) {
            int next = touched[i];
            Frame frame = nextFrames[next];
            if (frame != null) {
                nextFrames[next] = null;
                frame.setTraced(tracing);
                thread.putPending(nexts.target(next), frame);
            }
        }
        touchedCount = 0;
    }
}
