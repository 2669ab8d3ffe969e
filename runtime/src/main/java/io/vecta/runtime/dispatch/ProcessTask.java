package io.vecta.runtime.dispatch;

/**
 * One step of a process: runs until the process has nothing more to do now, then says through
 * the {@link ProcessControl} what it waits for (time, an event, either) or that it is done.
 *
 * <p>Each step is a plain call on the main thread, so a process keeps its state between steps
 * in its own fields, written as a small state machine where it needs one:
 * <pre>{@code
 * ProcessTask ager = control -> {
 *     ageOutFlows();                          // this step's work
 *     control.suspendFor(1_000_000_000L);     // resume in a second
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ProcessTask {

    /** Runs one step; before returning, calls one of the control's wait methods or {@code finish}. */
    void resume(ProcessControl control);
}
