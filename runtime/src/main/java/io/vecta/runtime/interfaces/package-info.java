/**
 * Interfaces, FD.io VPP's {@code vnet_sw_interface_t}: the points where packets enter and
 * leave the graph, named by a {@code sw_if_index} that buffers carry in their rx and tx fields.
 *
 * <pre>
 *   sw_if_index 0  local0   (always there, always down, as in VPP)
 *   sw_if_index 1  pg0      device class pg   tx node pg-tx
 *   sw_if_index 2  pg1      device class pg   tx node pg-tx
 *
 *   input node ──(rx sw_if_index = 1)──▶ ... ──(tx sw_if_index = 2)──▶ interface-output ──▶ pg-tx
 * </pre>
 *
 * <p>{@link io.vecta.runtime.interfaces.InterfaceTable} is the graph's table of interfaces;
 * {@code interface-output} sends each buffer to the tx node of the device its tx interface
 * belongs to, or drops it with a counted reason. Each interface has combined rx and tx counters
 * and a drop counter, kept per thread ({@link io.vecta.runtime.interfaces.InterfaceCounters})
 * and summed when read.
 */
package io.vecta.runtime.interfaces;
