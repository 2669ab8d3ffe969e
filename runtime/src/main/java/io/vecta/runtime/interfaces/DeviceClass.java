package io.vecta.runtime.interfaces;

/**
 * A kind of interface and the node that transmits its packets (VPP's
 * {@code vnet_device_class_t}): {@code pg}, later {@code af-packet}, {@code memif} ...
 *
 * @param name   the class's name, as {@code show hardware} prints it
 * @param txNode the node {@code interface-output} gives this class's packets to
 */
public record DeviceClass(String name, String txNode) {
}
