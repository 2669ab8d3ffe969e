package io.vecta.runtime.dispatch;

/** Whether and how the dispatch loop runs an input node on a thread: VPP's {@code vlib_node_state_t}. */
public enum NodeState {
    /** Called on every turn of the loop. */
    POLLING,
    /** Called on a turn after {@link ThreadRuntime#interrupt} asked for it (a file descriptor or wake-up). */
    INTERRUPT,
    /** Not called. */
    DISABLED
}
