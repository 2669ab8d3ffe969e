/**
 * Host interfaces (VPP's {@code af_packet} plugin): a Linux network device (a veth, a NIC) used
 * as a Vecta interface through {@code AF_PACKET} rings.
 *
 * <pre>
 *   create host-interface name veth1          ──▶ interface host-veth1, device class af-packet
 *
 *   kernel veth1 ─RxRing (TPACKET_V3)─▶ af-packet-input ──▶ ethernet-input (or the node given)
 *   ... ──▶ interface-output ──▶ af-packet-tx ─TxRing (TPACKET_V2), one per thread─▶ kernel veth1
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.afpacket.AfPacketInterfaces}: the graph's host interfaces,
 *       created and deleted from the CLI; publishes what the nodes read;</li>
 *   <li>{@link io.vecta.runtime.afpacket.AfPacketPort}: one interface's rings and where its
 *       frames go;</li>
 *   <li>{@link io.vecta.runtime.afpacket.AfPacketRxQueue}: how its receive ring is read, in
 *       polling, interrupt (the default, as in VPP) or adaptive mode
 *       ({@code set interface rx-mode}); in interrupt mode the ring's socket is in its thread's
 *       epoll set and {@code af-packet-input} is called only when the kernel hands a block
 *       over, so an idle thread sleeps;</li>
 *   <li>{@link io.vecta.runtime.afpacket.AfPacketInput} ({@code af-packet-input}) and
 *       {@link io.vecta.runtime.afpacket.AfPacketTx} ({@code af-packet-tx}): the data path, which
 *       copies between rings and buffers and allocates nothing.</li>
 * </ul>
 * The rings themselves, and the kernel structures they share, are in
 * {@link io.vecta.nativeio.afpacket}.
 */
package io.vecta.runtime.afpacket;
