/**
 * Linux system calls through the FFM API, and the small types built directly on them.
 *
 * <p>{@link io.vecta.nativeio.linux.Libc} is the one place where Vecta binds a C library
 * function: each is a static method over a {@code static final} downcall handle, in the
 * style jextract generates, and each failure becomes an
 * {@link io.vecta.nativeio.linux.ErrnoException} that names the call, the arguments that
 * matter, the errno and its text. Code that needs a new system call (unix sockets, packet sockets,
 * {@code sched_setaffinity}, ...) adds it to {@code Libc} rather than binding it elsewhere.
 *
 * <p>On top of the calls:
 * <ul>
 *   <li>{@link io.vecta.nativeio.linux.MappedMemory}: a shared mapping of a file descriptor,
 *       seen from Java as a {@link java.lang.foreign.MemorySegment} that becomes inaccessible
 *       before it is unmapped;</li>
 *   <li>{@link io.vecta.nativeio.linux.MemfdRegion}: anonymous memory created with
 *       {@code memfd_create}, on 4K pages or hugepages, whose descriptor can be handed to
 *       another process (memif) so that both map the same pages;</li>
 *   <li>{@link io.vecta.nativeio.linux.HugePages}: what the host offers in hugepages;</li>
 *   <li>{@link io.vecta.nativeio.linux.EpollSet} and {@link io.vecta.nativeio.linux.EventFd}:
 *       a dispatch thread's wait for readable descriptors and the doorbell other threads ring
 *       to end it.</li>
 * </ul>
 *
 * <p>These calls are made on control paths (start-up, interface creation); they allocate a
 * little native scratch memory per call for the C string arguments and the errno capture. The
 * few the dispatch loop makes ({@code sendto}, {@code epoll_wait}, {@code eventfd_read}) take
 * scratch allocated once instead and return {@code -errno} rather than throw.
 */
package io.vecta.nativeio.linux;
