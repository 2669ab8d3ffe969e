package io.vecta.runtime.dispatch;

import io.vecta.runtime.afpacket.AfPacketInterfaces;
import io.vecta.runtime.elog.DispatchEvents;
import io.vecta.runtime.elog.EventLog;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.pcap.PcapDispatchTrace;
import io.vecta.runtime.pg.PacketGenerator;
import io.vecta.runtime.graph.GraphNodeEntry;
import io.vecta.runtime.ip4.Ip4Forwarding;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.threads.HandoffQueues;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.elog.EventCatalog;
import io.vecta.sdk.node.Frame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * One dispatch thread's copy of the graph and its loop (VPP's {@code vlib_main_t}): a
 * {@link NodeRuntime} per node, the pending frames, a pool of frames, the global error table
 * and the packet traces ({@link TraceBuffer}).
 *
 * <h2>One turn of the loop ({@link #runOnce})</h2>
 * <pre>
 *   0. frames other threads handed to this one (see {@link HandoffQueues}), made pending
 *   1. pre-input nodes, each called with an empty frame
 *   2. input nodes in state POLLING, and those in INTERRUPT state that were interrupted
 *   3. pending frames, first in first out, until none is left: the graph is quiet
 *   4. on the main thread, processes whose timer expired or who got an event
 * </pre>
 * Each node call reads {@link System#nanoTime()} once: a call's time runs from the end of the
 * previous call on this thread to its own end, so the loop's own bookkeeping is charged to the
 * node that follows it, as VPP's clock-per-dispatch accounting does.
 *
 * <h2>Event log</h2>
 * Each thread owns an {@link EventLog} on its own track. With dispatch events on, every node
 * call logs {@link DispatchEvents#CALL} before and {@link DispatchEvents#RETURN} after; the
 * switch is one plain boolean read once per call, and off costs nothing else.
 *
 * <h2>Pcap dispatch trace</h2>
 * With a {@link PcapDispatchTrace} set, every node call first writes the buffers of its frame
 * to the capture; without one, the cost is one null check per call and nothing per packet.
 *
 * <h2>Files, interrupts and sleep</h2>
 * Each thread owns an epoll set ({@link ThreadFiles}, VPP's file poll): {@link #watchFile}
 * registers a descriptor with the input node it interrupts when readable (a host interface's
 * socket in interrupt mode). A turn that has descriptors to watch first looks at them without
 * waiting (one {@code epoll_wait(0)}), so an interrupt-mode node is called on the turn its data
 * came, busy or not.
 * <pre>
 *   turn without work ─▶ {@link SleepingIdleStrategy}: spin, yield, then
 *     an input node POLLING?      ─ yes ─▶ park, 1 µs growing to 1 ms (polling needs turns)
 *     pending frames, interrupts, handed-off frames, outside work?  ─ yes ─▶ no sleep
 *     else: sleep in epoll_wait, at most {@link #MAX_SLEEP_MILLIS} ms and no later than the
 *           next process timer; ended by a readable descriptor or by {@link #wakeUp}
 * </pre>
 * Whoever gives a thread work from outside wakes it: {@link #interrupt} does, a handoff to it
 * does, main-thread tasks, the worker barrier and a stop do. A sleeping thread announces it
 * (a volatile flag) before it checks for work one last time, and a waker publishes its work
 * before it reads the flag, so one of the two always sees the other (VPP's
 * {@code thread_sleeps}). The cap of {@value #MAX_SLEEP_MILLIS} ms is VPP's: it bounds the
 * delay of any change to a thread's work that would not wake it.
 *
 * <h2>Threads</h2>
 * Everything here belongs to the thread that runs the loop, except {@link #interrupt}, which
 * any thread may call, and {@link #currentNodeIndex}, which any thread may read: the loop
 * stores the index of each node before calling it (one opaque store per call, no fence), so
 * that a barrier that times out can name the node a stuck thread is in.
 */
public final class ThreadRuntime {

    /** Frames kept ready per thread before the pool allocates more. */
    private static final int INITIAL_FRAMES = 64;

    /** {@link #currentNodeIndex} before the first node call. */
    public static final int NO_NODE = -1;

    /** Longest sleep of an idle thread, as VPP's main loop caps its {@code epoll_wait}. */
    public static final int MAX_SLEEP_MILLIS = 10;

    private static final VarHandle CURRENT_NODE;
    private static final VarHandle SLEEPING;

    static {
        try {
            CURRENT_NODE = MethodHandles.lookup().findVarHandle(ThreadRuntime.class, "currentNode", int.class);
            SLEEPING = MethodHandles.lookup().findVarHandle(ThreadRuntime.class, "sleeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Graph graph;
    private final int threadIndex;
    private final Buffers buffers;
    private final BufferAllocator allocator;
    private final long[] errorTable;
    private final long[] errorsAtClear;
    private final NodeRuntime[] nodes;
    private final int[] preInputNodes;
    private final int[] inputNodes;
    private final AtomicIntegerArray interrupts;
    private final Frame emptyFrame = new Frame();
    private final ProcessScheduler processes;
    private final TraceBuffer traceBuffer;
    private long traceFilteredAtLoop = -1;
    private final HandoffQueues handoff;
    @SuppressWarnings("unused") // through CURRENT_NODE
    private int currentNode = NO_NODE;
    private final EventLog eventLog;
    private final int[] nodeNameIds;
    private boolean dispatchEvents;
    private PcapDispatchTrace dispatchPcap;
    /** Made on first use: see {@link ThreadFiles}. */
    private volatile ThreadFiles files;
    @SuppressWarnings("unused") // through SLEEPING
    private volatile boolean sleeping;
    private long sleeps;
    private boolean closed;

    private Frame[] freeFrames = new Frame[INITIAL_FRAMES];
    private int freeFrameCount;
    private int[] pendingNodes = new int[INITIAL_FRAMES];
    /** Shared by the thread's nodes: what a node splitting its frame sets aside ({@link NodeRuntime#enqueueToNext}). */
    final int[] asideBuffers = new int[Frame.CAPACITY];
    final int[] asideNexts = new int[Frame.CAPACITY];
    private Frame[] pendingFrames = new Frame[INITIAL_FRAMES];
    private int pendingHead;
    private int pendingCount;
    private long lastNanos;
    private long loops;
    private long loopsAtClear;
    private long runtimeClearedNanos;

    /**
     * The runtime of thread {@code threadIndex} (0 is main and also runs the processes) over
     * {@code graph}, with that thread's buffer allocator.
     */
    public ThreadRuntime(Graph graph, int threadIndex, BufferAllocator allocator) {
        this(graph, threadIndex, allocator, null);
    }

    /**
     * The runtime of thread {@code threadIndex} of a runtime with several dispatch threads,
     * which receives and sends buffers through {@code handoff} (null: a single thread).
     */
    public ThreadRuntime(Graph graph, int threadIndex, BufferAllocator allocator, HandoffQueues handoff) {
        if (handoff != null && threadIndex >= handoff.threadCount()) {
            throw new IllegalArgumentException("thread " + threadIndex + " has no handoff queue: there are "
                    + handoff.threadCount() + " threads");
        }
        this.handoff = handoff;
        this.graph = graph;
        this.threadIndex = threadIndex;
        this.allocator = allocator;
        this.buffers = allocator.buffers();
        this.errorTable = new long[graph.errorCount()];
        this.errorsAtClear = new long[graph.errorCount()];
        this.nodes = new NodeRuntime[graph.nodeCount()];
        this.nodeNameIds = new int[graph.nodeCount()];
        this.traceBuffer = new TraceBuffer(threadIndex, TraceBuffer.DEFAULT_RECORD_LIMIT);
        this.eventLog = new EventLog(threadIndex, DispatchThread.defaultName(threadIndex), EventLog.DEFAULT_CAPACITY);
        List<Integer> preInput = new ArrayList<>();
        List<Integer> input = new ArrayList<>();
        List<NodeRuntime> processNodes = new ArrayList<>();
        for (GraphNodeEntry entry : graph.nodes()) {
            nodes[entry.index()] = new NodeRuntime(this, entry, errorTable);
            nodeNameIds[entry.index()] = EventCatalog.global().intern(entry.name());
            switch (entry.descriptor().type()) {
                case PRE_INPUT -> preInput.add(entry.index());
                case INPUT -> input.add(entry.index());
                case PROCESS -> processNodes.add(nodes[entry.index()]);
                case INTERNAL -> { }
            }
        }
        this.preInputNodes = preInput.stream().mapToInt(Integer::intValue).toArray();
        this.inputNodes = input.stream().mapToInt(Integer::intValue).toArray();
        this.interrupts = new AtomicIntegerArray(graph.nodeCount());
        this.processes = threadIndex == 0 ? new ProcessScheduler(processNodes, MainClock.of(graph)) : null;
        // the packet generator's input polls only while one of its streams is enabled, as in VPP
        PacketGenerator.attach(this);
        // so is af-packet-input, while no host interface's ring is placed on this thread
        AfPacketInterfaces.attach(this);
        // and the IPv4 neighbour hand-over, only when a worker has learnt a neighbour
        Ip4Forwarding.attach(this);
        for (int i = 0; i < INITIAL_FRAMES; i++) {
            freeFrames[freeFrameCount++] = new Frame();
        }
        if (handoff != null) {
            handoff.attach(this);
        }
        this.lastNanos = System.nanoTime();
        this.runtimeClearedNanos = lastNanos;
    }

    /**
     * One turn of the loop: pre-input, input, pending frames until the graph is quiet, and on
     * the main thread the processes that are due.
     *
     * @return the work done: vectors processed plus processes resumed; 0 means idle
     */
    public int runOnce() {
        int work = 0;
        if (handoff != null) {
            handoff.receive(this);
        }
        ThreadFiles watching = files;
        if (watching != null && watching.watched() > 0) {
            watching.poll(0, interrupts);
        }
        lastNanos = System.nanoTime();
        for (int node : preInputNodes) {
            work += dispatch(nodes[node], emptyFrame, false);
        }
        for (int node : inputNodes) {
            NodeRuntime input = nodes[node];
            NodeState state = input.state();
            if (state == NodeState.POLLING
                    || state == NodeState.INTERRUPT && interrupts.get(node) != 0 && interrupts.getAndSet(node, 0) != 0) {
                work += dispatch(input, emptyFrame, false);
            }
        }
        work += drainPending();
        if (processes != null) {
            work += processes.runDue(this);
        }
        loops++;
        return work;
    }

    /**
     * Dispatches every pending frame, and those they produce, until none is left.
     *
     * @return vectors processed
     */
    public int drainPending() {
        int work = 0;
        while (pendingCount > 0) {
            int slot = pendingHead;
            int node = pendingNodes[slot];
            Frame frame = pendingFrames[slot];
            pendingFrames[slot] = null;
            pendingHead = (slot + 1) & (pendingFrames.length - 1);
            pendingCount--;
            NodeRuntime runtime = nodes[node];
            work += dispatch(runtime, frame, true);
            // a node that passed its whole frame on no longer owns it: the frame is pending again
            if (!runtime.passedFrameOn()) {
                frame.clear();
                releaseFrame(frame);
            }
        }
        return work;
    }

    /**
     * Turns the loop until {@code keepRunning} says stop, idling with {@code idle} after turns
     * without work.
     */
    public void run(BooleanSupplier keepRunning, IdleStrategy idle) {
        while (keepRunning.getAsBoolean()) {
            idle.idle(runOnce());
        }
    }

    /**
     * Turns the loop until {@code keepRunning} says stop, idling with an
     * {@link #idleStrategy}; a stop asked for while the thread sleeps needs a {@link #wakeUp} to
     * take effect at once, else within {@value #MAX_SLEEP_MILLIS} ms.
     */
    public void run(BooleanSupplier keepRunning) {
        run(keepRunning, idleStrategy(() -> !keepRunning.getAsBoolean()));
    }

    /**
     * How this thread idles: spin, yield, then sleep in {@code epoll_wait} while nothing polls
     * (see {@link SleepingIdleStrategy}); {@code outsideWork} says whether anything beside the
     * graph waits for the loop.
     */
    public IdleStrategy idleStrategy(BooleanSupplier outsideWork) {
        return new SleepingIdleStrategy(this, outsideWork);
    }

    /**
     * Sleeps in {@code epoll_wait} if nothing on this thread needs the loop to turn: no input
     * node polls, no frame is pending, no interrupt, handed-off frame or {@code outsideWork}
     * waits. The sleep ends when a watched descriptor is readable, on {@link #wakeUp}, at the
     * next process timer, or after {@value #MAX_SLEEP_MILLIS} ms. The thread only.
     *
     * @return false if it did not sleep because something polls or waits
     */
    public boolean sleepIfIdle(BooleanSupplier outsideWork) {
        if (pendingCount > 0 || closed) {
            return false;
        }
        for (int node : inputNodes) {
            if (nodes[node].state() == NodeState.POLLING) {
                return false;
            }
        }
        ThreadFiles watching = files();
        // announce the sleep, then look for work once more: a waker publishes, then reads the flag
        SLEEPING.setVolatile(this, true);
        long timeoutNanos = processes == null ? Long.MAX_VALUE : processes.nanosUntilDue();
        if (timeoutNanos <= 0 || anyInterruptPending() || handoff != null && !handoff.queue(threadIndex).isEmpty()
                || outsideWork.getAsBoolean()) {
            SLEEPING.setVolatile(this, false);
            return false;
        }
        // rounded up: a timer due in 0.3 ms is not worth a wake-up now and a sleep again
        long millis = timeoutNanos >= MAX_SLEEP_MILLIS * 1_000_000L ? MAX_SLEEP_MILLIS
                : (timeoutNanos + 999_999) / 1_000_000;
        watching.poll((int) millis, interrupts);
        SLEEPING.setVolatile(this, false);
        sleeps++;
        return true;
    }

    /**
     * Ends this thread's sleep, if it sleeps: after giving it work from another thread. Costs a
     * fence and a volatile read when the thread is awake; any thread.
     */
    public void wakeUp() {
        // the work the caller published must be visible before the flag is read (StoreLoad)
        VarHandle.fullFence();
        if ((boolean) SLEEPING.getVolatile(this) && SLEEPING.compareAndSet(this, true, false)) {
            // rare (once per sleep), and never while close releases the eventfd: a stop can wake
            // a thread whose loop is closing its files
            synchronized (this) {
                if (!closed && files != null) {
                    files.ring();
                }
            }
        }
    }

    /**
     * Interrupts input node {@code node} whenever descriptor {@code fd} is readable, through this
     * thread's epoll set; the main thread with this thread stopped, or this thread.
     *
     * @throws IllegalArgumentException if {@code node} is not an input node
     * @throws io.vecta.nativeio.linux.ErrnoException naming the call if the kernel refuses
     */
    public void watchFile(int fd, int node) {
        if (Arrays.stream(inputNodes).noneMatch(n -> n == node)) {
            throw new IllegalArgumentException("thread " + threadIndex + ": node '" + graph.nodes().get(node).name()
                    + "' is not an input node: only an input node can be interrupted by a file");
        }
        files().watch(fd, node);
    }

    /** Stops watching descriptor {@code fd}; as {@link #watchFile}. */
    public void unwatchFile(int fd) {
        ThreadFiles watching = files;
        if (watching != null && !closed) {
            watching.unwatch(fd);
        }
    }

    /** How many descriptors this thread watches for input nodes. */
    public int watchedFiles() {
        ThreadFiles watching = files;
        return watching == null ? 0 : watching.watched();
    }

    /** Sleeps in {@code epoll_wait} so far ({@code show threads}' idea of an idle thread). */
    public long sleeps() {
        return sleeps;
    }

    /** {@code epoll_wait} calls so far, sleeps and looks alike; 0 for a thread without files. */
    public long epollWaits() {
        ThreadFiles watching = files;
        return watching == null ? 0 : watching.waits();
    }

    /**
     * Closes the thread's epoll set and wake-up eventfd, once its loop has ended for good; the
     * descriptors it watched stay open. Idempotent.
     */
    public synchronized void close() {
        closed = true;
        ThreadFiles watching = files;
        if (watching != null) {
            watching.close();
        }
    }

    private synchronized ThreadFiles files() {
        if (closed) {
            throw new IllegalStateException(DispatchThread.defaultName(threadIndex) + " has stopped: it watches no file");
        }
        ThreadFiles watching = files;
        if (watching == null) {
            watching = new ThreadFiles(DispatchThread.defaultName(threadIndex));
            files = watching;
        }
        return watching;
    }

    private boolean anyInterruptPending() {
        for (int node : inputNodes) {
            if (interrupts.get(node) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Queues {@code frame} for node {@code node}, as if a node had enqueued it: how input from
     * outside the graph (tests, the packet generator) enters. The frame becomes the thread's.
     */
    public void putPending(int node, Frame frame) {
        if (pendingCount == pendingFrames.length) {
            growPending();
        }
        int slot = (pendingHead + pendingCount) & (pendingFrames.length - 1);
        pendingNodes[slot] = node;
        pendingFrames[slot] = frame;
        pendingCount++;
    }

    /**
     * Asks for interrupt-mode input node {@code node} to be called on the next turn, waking the
     * thread if it sleeps; any thread.
     */
    public void interrupt(int node) {
        interrupts.set(node, 1);
        wakeUp();
    }

    /** A frame from the thread's pool, empty; give it to {@link #putPending} or back. */
    public Frame takeFrame() {
        return freeFrameCount > 0 ? freeFrames[--freeFrameCount] : new Frame();
    }

    /** How many frames wait to be dispatched. */
    public int pendingFrames() {
        return pendingCount;
    }

    /** Turns of the loop so far, clears notwithstanding ({@code show threads}). */
    public long loops() {
        return loops;
    }

    /** Turns of the loop since the last {@link #clearRuntime}. */
    public long loopsSinceClear() {
        return loops - loopsAtClear;
    }

    /** {@link System#nanoTime()} of the last {@link #clearRuntime}, or of construction. */
    public long runtimeClearedNanos() {
        return runtimeClearedNanos;
    }

    /**
     * The node this thread called last, and may still be in; {@link #NO_NODE} before the
     * first call. Any thread; at worst a call late.
     */
    public int currentNodeIndex() {
        return (int) CURRENT_NODE.getOpaque(this);
    }

    /** The handoff queues this thread receives from and sends to; null for a single-threaded runtime. */
    public HandoffQueues handoff() {
        return handoff;
    }

    /** The number of dispatch threads of the runtime, main included. */
    public int threadCount() {
        return handoff == null ? 1 : handoff.threadCount();
    }

    /** The thread index. */
    public int threadIndex() {
        return threadIndex;
    }

    /** The graph this thread runs. */
    public Graph graph() {
        return graph;
    }

    /** The buffer memory. */
    public Buffers buffers() {
        return buffers;
    }

    /** This thread's buffer allocator. */
    public BufferAllocator allocator() {
        return allocator;
    }

    /** Node {@code index} on this thread. */
    public NodeRuntime node(int index) {
        return nodes[index];
    }

    /** The node called {@code name} on this thread. */
    public NodeRuntime node(String name) {
        return nodes[graph.node(name).index()];
    }

    /**
     * The global error counter {@code errorIndex} on this thread since the last
     * {@link #clearErrors} (see {@link Graph#errorIndex}).
     */
    public long errorCounter(int errorIndex) {
        return errorTable[errorIndex] - errorsAtClear[errorIndex];
    }

    /** The main thread's processes; null on workers. */
    public ProcessScheduler processes() {
        return processes;
    }

    /**
     * Main thread, between turns: resumes the processes that are due now, as a turn of the loop
     * would, so that a test that has just moved the {@link MainClock} sees their work done.
     *
     * @return how many were resumed
     * @throws IllegalStateException on a worker, which runs no processes
     */
    public int runDueProcesses() {
        if (processes == null) {
            throw new IllegalStateException("thread " + threadIndex + " is a worker: processes run on the main thread");
        }
        return processes.runDue(this);
    }

    /** The trace records taken so far and kept, packet after packet, each packet's oldest first. */
    public List<TraceRecord> traces() {
        return traceBuffer.records();
    }

    /** This thread's packet traces ({@code show trace}). */
    public TraceBuffer traceBuffer() {
        return traceBuffer;
    }

    /** Forgets the trace records ({@code clear trace}). */
    public void clearTraces() {
        traceBuffer.clear();
    }

    /**
     * Sets the trace filter and, as VPP does, ends every input node's tracing budget, so that
     * tracing started under the old filter does not run on under the new one.
     */
    public void setTraceFilter(TraceFilter filter) {
        traceBuffer.setFilter(filter);
        for (int node : inputNodes) {
            nodes[node].addTraceBudget(0);
        }
    }

    /**
     * Starts the trace of a packet an input node marks. The first one of a turn first applies
     * the filter to the traces of earlier turns, which are complete, to keep few of them.
     *
     * @return the trace handle, or -1 if the trace buffer is full
     */
    int startPacketTrace() {
        if (traceFilteredAtLoop != loops) {
            traceFilteredAtLoop = loops;
            traceBuffer.applyFilter();
        }
        return traceBuffer.startPacket();
    }

    /**
     * Adds {@code node}'s {@code record} to the trace of buffer {@code bi}; a buffer whose handle
     * names no kept trace of this thread (marked traced by hand, before a clear, or on another
     * thread) starts one here, so that a thread only ever appends to its own trace buffer. A
     * buffer that cannot start one because the buffer is full loses its traced flag: the packet
     * is counted once, not at every node it passes.
     */
    void addTrace(int bi, String node, Object record) {
        int handle = buffers.traceHandle(bi);
        if (!traceBuffer.owns(handle)) {
            handle = traceBuffer.startPacket();
            if (handle < 0) {
                buffers.clearFlags(bi, BufferFlags.IS_TRACED);
                return;
            }
            buffers.setTraceHandle(bi, handle);
        }
        traceBuffer.add(handle, new TraceRecord(node, bi, record, System.nanoTime()));
    }

    /**
     * Takes a frame another thread handed to this one and queues it for node {@code node}, as
     * {@link #putPending} does. Each traced buffer in a traced frame carries a handle of the
     * sender's trace buffer, which this thread must not touch: it starts a packet trace here
     * whose first record, under {@link HandoffTrace#NODE}, names the sender's trace (VPP's
     * {@code HANDED-OFF} record), and the packet goes on being traced on this thread. An
     * untraced frame costs one flag read.
     */
    public void receiveHandedOff(int node, Frame frame) {
        if (frame.isTraced()) {
            int[] bis = frame.buffers();
            for (int i = 0, n = frame.count(); i < n; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    continueHandedOffTrace(bi);
                }
            }
        }
        putPending(node, frame);
    }

    private void continueHandedOffTrace(int bi) {
        int from = buffers.traceHandle(bi);
        if (traceBuffer.owns(from)) {
            return;
        }
        int handle = startPacketTrace();
        if (handle < 0) {
            buffers.clearFlags(bi, BufferFlags.IS_TRACED);
            return;
        }
        buffers.setTraceHandle(bi, handle);
        traceBuffer.add(handle, new TraceRecord(HandoffTrace.NODE, bi,
                new HandoffTrace(TraceBuffer.threadOf(from), TraceBuffer.packetIndexOf(from)), System.nanoTime()));
    }

    /**
     * Makes every node's statistics, the loop count and the time they cover start again from
     * now ({@code clear runtime}). The counters themselves keep growing; what the accessors
     * answer is taken from a baseline (see {@link NodeRuntime}), so any thread may clear.
     */
    public void clearRuntime() {
        for (NodeRuntime node : nodes) {
            node.clearStatistics();
        }
        loopsAtClear = loops;
        runtimeClearedNanos = System.nanoTime();
    }

    /** Makes every error counter start again from zero ({@code clear errors}); any thread may clear. */
    public void clearErrors() {
        System.arraycopy(errorTable, 0, errorsAtClear, 0, errorTable.length);
    }

    /** This thread's event ring. */
    public EventLog eventLog() {
        return eventLog;
    }

    /** Whether node calls are logged; under the barrier. */
    public boolean dispatchEvents() {
        return dispatchEvents;
    }

    /** Turns the logging of node calls on or off ({@code elog trace dispatch}); under the barrier. */
    public void setDispatchEvents(boolean on) {
        dispatchEvents = on;
    }

    /**
     * The pcap dispatch trace every node call of this thread writes its frame to, or null for
     * none; set from the main thread between turns, as {@link #setDispatchEvents} is.
     */
    public void setDispatchPcap(PcapDispatchTrace trace) {
        dispatchPcap = trace;
    }

    /** The pcap dispatch trace on, or null. */
    public PcapDispatchTrace dispatchPcap() {
        return dispatchPcap;
    }

    int dispatch(NodeRuntime node, Frame frame, boolean passable) {
        CURRENT_NODE.setOpaque(this, node.nodeIndex());
        if (dispatchPcap != null) {
            dispatchPcap.capture(buffers, frame);
        }
        if (dispatchEvents) {
            return dispatchLogged(node, frame, passable);
        }
        int vectors = node.run(frame, passable);
        long now = System.nanoTime();
        node.countCall(vectors, now - lastNanos);
        lastNanos = now;
        return vectors;
    }

    private int dispatchLogged(NodeRuntime node, Frame frame, boolean passable) {
        int name = nodeNameIds[node.nodeIndex()];
        eventLog.log(System.nanoTime(), DispatchEvents.CALL.id(), name, frame.count());
        int vectors = node.run(frame, passable);
        long now = System.nanoTime();
        eventLog.log(now, DispatchEvents.RETURN.id(), name, vectors);
        node.countCall(vectors, now - lastNanos);
        lastNanos = now;
        return vectors;
    }

    void markClock(long nanos) {
        lastNanos = nanos;
    }

    private void releaseFrame(Frame frame) {
        if (freeFrameCount == freeFrames.length) {
            freeFrames = Arrays.copyOf(freeFrames, freeFrameCount * 2);
        }
        freeFrames[freeFrameCount++] = frame;
    }

    private void growPending() {
        int size = pendingFrames.length;
        int[] nodesCopy = new int[size * 2];
        Frame[] framesCopy = new Frame[size * 2];
        for (int i = 0; i < pendingCount; i++) {
            int slot = (pendingHead + i) & (size - 1);
            nodesCopy[i] = pendingNodes[slot];
            framesCopy[i] = pendingFrames[slot];
        }
        pendingNodes = nodesCopy;
        pendingFrames = framesCopy;
        pendingHead = 0;
    }
}
