/**
 * L2 switching, VPP's {@code vnet/l2}: bridge domains with learning, forwarding by an L2 FIB,
 * flooding with split-horizon groups and a bridge virtual interface (BVI) that routes for the
 * domain; and cross-connects, which send all an interface receives out of another.
 *
 * <pre>
 *   ethernet-input ── rx interface in L2 mode ──▶ l2-input
 *   loop-tx ───────── the loop is a BVI ────────▶ l2-input (rx = the BVI)
 *
 *   l2-input ── cross-connected ──────────────────────────────────────────▶ l2-output
 *      │ bridged: bd_index, shg in the buffer ({@link io.vecta.runtime.l2.L2Opaque})
 *      ▼
 *   l2-learn (source MAC → rx interface)           (skipped when the bridge does not learn)
 *      ▼
 *   l2-fwd ── known destination ──────────────────────────────────────────▶ l2-output
 *      └── unknown unicast, broadcast, multicast ──▶ l2-flood ── a clone per member ──▶ l2-output
 *
 *   l2-output ── member ──▶ interface-output
 *             └─ BVI ────▶ ethernet-input (rx = the BVI: routed, ARP answered)
 * </pre>
 *
 * <p>{@link io.vecta.runtime.l2.BridgeDomains} keeps the configuration and publishes it for the
 * nodes as {@link io.vecta.runtime.l2.L2Tables}, read once per frame;
 * {@link io.vecta.runtime.l2.L2Fib} is the MAC table. VPP walks a per-interface feature bitmap
 * through its L2 nodes; the chain here is fixed, with each bridge's switches (learn, forward,
 * flood, uu-flood) tested in the node they concern. Frames keep their VLAN tags: there is no tag
 * rewrite.
 */
package io.vecta.runtime.l2;
