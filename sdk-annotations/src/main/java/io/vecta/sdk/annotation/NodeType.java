package io.vecta.sdk.annotation;

/** When the dispatch loop runs a node: VPP's {@code vlib_node_type_t}. */
public enum NodeType {
    /** Runs when a frame of buffers is pending for it; most nodes. */
    INTERNAL,
    /** Polled (or woken by an interrupt) once per dispatch loop; brings packets in. */
    INPUT,
    /** Runs before the input nodes of every loop, e.g. to check for work from other threads. */
    PRE_INPUT,
    /** A cooperative control-plane task on the main thread, driven by timers and events. */
    PROCESS
}
