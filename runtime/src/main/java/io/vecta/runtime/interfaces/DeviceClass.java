package io.vecta.runtime.interfaces;

/**
 * A kind of interface and the node that transmits its packets (VPP's
 * {@code vnet_device_class_t}): {@code pg}, {@code loop}, later {@code af-packet}, {@code memif} ...
 *
 * @param name             the class's name
 * @param txNode           the node {@code interface-output} gives this class's packets to
 * @param linkFollowsAdmin whether the link comes up and goes down with the admin state, as it does
 *                         for devices with no wire of their own (pg, loopback); a device that
 *                         learns its link from elsewhere says so with
 *                         {@link InterfaceTable#setLinkUp}
 */
public record DeviceClass(String name, String txNode, boolean linkFollowsAdmin) {

    /** A class whose link follows the admin state. */
    public DeviceClass(String name, String txNode) {
        this(name, txNode, true);
    }
}
