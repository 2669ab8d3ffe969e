/**
 * Packet buffers: what node code reads, writes, allocates and frees.
 *
 * <p>Packets live off-heap in buffer memory, one {@link java.lang.foreign.MemorySegment}
 * shared by all threads, and are named by 32-bit buffer indices, as in FD.io VPP. A frame is
 * an {@code int[]} of such indices; nothing on the Java heap stands for a buffer.
 *
 * <ul>
 *   <li>{@link io.vecta.sdk.buffer.Buffers}: the layout of a buffer (metadata, headroom,
 *       data) drawn and named, and the accessors by index: fields, current data position,
 *       copies in and out, chain length and append, index checks.</li>
 *   <li>{@link io.vecta.sdk.buffer.UncheckedBuffers}: the same fields and packet bytes at a
 *       buffer's address with no check, for the per-packet loops of hot nodes (VPP's
 *       {@code vlib_buffer_t *}); tests run it checked.</li>
 *   <li>{@link io.vecta.sdk.buffer.BufferFlags}: the flag bits, and the range left to
 *       features.</li>
 *   <li>{@link io.vecta.sdk.buffer.BufferPoolLayout}: where a pool's buffers lie in buffer
 *       memory; several pools with different data sizes share one index space.</li>
 *   <li>{@link io.vecta.sdk.buffer.BufferAllocator}: allocation, free (following chains,
 *       honouring reference counts), deep copy and clone, one allocator per thread.</li>
 * </ul>
 *
 * <p>A typical node reads a frame's indices, finds each packet with
 * {@code buffers.dataOffset(bi)}, parses headers through views over
 * {@code buffers.memory()}, moves past a header with {@code buffers.advance(bi, n)} and
 * hands the index on (a node on a forwarding path does the same through
 * {@code UncheckedBuffers}); only drop and transmit nodes free buffers, and only input nodes and
 * packet generators allocate them. The runtime provides the implementation and the memory
 * (io.vecta.runtime.buffer).
 */
package io.vecta.sdk.buffer;
