package io.vecta.runtime.interfaces;

/**
 * Told of changes to the interface table that other tables keep state for (addresses,
 * neighbours): called on the main thread, with the workers stopped, after the change.
 */
public interface InterfaceListener {

    /** {@code iface} is gone from the table; forget what is kept for it. */
    void deleted(SwInterface iface);

    /** The MAC address of {@code iface} (and of its sub-interfaces) changed. */
    default void macChanged(SwInterface iface) {
    }
}
