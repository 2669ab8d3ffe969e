package io.vecta.runtime.show;

import io.vecta.runtime.interfaces.RxMode;
import java.util.List;

/**
 * {@code show interface rx-placement} in VPP's layout: per thread that reads receive queues, its
 * input nodes, and under each the queues it reads with their rx mode.
 *
 * <pre>
 * Thread 0 (vecta_main):
 *  node af-packet-input:
 *     host-veth1 queue 0 (interrupt)
 *     host-veth2 queue 0 (polling)
 * </pre>
 * The indentation is VPP's: one space before {@code node}, four before a queue.
 */
public final class ShowRxPlacement {

    private ShowRxPlacement() {
    }

    /**
     * One receive queue and where it is read.
     *
     * @param thread        the index of the thread that reads it
     * @param node          the input node that reads it
     * @param interfaceName the interface it belongs to
     * @param queue         its id on the interface
     * @param mode          its rx mode
     */
    public record Queue(int thread, String node, String interfaceName, int queue, RxMode mode) {
    }

    /** The report of {@code queues}, each under its thread of {@code threads}; empty for none. */
    public static String format(List<DispatchThread> threads, List<Queue> queues) {
        StringBuilder text = new StringBuilder();
        for (DispatchThread thread : threads) {
            List<Queue> mine = queues.stream().filter(q -> q.thread() == thread.index()).toList();
            if (mine.isEmpty()) {
                continue;
            }
            text.append("Thread ").append(thread.index()).append(" (").append(thread.name()).append("):\n");
            String node = null;
            for (Queue queue : mine) {
                if (!queue.node().equals(node)) {
                    node = queue.node();
                    text.append(" node ").append(node).append(":\n");
                }
                text.append("    ").append(queue.interfaceName()).append(" queue ").append(queue.queue()).append(" (")
                        .append(queue.mode().word()).append(")\n");
            }
        }
        return text.toString();
    }
}
