package io.vecta.runtime.dispatch;

import io.vecta.sdk.infra.timer.TickConverter;
import io.vecta.sdk.infra.timer.TimerWheel;
import io.vecta.sdk.infra.timer.TimerWheelShape;
import io.vecta.sdk.node.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the process nodes of the main thread: cooperative control-plane tasks woken by timers and
 * events (VPP's process nodes).
 *
 * <h2>Why explicit steps, not virtual threads or stacks</h2>
 * VPP gives each process a stack and switches to it with {@code setjmp}/{@code longjmp}, so a
 * process can wait in the middle of a function. The Java equivalent would be a virtual thread
 * per process; but a virtual thread runs on the JDK's carrier pool, not on the main loop's
 * thread, and making it run only when the loop allows needs a hand-off (a lock or a queue and
 * a park) on every resume and suspend, with the process's state then touched by two threads.
 * Here a process is a {@link ProcessTask}: each resume is one plain call on the main thread
 * that returns when the process waits, saying through its {@link ProcessControl} what for. No
 * thread switch, no synchronisation, deterministic order, and a stack trace that starts at the
 * loop. The price is that a process spread over several waits keeps its place in its own
 * fields, which suits the periodic and event-driven tasks the control plane has.
 *
 * <h2>Timers and events</h2>
 * Waits for time go into a {@link TimerWheel} of 10 microsecond ticks (VPP's process timer
 * resolution), expired once per loop turn, on the graph's {@link MainClock}: a test that
 * freezes it decides when timers expire. Events ({@link #signalEvent}) are queued on the
 * process and delivered all together on its next step. A process waiting for time alone keeps
 * its events until its time has come.
 *
 * <h2>Process nodes of plugins</h2>
 * A {@code @GraphNode(type = PROCESS)} runs its dispatcher on each step, with an empty frame
 * whose scalars hold the step's first event (word 0: type, word 1: data); it is started once
 * when the loop first turns and resumed on every event after that. The runtime's own processes
 * install a {@link ProcessTask} instead with {@link #setTask}.
 *
 * <p>Main thread only.
 */
public final class ProcessScheduler {

    /** Nanoseconds per timer tick. */
    public static final long TICK_NANOS = 10_000;

    private static final TimerWheelShape SHAPE = TimerWheelShape.TW_1T_3W_1024SL_OV;

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byName = new HashMap<>();
    private final TimerWheel timers;
    private final TickConverter ticks;
    private final int[] expired = new int[64];
    private final List<Entry> ready = new ArrayList<>();
    private final MainClock clock;

    ProcessScheduler(List<NodeRuntime> processNodes, MainClock clock) {
        this.clock = clock;
        this.timers = new TimerWheel("processes", SHAPE, Math.max(1, processNodes.size()));
        // tick 0 on a whole tick of the clock, so that a frozen clock stopped on a whole second
        // (MainClock.freeze) puts timers on the very nanosecond they were asked for
        this.ticks = new TickConverter(TICK_NANOS, Math.floorDiv(clock.nanos(), TICK_NANOS) * TICK_NANOS);
        for (NodeRuntime node : processNodes) {
            Entry entry = new Entry(entries.size(), node);
            entries.add(entry);
            byName.put(node.node().name(), entry);
        }
    }

    /** Makes process node {@code name} run {@code task} on each step instead of its dispatcher. */
    public void setTask(String name, ProcessTask task) {
        entry(name).task = task;
    }

    /** Queues an event for process {@code name}, waking it if it waits for events. Main thread only. */
    public void signalEvent(String name, long type, long data) {
        Entry entry = entry(name);
        if (entry.state == ProcessState.DONE) {
            throw new IllegalStateException("process '" + name + "' has finished and takes no events");
        }
        entry.control.addEvent(type, data);
    }

    /** What process {@code name} is doing now, as {@code show runtime} prints it. */
    public ProcessState state(String name) {
        return entry(name).state;
    }

    /**
     * When the earliest process timer is due, on the {@link MainClock}, or {@link Long#MAX_VALUE}
     * if no process waits for time. A test that moves a frozen clock steps it through these, so
     * that each process wakes at the time it asked for, as it would with the real clock.
     */
    public long nextTimerNanos() {
        long earliest = Long.MAX_VALUE;
        for (Entry entry : entries) {
            if (entry.timer >= 0) {
                earliest = Math.min(earliest, timers.expiryTick(entry.timer));
            }
        }
        return earliest == Long.MAX_VALUE ? earliest : ticks.originNanos() + earliest * ticks.tickNanos();
    }

    /** Resumes every process that is due now on the {@link MainClock}; returns how many were resumed. */
    int runDue(ThreadRuntime thread) {
        return runDue(clock.nanos(), thread);
    }

    /**
     * Resumes every process that is due at {@code nowNanos}: not started yet, timed out, or
     * woken by an event.
     *
     * @return how many were resumed
     */
    int runDue(long nowNanos, ThreadRuntime thread) {
        int n;
        do {
            n = timers.expire(ticks.tickAt(nowNanos), expired);
            for (int i = 0; i < n; i++) {
                Entry entry = entries.get(SHAPE.objectIndexOf(expired[i]));
                entry.timer = -1;
                entry.timedOut = true;
            }
        } while (n == expired.length);
        ready.clear();
        for (Entry entry : entries) {
            if (entry.isDue()) {
                ready.add(entry);
            }
        }
        for (Entry entry : ready) {
            resume(entry, thread);
        }
        return ready.size();
    }

    /**
     * How long from now on the {@link MainClock} until a process is due: 0 if one is due now,
     * the time to the earliest timer otherwise, {@link Long#MAX_VALUE} if every process waits for
     * an event. For the loop's decision to sleep, not on every turn.
     */
    long nanosUntilDue() {
        long now = ticks.tickAt(clock.nanos());
        long earliest = Long.MAX_VALUE;
        for (Entry entry : entries) {
            if (entry.isDue()) {
                return 0;
            }
            if (entry.timer >= 0) {
                earliest = Math.min(earliest, Math.max(0, timers.expiryTick(entry.timer) - now) * TICK_NANOS);
            }
        }
        return earliest;
    }

    private void resume(Entry entry, ThreadRuntime thread) {
        ProcessControl control = entry.control;
        if (entry.timer >= 0) {
            timers.stop(entry.timer);
            entry.timer = -1;
        }
        long start = System.nanoTime();
        control.begin(clock.nanos(), entry.timedOut);
        entry.timedOut = false;
        entry.state = ProcessState.RUNNING;
        if (entry.task != null) {
            entry.task.resume(control);
        } else {
            Frame frame = entry.frame;
            frame.clear();
            if (control.eventCount() > 0) {
                frame.setScalar(0, control.eventType(0));
                frame.setScalar(1, control.eventData(0));
            }
            entry.node.run(frame, false);
            thread.drainPending();
        }
        control.clearEvents();
        long end = System.nanoTime();
        entry.node.countCall(0, end - start);
        thread.markClock(end);
        switch (control.wait) {
            case DONE -> entry.state = ProcessState.DONE;
            case EVENT -> suspend(entry, ProcessState.EVENT_WAIT);
            case TIME -> {
                suspend(entry, ProcessState.SUSPENDED);
                entry.timer = timers.start(entry.index, 0, Math.max(1, ticks.ticksFor(control.waitNanos)));
            }
            case EVENT_OR_TIME -> {
                suspend(entry, ProcessState.ANY_WAIT);
                entry.timer = timers.start(entry.index, 0, Math.max(1, ticks.ticksFor(control.waitNanos)));
            }
        }
    }

    private static void suspend(Entry entry, ProcessState state) {
        entry.state = state;
        entry.node.suspends++;
    }

    private Entry entry(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no process node '" + name + "' (processes: "
                    + byName.keySet().stream().sorted().toList() + ")");
        }
        return entry;
    }

    /** One process: its node, its step, its control and its timer. */
    private static final class Entry {
        final int index;
        final NodeRuntime node;
        final ProcessControl control = new ProcessControl();
        final Frame frame = new Frame();
        ProcessTask task;
        ProcessState state = ProcessState.NOT_STARTED;
        int timer = -1;
        boolean timedOut;

        Entry(int index, NodeRuntime node) {
            this.index = index;
            this.node = node;
        }

        boolean isDue() {
            return switch (state) {
                case NOT_STARTED -> true;
                case EVENT_WAIT -> control.eventCount() > 0;
                case ANY_WAIT -> control.eventCount() > 0 || timedOut;
                case SUSPENDED -> timedOut;
                case RUNNING, DONE -> false;
            };
        }
    }
}
