package io.vecta.runtime.show;

import io.vecta.runtime.dispatch.TraceBuffer;
import io.vecta.runtime.dispatch.TraceRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * {@code show trace [max N]} in VPP's layout: per thread a header line, then each kept packet
 * trace, oldest first, as {@code Packet N}, a blank line, and for each node the packet passed a
 * line {@code hh:mm:ss:uuuuuu: node} (time since the runtime started) followed by the node's
 * record, each of its lines indented by two spaces; a blank line between packets.
 *
 * <pre>
 * ------------------- Start of thread 0 vecta_main -------------------
 * Packet 1
 *
 * 00:00:01:234567: acme-input
 *   flow 7
 * 00:00:01:234570: ip4-lookup
 *   fib 0 dpo-idx 4
 *
 * </pre>
 * Consecutive records of one node share its line, as in VPP. A record prints itself with its
 * public {@code format()} method returning a {@code String} if it has one, else with
 * {@code toString()}. The thread's filter ({@code trace filter}) is applied first.
 *
 * <p>Each thread shows the traces in its own buffer: a packet handed from one thread to another
 * shows its first part under the sender, up to the handoff node's record, and the rest under
 * the receiver, as a packet whose first record ({@code handoff-trace}) names the sender's trace.
 * A thread whose buffer filled up ends with the records and packets it could not keep.
 */
public final class ShowTrace {

    /** Packets shown per thread unless {@code max} says otherwise, as in VPP. */
    public static final int DEFAULT_MAX = 50;

    private ShowTrace() {
    }

    /**
     * The report over {@code threads}, at most {@code max} packets per thread, with times taken
     * from {@code startNanos} ({@link System#nanoTime()} when the runtime started). Applies each
     * thread's filter, so it runs where the threads' traces may be touched: between turns.
     */
    public static String format(List<DispatchThread> threads, long startNanos, int max) {
        StringBuilder text = new StringBuilder();
        for (DispatchThread thread : threads) {
            text.append("------------------- Start of thread ").append(thread.index()).append(' ')
                    .append(thread.name()).append(" -------------------\n");
            TraceBuffer buffer = thread.runtime().traceBuffer();
            buffer.applyFilter();
            List<List<TraceRecord>> packets = buffer.packets();
            if (packets.isEmpty()) {
                text.append("No packets in trace buffer\n");
            }
            for (int i = 0; i < packets.size(); i++) {
                if (i == max) {
                    text.append("Limiting display to ").append(max).append(" packets. To display more specify max.\n");
                    break;
                }
                text.append("Packet ").append(i + 1).append('\n');
                appendPacket(text, packets.get(i), startNanos);
                text.append("\n\n");
            }
            if (buffer.droppedRecords() > 0 || buffer.droppedPackets() > 0) {
                text.append("Trace buffer full (").append(buffer.recordLimit()).append(" records): ")
                        .append(buffer.droppedRecords()).append(" records and ").append(buffer.droppedPackets())
                        .append(" packets not traced\n");
            }
        }
        return text.toString();
    }

    private static void appendPacket(StringBuilder text, List<TraceRecord> records, long startNanos) {
        String previousNode = null;
        for (TraceRecord record : records) {
            if (!record.node().equals(previousNode)) {
                text.append('\n').append(time(record.nanos() - startNanos)).append(": ").append(record.node());
                previousNode = record.node();
            }
            for (String line : text(record.record()).split("\n", -1)) {
                text.append("\n  ").append(line);
            }
        }
    }

    /** {@code nanos} as VPP prints a trace time: {@code hh:mm:ss:uuuuuu}, microseconds last. */
    public static String time(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        long seconds = micros / 1_000_000;
        return String.format("%02d:%02d:%02d:%06d", seconds / 3600, seconds / 60 % 60, seconds % 60,
                micros % 1_000_000);
    }

    /** What {@code record} prints: its {@code format()}, else its {@code toString()}. */
    public static String text(Object record) {
        if (record == null) {
            return "null";
        }
        Method format;
        try {
            format = record.getClass().getMethod("format");
        } catch (NoSuchMethodException e) {
            return record.toString();
        }
        if (format.getReturnType() != String.class) {
            return record.toString();
        }
        try {
            format.setAccessible(true);
            return String.valueOf(format.invoke(record));
        } catch (InvocationTargetException e) {
            return record.getClass().getSimpleName() + ".format() failed: " + e.getCause();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return record.toString();
        }
    }
}
