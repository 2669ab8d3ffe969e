package io.vecta.runtime.interfaces;

/**
 * Told of changes to the interface table that others keep state for or report (addresses,
 * neighbours, the API's interface events): called on the main thread, with the workers
 * stopped, after the change is in effect. VPP's admin up/down and add/del callbacks have the
 * same place. Each method does nothing unless overridden.
 */
public interface InterfaceListener {

    /** {@code iface} was set up or down; {@link SwInterface#isAdminUp()} says which. */
    default void adminStateChanged(SwInterface iface) {
    }

    /** {@code iface} is gone from the table; forget what is kept for it. */
    default void deleted(SwInterface iface) {
    }

    /** The MAC address of {@code iface} (and of its sub-interfaces) changed. */
    default void macChanged(SwInterface iface) {
    }

    /** The MTU of {@code iface} changed. */
    default void mtuChanged(SwInterface iface) {
    }
}
