/**
 * Buffer memory and buffer pools: the implementation of {@link io.vecta.sdk.buffer} (VPP's
 * {@code vlib/buffer.c}).
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.buffer.BufferConfig} and
 *       {@link io.vecta.runtime.buffer.BufferPageSize}: the {@code buffers { }} section of
 *       startup.conf, validated, with VPP's defaults.</li>
 *   <li>{@link io.vecta.runtime.buffer.BufferPools}: maps buffer memory from a memfd (on
 *       hugepages when it can, as VPP does), lays out the pools, hands out one allocator per
 *       thread, and prints {@code show buffers}.</li>
 *   <li>{@link io.vecta.runtime.buffer.BufferPool}: one pool's global free list and its
 *       counters.</li>
 *   <li>{@code ThreadBufferAllocator} and {@code BufferPoolThreadCache}: the per-thread side,
 *       lock-free per buffer, taking the pool lock once per batch of 256.</li>
 * </ul>
 *
 * <p>Threads: {@code BufferPools} is built on the main thread before workers start; each
 * worker then uses only its own allocator. Counters read by {@code show buffers} from the
 * main thread are snapshots.
 */
package io.vecta.runtime.buffer;
