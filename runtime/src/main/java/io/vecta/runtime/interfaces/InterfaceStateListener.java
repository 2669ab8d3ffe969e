package io.vecta.runtime.interfaces;

/**
 * Hears of an interface going up or down ({@code set interface state}, the API's
 * {@code sw_interface_set_flags}): on the thread that changed it, the main thread, after the
 * change is in effect. VPP's admin up/down callbacks have the same place.
 */
@FunctionalInterface
public interface InterfaceStateListener {

    /** {@code iface} was set up or down; {@link SwInterface#isAdminUp()} says which. */
    void adminStateChanged(SwInterface iface);
}
