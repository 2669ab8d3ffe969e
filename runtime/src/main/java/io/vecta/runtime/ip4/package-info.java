/**
 * IPv4 forwarding, FD.io VPP's ip4 nodes over the FIB of {@link io.vecta.runtime.fib}:
 *
 * <pre>
 *   ethernet-input ─▶ ip4-input ─▶ ip4-lookup ─┬─▶ ip4-rewrite ─▶ interface-output ─▶ &lt;if&gt;-tx
 *                        │                      ├─▶ ip4-arp   ─▶ (ARP request) interface-output
 *                        │                      ├─▶ ip4-glean ─▶ (ARP request) interface-output
 *                        │                      ├─▶ ip4-local ─▶ ip4-icmp-input ─▶ (echo reply) ip4-lookup
 *                        │                      └─▶ error-drop ("ip4 destination lookup miss")
 *                        └─ TTL 0 ─▶ ip4-icmp-error ◀─ TTL 1, too big with DF ─ ip4-rewrite
 *                                        └─▶ ip4-lookup
 *   the ping command (main thread): echo requests ─▶ ip4-lookup
 *   ip4-neighbor-sync (main thread): neighbours learnt by arp-input ─▶ FIB
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.ip4.Ip4Forwarding}: the graph's FIB, fed with interface addresses
 *       and neighbours.</li>
 *   <li>{@link io.vecta.runtime.ip4.Ip4BufferFields}: what the nodes pass each other in the
 *       buffer's opaque words (adjacency, flow hash, ICMP error to send).</li>
 *   <li>The nodes, one class each, with VPP's names, next numbering (ip4-lookup's), error
 *       descriptions and trace layouts; {@link io.vecta.runtime.ip4.ArpResolver} is what
 *       ip4-arp and ip4-glean share.</li>
 *   <li>{@link io.vecta.runtime.ip4.Ip4Ping}: the {@code ping} command's requests and replies.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * ip4-input, ip4-lookup and ip4-rewrite are per-frame loops over the buffers with no allocation
 * and no interface calls per packet; the lookup runs the whole frame's destinations through the
 * mtrie together. Trace records are made only for traced buffers. The slow paths (ARP, ICMP
 * errors, echo) work one packet at a time.
 *
 * <h2>Threads</h2>
 * The nodes read the FIB on any thread. FIB changes (CLI, interface addresses, neighbours) are
 * made on the main thread; a neighbour learnt on a worker is queued for the main thread.
 *
 * <h2>Feature arcs</h2>
 * Two arcs, VPP's, are declared here: {@code ip4-unicast} from ip4-input to ip4-lookup (features
 * of the packet's rx interface) and {@code ip4-output} from ip4-rewrite to interface-output
 * (features of its tx interface). {@code set interface feature IF NAME arc ARC} turns a feature on;
 * an arc with no feature on any interface costs its start node one check per frame.
 */
@FeatureArc(name = Ip4Input.UNICAST_ARC, startNodes = Ip4Input.NODE, lastNode = "ip4-lookup")
@FeatureArc(name = Ip4Rewrite.OUTPUT_ARC, startNodes = Ip4Rewrite.NODE, lastNode = InterfaceTable.OUTPUT_NODE,
        txInterface = true)
package io.vecta.runtime.ip4;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.FeatureArc;
