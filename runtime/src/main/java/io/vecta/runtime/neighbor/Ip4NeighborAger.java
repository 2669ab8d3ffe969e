package io.vecta.runtime.neighbor;

import io.vecta.runtime.dispatch.ProcessControl;
import io.vecta.runtime.dispatch.ProcessScheduler;
import io.vecta.runtime.dispatch.ProcessTask;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.threads.BarrierTimeoutException;
import io.vecta.runtime.threads.WorkersStopped;
import java.util.concurrent.TimeUnit;

/**
 * The step of {@code ip4-neighbor-age-process} (VPP's process of that name): while a maximum age
 * is set, sleeps until the oldest dynamic neighbour reaches it, removes every neighbour that has
 * ({@link Ip4NeighborTable#ageOut}), and sleeps again until the next one will; with no age set it
 * waits for {@code set ip neighbor-config}, which wakes it whatever it waits for.
 *
 * <pre>
 *   age 0 ──────────────────────────▶ wait for an event (a new config)
 *   age S ─▶ remove those S old ─▶ wait for an event or until the oldest left is S old
 *                                    (S when there is none)
 * </pre>
 *
 * A neighbour goes when it reaches its age, to the timer's 10 µs tick, as the table stamps
 * each confirmation; VPP sends up to three ARP probes first (see {@link Ip4NeighborTable}).
 */
public final class Ip4NeighborAger implements ProcessTask {

    /** The process node's name, VPP's. */
    public static final String NODE = "ip4-neighbor-age-process";

    /** Event: {@code set ip neighbor-config} ran. */
    static final long EVENT_CONFIG_CHANGED = 1;

    /** The shortest sleep: a burst of neighbours due together is taken in one step. */
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final System.Logger LOG = System.getLogger(Ip4NeighborAger.class.getName());

    private final Ip4NeighborTable neighbors;
    private final WorkersStopped workersStopped;

    private Ip4NeighborAger(Ip4NeighborTable neighbors, WorkersStopped workersStopped) {
        this.neighbors = neighbors;
        this.workersStopped = workersStopped;
    }

    /**
     * Makes {@code graph}'s neighbour ager process run this step, woken by every new config. Main
     * thread, before the loop first turns.
     */
    public static void install(Graph graph, ProcessScheduler processes, WorkersStopped workersStopped) {
        Ip4NeighborTable neighbors = Ip4NeighborTable.of(graph);
        processes.setTask(NODE, new Ip4NeighborAger(neighbors, workersStopped));
        neighbors.onConfigChanged(() -> processes.signalEvent(NODE, EVENT_CONFIG_CHANGED, 0));
    }

    @Override
    public void resume(ProcessControl control) {
        if (neighbors.maxAgeSeconds() == 0) {
            control.waitForEvent();
            return;
        }
        try {
            neighbors.ageOut(workersStopped);
        } catch (BarrierTimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, NODE + ": ageing skipped, the workers did not stop: "
                    + e.getMessage());
        }
        control.waitForEventOrTimeout(Math.max(MIN_WAIT_NANOS, neighbors.nanosUntilNextExpiry()));
    }
}
