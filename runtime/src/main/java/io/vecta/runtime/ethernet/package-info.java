/**
 * Ethernet, VPP's {@code vnet/ethernet}: {@code ethernet-input}, which takes each received
 * frame apart and hands it on by EtherType, loopback interfaces and the Ethernet header an
 * interface sends with.
 *
 * <pre>
 *   pg-input / loop-tx / a device's input
 *        │ rx sw_if_index = port
 *        ▼
 *   ethernet-input ── tag → sub-interface (rx sw_if_index = pg0.100), dst MAC checked,
 *        │             current data moved past the L2 header ({@link io.vecta.runtime.ethernet.L2Header})
 *        ├── 0x0800 ──▶ ip4-input
 *        ├── 0x86dd ──▶ ip6-input
 *        ├── 0x0806 ──▶ arp-input
 *        ├── other ───▶ error-punt   "unknown ethernet type"
 *        └── bad ─────▶ error-drop   "unknown vlan", "l3 mac mismatch", "subinterface down"
 * </pre>
 *
 * <p>{@code ip4-input} is IPv4 forwarding's ({@link io.vecta.runtime.ip4}). Until the runtime
 * forwards IPv6, {@code ip6-input} is the drop node {@link io.vecta.runtime.ethernet.Ip6InputDrop},
 * with a counter that says why, so that every arc of {@code ethernet-input} ends at a real node
 * when the graph is built.
 *
 * <p>{@link io.vecta.runtime.ethernet.Loopbacks} makes {@code loopN} interfaces, whose
 * {@code loop-tx} hands what they send back to {@code ethernet-input};
 * {@link io.vecta.runtime.ethernet.EthernetRewrite} writes the header, VLAN tag included, that
 * a packet leaves an interface with.
 */
package io.vecta.runtime.ethernet;
