/**
 * IPv4 forwarding state, FD.io VPP's FIB: which prefix a destination falls in, and where a packet
 * to it goes. The ip4 nodes (ip4-lookup, ip4-rewrite, ip4-arp, ip4-glean, ip4-local) read it;
 * the CLI and the binary API change it.
 *
 * <pre>
 *   dst ──▶ Ip4Mtrie (16-8-8) ──▶ load-balance index ──▶ LoadBalances: bucket[flowHash &amp; (n-1)]
 *                                                          │
 *            DpoKind: DROP ─ RECEIVE ─ INCOMPLETE (ARP) ─ GLEAN ─ REWRITE ──▶ Adjacencies:
 *                                                                   sw_if_index, MTU, 14-byte rewrite
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.fib.Ip4Mtrie}: longest-prefix match, three dependent loads at most,
 *       no branch on the data.</li>
 *   <li>{@link io.vecta.runtime.fib.Ip4Fib}: tables by id, routes by source with VPP's priorities,
 *       interface addresses, neighbours; {@link io.vecta.runtime.fib.Ip4FibTable} one table.</li>
 *   <li>{@link io.vecta.runtime.fib.LoadBalances} and {@link io.vecta.runtime.fib.Adjacencies}: pools
 *       indexed by int that nodes read with no allocation; {@link io.vecta.runtime.fib.Ip4FlowHash}
 *       picks a bucket.</li>
 *   <li>{@link io.vecta.runtime.fib.ShowIpFib}: {@code show ip fib} in VPP's layout.</li>
 * </ul>
 *
 * <h2>Why this package, and why on-heap</h2>
 * VPP keeps the FIB ({@code vnet/fib}), its data-path objects ({@code vnet/dpo}) and adjacencies
 * ({@code vnet/adj}) beside the protocols rather than inside {@code vnet/ip}; IPv6 would join here
 * with its own lookup structure, sharing the pools and the show layout, so the package is named for
 * the concern ({@code fib}) rather than the protocol. The state lives in plain Java arrays: a lookup
 * is a chain of dependent int loads, which the JIT compiles to the same instructions over an
 * {@code int[]} as over a {@code MemorySegment}, minus the segment's liveness check; the arrays grow
 * by copy, which the updates need and the GC makes safe for readers still holding the old one; and
 * nothing outside the process needs to map them (unlike buffers or the stats segment).
 *
 * <h2>Threads</h2>
 * Nodes on any thread read (lookups, buckets, adjacencies) without locks or allocation. Every change
 * belongs to the main thread while the workers wait at the barrier
 * ({@link io.vecta.runtime.threads.Barrier}), as VPP's FIB changes do. The mtrie also keeps readers
 * safe during a change (VPP's model: leaves written in place by single release stores, plies complete
 * before they are linked, unlinked plies reused only after {@link io.vecta.runtime.fib.Ip4Fib#reclaimRetiredPlies}),
 * but the pools grow by copying, so the barrier is the rule.
 */
package io.vecta.runtime.fib;
