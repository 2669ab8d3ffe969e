/**
 * Interfaces, FD.io VPP's {@code vnet_sw_interface_t} and {@code vnet_hw_interface_t}: the
 * points where packets enter and leave the graph, named by a {@code sw_if_index} that buffers
 * carry in their rx and tx fields.
 *
 * <pre>
 *   sw_if_index 0  local0    (always there, always down, as in VPP)
 *   sw_if_index 1  pg0       device class pg     tx node pg-tx     hardware interface 1
 *   sw_if_index 2  pg0.100   802.1Q vlan 100 of pg0, same device   sub-interface
 *   sw_if_index 3  loop0     device class loop   tx node loop-tx   hardware interface 2
 *
 *   input node ──(rx sw_if_index = 1)──▶ ethernet-input ──(rx = 2 if tagged 100)──▶ ...
 *   ... ──(tx sw_if_index = 2)──▶ interface-output ──(tx = 1)──▶ pg-tx
 * </pre>
 *
 * <p>{@link io.vecta.runtime.interfaces.InterfaceTable} is the graph's table of interfaces:
 * hardware interfaces (a device's port, with its MAC address and link) and their 802.1Q
 * sub-interfaces, which share the port and have their own index, state and counters.
 * {@code interface-output} sends each buffer to the tx node of the device its tx interface
 * belongs to, or drops it with a counted reason. Each interface has combined rx and tx counters
 * and a drop counter, kept per thread ({@link io.vecta.runtime.interfaces.InterfaceCounters})
 * and summed when read. Tables that keep state per interface (addresses, neighbours) hear of
 * deletions through {@link io.vecta.runtime.interfaces.InterfaceListener}.
 */
package io.vecta.runtime.interfaces;
