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
 *
 * <h2>L2 features</h2>
 * Plugins add L2 features with {@code @Feature} on two feature arcs, turned on per interface
 * ({@code set interface feature pg1 my-node arc l2-input-feat}):
 * <pre>
 *   l2-input ──[l2-input-feat, by rx interface]──▶ l2-input-feat-end ──▶ learn / fwd / output
 *   l2-output ─[l2-output-feat, by tx interface]─▶ interface-output
 * </pre>
 * A feature passes each frame on with {@code NodeContext.featureNext}, which follows the frame's rx
 * interface on {@code l2-input-feat} and its tx interface on {@code l2-output-feat} (declared
 * {@code txInterface}). While no interface has a feature of an arc, its start node looks once per
 * frame and sends frames on as before. {@code l2-output} enters its arc through
 * {@code FeatureArcEntry}, as the IPv4 nodes do; {@code l2-input} sends only the frames of
 * interfaces with input features into its arc, so that the others never pass
 * {@code l2-input-feat-end}.
 *
 * <p>Ageing: {@code l2fib-mac-age-scanner-process} ({@link io.vecta.runtime.l2.L2FibAgeScanner})
 * removes learnt entries past their bridge's {@code mac-age}; {@code l2-learn} restamps an entry
 * only when the second it was seen in has changed, so it writes an entry at most once a second.
 */
@FeatureArc(name = L2Input.FEATURE_ARC, startNodes = L2Input.NODE, lastNode = L2InputFeatEnd.NODE)
@FeatureArc(name = L2Output.FEATURE_ARC, startNodes = L2Output.NODE, lastNode = InterfaceTable.OUTPUT_NODE,
        txInterface = true)
package io.vecta.runtime.l2;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.FeatureArc;
