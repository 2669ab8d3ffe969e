package io.vecta.runtime.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread's packet traces (VPP's {@code trace_buffer_pool}): for each traced packet, the
 * records of the nodes it passed, oldest first; bounded, owned by the thread that dispatches.
 *
 * <h2>Trace handle</h2>
 * A traced buffer's {@code trace_handle} says which thread's trace buffer holds its trace and
 * which packet trace there its records join, as VPP keeps the thread index in the top bits of
 * its handle:
 * <pre>
 *   31          22 21       16 15                 0
 *  +--------------+-----------+--------------------+
 *  | thread index | generation|    packet index    |
 *  +--------------+-----------+--------------------+
 *      10 bits       6 bits          16 bits
 * </pre>
 * A buffer handed to another thread keeps its handle; the thread index stops the receiver from
 * taking it for one of its own traces (a trace buffer belongs to one thread and is not safe for
 * others): {@link #owns} answers only for handles of its own thread.
 *
 * <p>The generation changes with every {@link #clear}, so a buffer still marked traced from
 * before a clear (or marked by hand, with whatever handle its last user left) is not taken for
 * a packet of the new generation: its next record starts a trace of its own. Generation 0 is
 * never used, so the zero handle of fresh buffer memory is never valid. After 63 clears a
 * generation comes back; a buffer would have to stay in flight across all of them to be
 * mistaken.
 *
 * <h2>Bounds</h2>
 * At most {@link #recordLimit()} records and {@link #MAX_PACKETS} packets are held. Beyond them a
 * record, or a packet that would start a trace, is counted ({@link #droppedRecords()},
 * {@link #droppedPackets()}) and forgotten: the dispatch thread never sees an exception for it.
 */
public final class TraceBuffer {

    /** Records a thread keeps unless told otherwise. */
    public static final int DEFAULT_RECORD_LIMIT = 50_000;
    /** Packet traces one generation can name with the 16-bit packet index. */
    public static final int MAX_PACKETS = 1 << 16;

    /** Threads whose index a trace handle can carry. */
    public static final int MAX_THREADS = 1 << 10;

    static final int GENERATION_SHIFT = 16;
    static final int THREAD_SHIFT = 22;
    static final int PACKET_INDEX_MASK = MAX_PACKETS - 1;
    private static final int GENERATIONS = 1 << (THREAD_SHIFT - GENERATION_SHIFT);
    private static final int GENERATION_MASK = GENERATIONS - 1;

    private final int threadIndex;
    private int recordLimit;
    /** Each packet's records; null where the filter removed the packet, so indices stay valid. */
    private final List<List<TraceRecord>> packets = new ArrayList<>();
    private int records;
    private long droppedRecords;
    private long droppedPackets;
    private int generation = 1;
    private TraceFilter filter = TraceFilter.NONE;

    /**
     * The trace buffer of thread {@code threadIndex}, of at most {@code recordLimit} records.
     *
     * @throws IllegalArgumentException if {@code recordLimit} is not positive, or the thread
     *                                  index does not fit a trace handle
     */
    public TraceBuffer(int threadIndex, int recordLimit) {
        if (threadIndex < 0 || threadIndex >= MAX_THREADS) {
            throw new IllegalArgumentException("trace buffer: thread index " + threadIndex
                    + " does not fit the trace handle, which names threads 0 to " + (MAX_THREADS - 1));
        }
        this.threadIndex = threadIndex;
        setRecordLimit(recordLimit);
    }

    /** The thread whose trace {@code handle} names (VPP's {@code vlib_buffer_get_trace_thread}). */
    public static int threadOf(int handle) {
        return handle >>> THREAD_SHIFT;
    }

    /** The packet index, in its thread's trace buffer, of the trace {@code handle} names. */
    public static int packetIndexOf(int handle) {
        return handle & PACKET_INDEX_MASK;
    }

    /** The thread whose traces this buffer holds. */
    public int threadIndex() {
        return threadIndex;
    }

    /**
     * Starts the trace of a new packet.
     *
     * @return its trace handle, or -1 if the buffer is full (the packet is then counted dropped)
     */
    int startPacket() {
        if (records >= recordLimit || packets.size() >= MAX_PACKETS) {
            droppedPackets++;
            return -1;
        }
        packets.add(new ArrayList<>(4));
        return threadIndex << THREAD_SHIFT | generation << GENERATION_SHIFT | packets.size() - 1;
    }

    /**
     * Whether {@code handle} names a packet trace of this thread and generation that is still
     * kept: only then may records join it here.
     */
    boolean owns(int handle) {
        int index = handle & PACKET_INDEX_MASK;
        return handle >>> THREAD_SHIFT == threadIndex && (handle >>> GENERATION_SHIFT & GENERATION_MASK) == generation
                && index < packets.size() && packets.get(index) != null;
    }

    /** Adds {@code record} to the trace {@code handle} names, or counts it dropped when full. */
    void add(int handle, TraceRecord record) {
        if (records >= recordLimit) {
            droppedRecords++;
            return;
        }
        packets.get(handle & PACKET_INDEX_MASK).add(record);
        records++;
    }

    /** The kept packet traces, each its records oldest first; a copy. */
    public List<List<TraceRecord>> packets() {
        List<List<TraceRecord>> kept = new ArrayList<>();
        for (List<TraceRecord> packet : packets) {
            if (packet != null && !packet.isEmpty()) {
                kept.add(List.copyOf(packet));
            }
        }
        return kept;
    }

    /** Every kept record, packet after packet; a copy. */
    public List<TraceRecord> records() {
        return packets().stream().flatMap(List::stream).toList();
    }

    /** Records held now. */
    public int recordCount() {
        return records;
    }

    /** The most records held at once. */
    public int recordLimit() {
        return recordLimit;
    }

    /**
     * Sets the most records held at once; records already held beyond a lower limit stay until
     * the next {@link #clear}. Between turns of the owning thread's loop.
     *
     * @throws IllegalArgumentException if {@code recordLimit} is not positive
     */
    public void setRecordLimit(int recordLimit) {
        if (recordLimit <= 0) {
            throw new IllegalArgumentException("trace buffer of thread " + threadIndex + ": record limit "
                    + recordLimit + " must be positive");
        }
        this.recordLimit = recordLimit;
    }

    /** Records not kept because the buffer was full, since the last {@link #clear}. */
    public long droppedRecords() {
        return droppedRecords;
    }

    /** Packets not traced because the buffer was full, since the last {@link #clear}. */
    public long droppedPackets() {
        return droppedPackets;
    }

    /** The filter in force. */
    public TraceFilter filter() {
        return filter;
    }

    /** Sets the filter; it acts on the traces at the next {@link #applyFilter}. */
    public void setFilter(TraceFilter filter) {
        this.filter = filter;
    }

    /**
     * Removes the traces the filter does not keep: those it does not accept, and those beyond its
     * count. Traces must be complete, so the thread calls it between two turns of its loop.
     */
    public void applyFilter() {
        if (filter.mode() == TraceFilter.Mode.NONE) {
            return;
        }
        int accepted = 0;
        for (int i = 0; i < packets.size(); i++) {
            List<TraceRecord> packet = packets.get(i);
            if (packet == null) {
                continue;
            }
            if (accepted < filter.count() && filter.accepts(packet)) {
                accepted++;
            } else {
                records -= packet.size();
                packets.set(i, null);
            }
        }
    }

    /** Forgets every trace and the drop counts ({@code clear trace}); handles given so far go stale. */
    public void clear() {
        packets.clear();
        records = 0;
        droppedRecords = 0;
        droppedPackets = 0;
        generation = generation + 1 == GENERATIONS ? 1 : generation + 1;
    }
}
