/**
 * Pools: storage for per-flow and per-session state named by stable integer indices, in the
 * manner of VPP's {@code vppinfra/pool.h}.
 *
 * <p>An index taken from a pool keeps naming the same element until it is put back, whatever
 * the pool does meanwhile (growth included), so other structures can hold the index instead of
 * a reference: a bihash value, a timer's user handle, a buffer's opaque word. Get and put are
 * O(1) through a free stack; a live bitmap answers {@code isLive} and walks the live elements
 * in index order without allocating.
 *
 * <p>Three forms share one core:
 * <ul>
 *   <li>{@link io.vecta.sdk.infra.pool.IndexPool}: only the indices. The plugin keeps its state
 *       in its own struct-of-arrays columns ({@code long[]}, {@code int[]}) indexed by them. This
 *       is the core the other two, and the timer wheel, are built on.</li>
 *   <li>{@link io.vecta.sdk.infra.pool.Pool}: heap objects that stay in their slots and are
 *       reused, so steady-state get and put allocate nothing.</li>
 *   <li>{@link io.vecta.sdk.infra.pool.RecordPool}: fixed-size records in off-heap memory,
 *       accessed by index and named field offsets.</li>
 * </ul>
 *
 * <p>Each pool is either growable (capacity doubles, indices stay) or fixed (VPP's
 * {@code pool_init_fixed}: a hard maximum, and a full pool throws an exception that names it and
 * its limit). Putting a free or out-of-range index throws an exception naming the index and the
 * capacity.
 *
 * <p><b>Threads.</b> Pools are single-threaded by contract and take no locks: keep a pool per
 * worker thread for per-thread state, or change a shared pool only from the main thread while
 * the workers wait at the barrier.
 */
package io.vecta.sdk.infra.pool;
