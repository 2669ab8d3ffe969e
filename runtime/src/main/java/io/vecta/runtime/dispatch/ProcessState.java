package io.vecta.runtime.dispatch;

/** What a process is doing, in {@code show runtime}'s words. */
public enum ProcessState {
    /** Not resumed yet; starts on the loop's next turn. */
    NOT_STARTED("not started"),
    /** In a step now. */
    RUNNING("running"),
    /** Waiting for an event. */
    EVENT_WAIT("event wait"),
    /** Waiting for an event or a timeout. */
    ANY_WAIT("any wait"),
    /** Waiting for time to pass. */
    SUSPENDED("suspended"),
    /** Finished; never resumed again. */
    DONE("done");

    private final String label;

    ProcessState(String label) {
        this.label = label;
    }

    /** The label {@code show runtime} prints. */
    public String label() {
        return label;
    }
}
