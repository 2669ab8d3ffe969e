package io.vecta.runtime.show;

import io.vecta.nativeio.linux.MemfdRegion;
import io.vecta.runtime.buffer.BufferPools;
import java.util.List;
import java.util.Locale;

/**
 * {@code show memory}: the JVM's heap and non-heap, the JDK's direct and mapped buffers, the
 * buffer memory Vecta maps itself (in the columns of VPP's {@code show memory map}), and
 * what each dispatch thread allocated on the heap; sizes as vppinfra prints them.
 *
 * <pre>
 * JVM heap: used 45.21m, committed 128m, max 3.98g
 * JVM non-heap: used 60.12m, committed 64m
 * JDK direct buffers: 3, used 1.02m, capacity 1.02m
 * JDK mapped buffers: 0, used 0, capacity 0
 *
 * Buffer memory
 * StartAddr          size   FD PageSz  Pages Name
 * 00007f1234560000 36.06m   25     4k   9232 vecta-buffers
 *
 * Thread 0 vecta_main
 *   heap allocated since start: 1.20m
 * </pre>
 */
public final class ShowMemory {

    private ShowMemory() {
    }

    /** The text of {@code show memory} now, for {@code threads} and the buffer memory of {@code pools}. */
    public static String format(List<DispatchThread> threads, BufferPools pools) {
        return format(JvmMemory.now(threads), threads, List.of(pools.region()));
    }

    /** The text of {@code show memory} for the JVM's memory {@code jvm} and Vecta's mappings {@code regions}. */
    static String format(JvmMemory jvm, List<DispatchThread> threads, List<MemfdRegion> regions) {
        StringBuilder out = new StringBuilder();
        out.append("JVM heap: ").append(usage(jvm.heap())).append('\n');
        out.append("JVM non-heap: ").append(usage(jvm.nonHeap())).append('\n');
        for (JvmMemory.BufferPool pool : jvm.bufferPools()) {
            out.append("JDK ").append(pool.name()).append(" buffers: ").append(pool.count()).append(", used ")
                    .append(Columns.memorySize(pool.used())).append(", capacity ")
                    .append(Columns.memorySize(pool.capacity())).append('\n');
        }
        out.append("\nBuffer memory\n");
        out.append(String.format(Locale.ROOT, "%-16s%7s%5s%7s%7s %s%n", "StartAddr", "size", "FD", "PageSz", "Pages",
                "Name"));
        for (MemfdRegion region : regions) {
            out.append(String.format(Locale.ROOT, "%016x%7s%5d%7s%7d %s%n", region.segment().address(),
                    Columns.memorySize(region.size()), region.fd(), Columns.memorySize(region.pageSize()),
                    region.size() / region.pageSize(), region.name()));
        }
        for (int i = 0; i < threads.size(); i++) {
            DispatchThread thread = threads.get(i);
            long allocated = i < jvm.allocatedBytes().size() ? jvm.allocatedBytes().get(i) : DispatchThread.UNKNOWN;
            out.append("\nThread ").append(thread.index()).append(' ').append(thread.name()).append('\n')
                    .append("  heap allocated since start: ")
                    .append(allocated == DispatchThread.UNKNOWN ? "-" : Columns.memorySize(allocated)).append('\n');
        }
        return out.toString();
    }

    private static String usage(JvmMemory.Usage usage) {
        String text = "used " + Columns.memorySize(usage.used()) + ", committed " + Columns.memorySize(usage.committed());
        return usage.max() < 0 ? text : text + ", max " + Columns.memorySize(usage.max());
    }
}
