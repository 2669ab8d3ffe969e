package io.vecta.runtime.l2;

import io.vecta.runtime.dispatch.ProcessControl;
import io.vecta.runtime.dispatch.ProcessScheduler;
import io.vecta.runtime.dispatch.ProcessTask;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.threads.BarrierTimeoutException;
import io.vecta.runtime.threads.WorkersStopped;
import java.util.concurrent.TimeUnit;

/**
 * The step of {@code l2fib-mac-age-scanner-process} (VPP's process of that name): while some
 * bridge domain has a {@code mac-age}, scans the L2 FIB once a minute and removes the learnt
 * entries its bridge's age has passed ({@link BridgeDomains#ageOut}); while none has, it sleeps
 * until one is set. Setting a bridge's age (or deleting an ageing bridge) wakes it: it scans at
 * once and then a minute after that, as VPP's scanner does on its start event.
 *
 * <pre>
 *   waits for ─┬─ event (mac-age set) ─▶ scan, then wait for an event or 60 s
 *              └─ 60 s passed ──────────▶ scan, then wait for an event or 60 s
 *   no bridge ages: wait for an event only
 * </pre>
 *
 * An entry is removed by the first scan at least its age after it was last seen: up to one
 * scan interval later than its age. Learning refreshes the stamp ({@code l2-learn}).
 */
public final class L2FibAgeScanner implements ProcessTask {

    /** The process node's name, VPP's. */
    public static final String NODE = "l2fib-mac-age-scanner-process";

    /** Time between scans while a bridge ages (VPP's {@code L2FIB_AGE_SCAN_INTERVAL}). */
    public static final long SCAN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Event: a bridge's age was set or an ageing bridge deleted. */
    static final long EVENT_AGEING_CHANGED = 1;

    private static final System.Logger LOG = System.getLogger(L2FibAgeScanner.class.getName());

    private final BridgeDomains bridges;
    private final WorkersStopped workersStopped;

    private L2FibAgeScanner(BridgeDomains bridges, WorkersStopped workersStopped) {
        this.bridges = bridges;
        this.workersStopped = workersStopped;
    }

    /**
     * Makes {@code graph}'s scanner process run this step, and bridge domain changes wake it.
     * Main thread, before the loop first turns.
     */
    public static void install(Graph graph, ProcessScheduler processes, WorkersStopped workersStopped) {
        BridgeDomains bridges = BridgeDomains.of(graph);
        processes.setTask(NODE, new L2FibAgeScanner(bridges, workersStopped));
        bridges.onAgeingChanged(() -> processes.signalEvent(NODE, EVENT_AGEING_CHANGED, 0));
    }

    @Override
    public void resume(ProcessControl control) {
        if (!bridges.ageing()) {
            control.waitForEvent();
            return;
        }
        try {
            bridges.ageOut(workersStopped);
        } catch (BarrierTimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, NODE + ": scan skipped, the workers did not stop: " + e.getMessage());
        }
        control.waitForEventOrTimeout(SCAN_INTERVAL_NANOS);
    }
}
