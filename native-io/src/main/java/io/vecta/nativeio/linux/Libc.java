package io.vecta.nativeio.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.BitSet;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The C library functions Vecta calls, bound once as {@code static final} downcall handles.
 *
 * <p>Every method is a thin static wrapper: it makes the call, checks the C convention for
 * failure ({@code -1}, or {@code MAP_FAILED} for {@code mmap}), and on failure throws an
 * {@link ErrnoException} whose message names the call and its arguments, e.g.
 * {@code memfd_create("vecta-buffers-0", MFD_CLOEXEC|MFD_HUGETLB|MFD_HUGE_2MB) failed: ENOMEM
 * (Cannot allocate memory)}. {@code errno} is read from the call's own capture state
 * ({@link Linker.Option#captureCallState}), never from a later call that could have
 * overwritten it.
 *
 * <p>The constants are the Linux values, which are the same on x86-64 and AArch64.
 *
 * <p>This class is the one place for such bindings: a new system call is added here, with its
 * constants and a wrapper in the same style.
 */
@SuppressWarnings("restricted")
public final class Libc {

    /** {@code memfd_create}: close the descriptor on {@code exec}. */
    public static final int MFD_CLOEXEC = 0x0001;
    /** {@code memfd_create}: allow {@code fcntl(F_ADD_SEALS)}. */
    public static final int MFD_ALLOW_SEALING = 0x0002;
    /** {@code memfd_create}: back the file with hugepages (size chosen by the {@code MFD_HUGE_*} bits). */
    public static final int MFD_HUGETLB = 0x0004;
    /** Bit position of the log2 hugepage size inside the {@code memfd_create} flags. */
    public static final int MFD_HUGE_SHIFT = 26;
    /** {@code memfd_create}: 2 MiB hugepages. */
    public static final int MFD_HUGE_2MB = 21 << MFD_HUGE_SHIFT;
    /** {@code memfd_create}: 1 GiB hugepages. */
    public static final int MFD_HUGE_1GB = 30 << MFD_HUGE_SHIFT;

    /** {@code mmap}: pages may not be accessed. */
    public static final int PROT_NONE = 0x0;
    /** {@code mmap}: pages may be read. */
    public static final int PROT_READ = 0x1;
    /** {@code mmap}: pages may be written. */
    public static final int PROT_WRITE = 0x2;

    /** {@code mmap}: share the mapping with every other mapping of the same file. */
    public static final int MAP_SHARED = 0x01;
    /** {@code mmap}: private copy-on-write mapping. */
    public static final int MAP_PRIVATE = 0x02;
    /** {@code mmap}: place the mapping exactly at the given address. */
    public static final int MAP_FIXED = 0x10;
    /** {@code mmap}: no file behind the mapping. */
    public static final int MAP_ANONYMOUS = 0x20;
    /** {@code mmap}: do not reserve swap space. */
    public static final int MAP_NORESERVE = 0x4000;
    /** {@code mmap}: fault every page in now, so that the first packets do not pay for it. */
    public static final int MAP_POPULATE = 0x8000;

    /** {@code sysconf}: processors currently online. */
    public static final int SC_NPROCESSORS_ONLN = 84;

    /** Address family of unix domain sockets. */
    public static final int AF_UNIX = 1;
    /** Address family of IPv4 sockets (also the usual socket for interface {@code ioctl}s). */
    public static final int AF_INET = 2;
    /** Address family of packet sockets: whole link-layer frames of one device. */
    public static final int AF_PACKET = 17;
    /** Socket type: datagrams. */
    public static final int SOCK_DGRAM = 2;
    /** Socket type: raw frames, link-layer header included. */
    public static final int SOCK_RAW = 3;
    /** {@code socket} type flag: operations never block. */
    public static final int SOCK_NONBLOCK = 0x800;
    /** {@code socket} type flag: close the descriptor on {@code exec}. */
    public static final int SOCK_CLOEXEC = 0x80000;
    /** {@code send}/{@code sendto} flag: do not block this call. */
    public static final int MSG_DONTWAIT = 0x40;

    /** {@code poll}: data to read. */
    public static final short POLLIN = 0x1;
    /** {@code poll}: writing will not block. */
    public static final short POLLOUT = 0x4;
    /** {@code poll}: an error is pending. */
    public static final short POLLERR = 0x8;

    /** {@code epoll_create1}: close the descriptor on {@code exec}. */
    public static final int EPOLL_CLOEXEC = 0x80000;
    /** {@code epoll_ctl}: add a descriptor to the set. */
    public static final int EPOLL_CTL_ADD = 1;
    /** {@code epoll_ctl}: remove a descriptor from the set. */
    public static final int EPOLL_CTL_DEL = 2;
    /** {@code epoll_event.events}: data to read. */
    public static final int EPOLLIN = 0x1;
    /** {@code epoll_event.events}: an error is pending (always reported). */
    public static final int EPOLLERR = 0x8;
    /** {@code epoll_event.events}: the peer hung up (always reported). */
    public static final int EPOLLHUP = 0x10;
    /** {@code eventfd}: close the descriptor on {@code exec}. */
    public static final int EFD_CLOEXEC = 0x80000;
    /** {@code eventfd}: reads and writes never block. */
    public static final int EFD_NONBLOCK = 0x800;
    /** errno: interrupted by a signal. */
    public static final int EINTR = 4;
    /** errno: the call would block. */
    public static final int EAGAIN = 11;

    /** {@code ioctl}: read an interface's flags ({@code struct ifreq}'s {@code ifr_flags}). */
    public static final long SIOCGIFFLAGS = 0x8913;
    /** {@code ioctl}: write an interface's flags. */
    public static final long SIOCSIFFLAGS = 0x8914;
    /** {@code ioctl}: read an interface's hardware address into {@code ifr_hwaddr}. */
    public static final long SIOCGIFHWADDR = 0x8927;
    /** Interface flag: administratively up. */
    public static final int IFF_UP = 0x1;
    /** Bytes of an interface name, the terminating NUL included. */
    public static final int IFNAMSIZ = 16;
    /**
     * Bytes of {@code struct ifreq}: the name, then a 24-byte union ({@code ifr_flags} is its
     * first {@code short}, {@code ifr_hwaddr} a {@code struct sockaddr} whose {@code sa_data}
     * starts 2 bytes in).
     */
    public static final int IFREQ_SIZE = 40;
    /** Offset of the union in {@code struct ifreq}. */
    public static final int IFREQ_UNION_OFFSET = IFNAMSIZ;
    /** Offset of {@code ifr_hwaddr.sa_data}, the hardware address, in {@code struct ifreq}. */
    public static final int IFREQ_HWADDR_DATA_OFFSET = IFNAMSIZ + 2;

    /**
     * Bytes of the CPU mask passed to {@code sched_setaffinity}/{@code sched_getaffinity}: room
     * for 8192 cores, the largest usual {@code NR_CPUS}, so the kernel never answers
     * {@code EINVAL} for a mask too small.
     */
    public static final int CPU_MASK_BYTES = 8192 / 8;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle MEMFD_CREATE =
            downcallCapturingErrno("memfd_create", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FTRUNCATE =
            downcallCapturingErrno("ftruncate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MMAP = downcallCapturingErrno("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP =
            downcallCapturingErrno("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE =
            downcallCapturingErrno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SCHED_SETAFFINITY = downcallCapturingErrno("sched_setaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    private static final MethodHandle SCHED_GETAFFINITY = downcallCapturingErrno("sched_getaffinity",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    private static final MethodHandle GETTID = LINKER.downcallHandle(symbol("gettid"), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SYSCONF =
            downcallCapturingErrno("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));
    private static final MethodHandle SOCKET =
            downcallCapturingErrno("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = downcallCapturingErrno("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = downcallCapturingErrno("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle BIND =
            downcallCapturingErrno("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SENDTO = downcallCapturingErrno("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle POLL =
            downcallCapturingErrno("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle IOCTL = LINKER.downcallHandle(symbol("ioctl"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO,
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IF_NAMETOINDEX =
            downcallCapturingErrno("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_CREATE1 =
            downcallCapturingErrno("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = downcallCapturingErrno("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT = downcallCapturingErrno("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD =
            downcallCapturingErrno("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD_WRITE =
            downcallCapturingErrno("eventfd_write", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle EVENTFD_READ =
            downcallCapturingErrno("eventfd_read", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    /** {@code struct pollfd}: int fd, short events, short revents. */
    private static final long POLLFD_SIZE = 8;
    private static final MethodHandle STRERROR =
            LINKER.downcallHandle(symbol("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));
    /** glibc 2.32 and later; absent on other C libraries, where errno numbers are printed instead. */
    private static final Optional<MethodHandle> STRERRORNAME_NP = LINKER.defaultLookup()
            .find("strerrorname_np")
            .map(address -> LINKER.downcallHandle(address, FunctionDescriptor.of(ADDRESS, JAVA_INT)));

    /** Longest C string read back from the C library (error texts are far shorter). */
    private static final long MAX_C_STRING = 4096;

    private Libc() {
    }

    /**
     * {@code memfd_create(2)}: an anonymous file that lives in memory.
     *
     * @param name  shown in {@code /proc/PID/fd} as {@code /memfd:NAME}; need not be unique
     * @param flags {@code MFD_*} flags
     * @return the new file descriptor
     * @throws ErrnoException if the call fails
     */
    public static int memfdCreate(String name, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int fd = (int) MEMFD_CREATE.invokeExact(errno, arena.allocateFrom(name), flags);
            if (fd < 0) {
                throw failure(errno, "memfd_create(\"" + name + "\", " + memfdFlags(flags) + ")");
            }
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("memfd_create downcall", t);
        }
    }

    /**
     * {@code ftruncate(2)}: set the size of a file.
     *
     * @throws ErrnoException if the call fails
     */
    public static void ftruncate(int fd, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) FTRUNCATE.invokeExact(errno, fd, length);
            if (result != 0) {
                throw failure(errno, "ftruncate(" + fd + ", " + length + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("ftruncate downcall", t);
        }
    }

    /**
     * {@code mmap(2)}.
     *
     * @param address {@link MemorySegment#NULL} to let the kernel choose
     * @return the start of the mapping, as a zero-length segment (see
     *         {@link MappedMemory} for a usable view)
     * @throws ErrnoException if the call returns {@code MAP_FAILED}
     */
    public static MemorySegment mmap(MemorySegment address, long length, int prot, int flags, int fd, long offset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            MemorySegment mapped = (MemorySegment) MMAP.invokeExact(errno, address, length, prot, flags, fd, offset);
            if (mapped.address() == -1L) {
                throw failure(errno, "mmap(" + pointer(address) + ", " + length + ", " + protFlags(prot) + ", "
                        + mapFlags(flags) + ", " + fd + ", " + offset + ")");
            }
            return mapped;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("mmap downcall", t);
        }
    }

    /**
     * {@code munmap(2)}.
     *
     * @throws ErrnoException if the call fails
     */
    public static void munmap(MemorySegment address, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) MUNMAP.invokeExact(errno, address, length);
            if (result != 0) {
                throw failure(errno, "munmap(" + pointer(address) + ", " + length + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("munmap downcall", t);
        }
    }

    /**
     * {@code close(2)}.
     *
     * @throws ErrnoException if the call fails (the descriptor is released even then, except
     *                        for {@code EBADF})
     */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) CLOSE.invokeExact(errno, fd);
            if (result != 0) {
                throw failure(errno, "close(" + fd + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("close downcall", t);
        }
    }

    /**
     * {@code sched_setaffinity(2)}: lets thread {@code tid} (0 for the calling thread) run only
     * on the cores set in {@code cores}.
     *
     * @throws IllegalArgumentException if a core is beyond {@link #CPU_MASK_BYTES}
     * @throws ErrnoException if the call fails, e.g. {@code EINVAL} when none of the cores is
     *                        online and allowed, {@code EPERM} when the caller may not
     */
    public static void schedSetaffinity(int tid, BitSet cores) {
        if (cores.length() > CPU_MASK_BYTES * 8) {
            throw new IllegalArgumentException("sched_setaffinity: core " + (cores.length() - 1)
                    + " is beyond the mask of " + CPU_MASK_BYTES * 8 + " cores");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            MemorySegment mask = arena.allocate(CPU_MASK_BYTES, 8);
            byte[] bits = cores.toByteArray();
            MemorySegment.copy(bits, 0, mask, JAVA_BYTE, 0, bits.length);
            int result = (int) SCHED_SETAFFINITY.invokeExact(errno, tid, (long) CPU_MASK_BYTES, mask);
            if (result != 0) {
                throw failure(errno, "sched_setaffinity(" + tid + ", " + CPU_MASK_BYTES + ", {" + coreList(cores) + "})");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("sched_setaffinity downcall", t);
        }
    }

    /**
     * {@code sched_getaffinity(2)}: the cores thread {@code tid} (0 for the calling thread) may
     * run on.
     *
     * @throws ErrnoException if the call fails, e.g. {@code ESRCH} for a thread that does not exist
     */
    public static BitSet schedGetaffinity(int tid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            MemorySegment mask = arena.allocate(CPU_MASK_BYTES, 8);
            int result = (int) SCHED_GETAFFINITY.invokeExact(errno, tid, (long) CPU_MASK_BYTES, mask);
            if (result < 0) {
                throw failure(errno, "sched_getaffinity(" + tid + ", " + CPU_MASK_BYTES + ")");
            }
            return BitSet.valueOf(mask.toArray(JAVA_BYTE));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("sched_getaffinity downcall", t);
        }
    }

    /** {@code gettid(2)}: the calling thread's Linux thread id (its {@code LWP}); never fails. */
    public static int gettid() {
        try {
            return (int) GETTID.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("gettid downcall", t);
        }
    }

    /**
     * {@code sysconf(_SC_NPROCESSORS_ONLN)}: the number of processors online now (which may be
     * more than this process is allowed to use; see {@link #schedGetaffinity}).
     *
     * @throws ErrnoException if the call fails
     */
    public static int onlineCpus() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            long result = (long) SYSCONF.invokeExact(errno, SC_NPROCESSORS_ONLN);
            if (result < 0) {
                throw failure(errno, "sysconf(_SC_NPROCESSORS_ONLN)");
            }
            return (int) result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("sysconf downcall", t);
        }
    }

    /**
     * {@code socket(2)}.
     *
     * @param protocol in network byte order, as the kernel takes it (for {@code AF_PACKET}
     *                 {@code htons(ETH_P_ALL)} is {@code 0x0300})
     * @return the new descriptor
     * @throws ErrnoException if the call fails, e.g. {@code EPERM} for a packet socket without
     *                        {@code CAP_NET_RAW}
     */
    public static int socket(int domain, int type, int protocol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int fd = (int) SOCKET.invokeExact(errno, domain, type, protocol);
            if (fd < 0) {
                throw failure(errno, "socket(" + domainName(domain) + ", " + socketType(type) + ", "
                        + (domain == AF_PACKET ? "htons(0x" + String.format("%04x", Short.reverseBytes((short) protocol) & 0xffff) + ")"
                        : Integer.toString(protocol)) + ")");
            }
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("socket downcall", t);
        }
    }

    /**
     * {@code setsockopt(2)} with an {@code int} value.
     *
     * @param option the option as it should read in an error, e.g. {@code SOL_PACKET, PACKET_VERSION}
     * @throws ErrnoException if the call fails
     */
    public static void setsockopt(int fd, int level, int name, int value, String option) {
        try (Arena arena = Arena.ofConfined()) {
            setsockopt(fd, level, name, arena.allocateFrom(JAVA_INT, value), option + ", " + value);
        }
    }

    /**
     * {@code setsockopt(2)} with a structure as the value, all of {@code value}'s bytes.
     *
     * @param option the option and its value as they should read in an error
     * @throws ErrnoException if the call fails
     */
    public static void setsockopt(int fd, int level, int name, MemorySegment value, String option) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) SETSOCKOPT.invokeExact(errno, fd, level, name, value, (int) value.byteSize());
            if (result != 0) {
                throw failure(errno, "setsockopt(" + fd + ", " + option + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("setsockopt downcall", t);
        }
    }

    /**
     * {@code getsockopt(2)} into {@code value}.
     *
     * @param option the option as it should read in an error
     * @return the bytes the kernel wrote
     * @throws ErrnoException if the call fails
     */
    public static int getsockopt(int fd, int level, int name, MemorySegment value, String option) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) value.byteSize());
            int result = (int) GETSOCKOPT.invokeExact(errno, fd, level, name, value, length);
            if (result != 0) {
                throw failure(errno, "getsockopt(" + fd + ", " + option + ")");
            }
            return length.get(JAVA_INT, 0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("getsockopt downcall", t);
        }
    }

    /**
     * {@code bind(2)} to the socket address in {@code address}, all of its bytes.
     *
     * @param describe the address as it should read in an error
     * @throws ErrnoException if the call fails
     */
    public static void bind(int fd, MemorySegment address, String describe) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) BIND.invokeExact(errno, fd, address, (int) address.byteSize());
            if (result != 0) {
                throw failure(errno, "bind(" + fd + ", " + describe + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("bind downcall", t);
        }
    }

    /**
     * {@code sendto(fd, NULL, 0, flags, NULL, 0)}: on a packet socket with a transmit ring,
     * tells the kernel to send the frames marked ready. For the data path: it allocates
     * nothing and throws nothing.
     *
     * @param callState scratch for {@code errno}, from {@link #newCallState}, used by one thread
     * @return what {@code sendto} returned (bytes sent), or {@code -errno} if it failed
     */
    public static long sendtoEmpty(int fd, int flags, MemorySegment callState) {
        try {
            long result = (long) SENDTO.invokeExact(callState, fd, MemorySegment.NULL, 0L, flags, MemorySegment.NULL, 0);
            return result >= 0 ? result : -(int) ERRNO.get(callState, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("sendto downcall", t);
        }
    }

    /**
     * {@code poll(2)} on one descriptor.
     *
     * @param timeoutMillis -1 to wait for ever, 0 to look and return
     * @return the {@code revents} bits, 0 when the time ran out
     * @throws ErrnoException if the call fails ({@code EINTR} included)
     */
    public static short poll(int fd, short events, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            MemorySegment pollfd = arena.allocate(POLLFD_SIZE, 4);
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, events);
            int result = (int) POLL.invokeExact(errno, pollfd, 1L, timeoutMillis);
            if (result < 0) {
                throw failure(errno, "poll({fd " + fd + ", events 0x" + Integer.toHexString(events) + "}, 1, "
                        + timeoutMillis + ")");
            }
            return result == 0 ? 0 : pollfd.get(ValueLayout.JAVA_SHORT, 6);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("poll downcall", t);
        }
    }

    /**
     * {@code ioctl(2)} with a pointer argument.
     *
     * @param describe the request and argument as they should read in an error, e.g.
     *                 {@code SIOCGIFHWADDR, {ifr_name "veth1"}}
     * @return what {@code ioctl} returned
     * @throws ErrnoException if the call fails
     */
    public static int ioctl(int fd, long request, MemorySegment argument, String describe) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) IOCTL.invokeExact(errno, fd, request, argument);
            if (result < 0) {
                throw failure(errno, "ioctl(" + fd + ", " + describe + ")");
            }
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("ioctl downcall", t);
        }
    }

    /**
     * {@code if_nametoindex(3)}: the kernel's index of the interface called {@code name} in
     * this process's network namespace.
     *
     * @throws ErrnoException if there is no such interface ({@code ENODEV})
     */
    public static int ifNametoindex(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int index = (int) IF_NAMETOINDEX.invokeExact(errno, arena.allocateFrom(name));
            if (index == 0) {
                throw failure(errno, "if_nametoindex(\"" + name + "\")");
            }
            return index;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("if_nametoindex downcall", t);
        }
    }

    /**
     * {@code epoll_create1(2)}: a new, empty epoll set.
     *
     * @return its descriptor
     * @throws ErrnoException if the call fails, e.g. {@code EMFILE} when the process has no
     *                        descriptor left
     */
    public static int epollCreate1(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int fd = (int) EPOLL_CREATE1.invokeExact(errno, flags);
            if (fd < 0) {
                throw failure(errno, "epoll_create1(" + (flags == EPOLL_CLOEXEC ? "EPOLL_CLOEXEC"
                        : "0x" + Integer.toHexString(flags)) + ")");
            }
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("epoll_create1 downcall", t);
        }
    }

    /**
     * {@code epoll_ctl(2)}: adds {@code fd} to or removes it from the set {@code epfd}.
     *
     * @param event a {@code struct epoll_event} (see {@link EpollSet} for its layout), or
     *              {@link MemorySegment#NULL} for {@link #EPOLL_CTL_DEL}
     * @param describe the event as it should read in an error, e.g. {@code {EPOLLIN, data 7}}
     * @throws ErrnoException if the call fails, e.g. {@code EEXIST} for a descriptor already in
     *                        the set, {@code ENOENT} for one that is not, {@code EPERM} for a
     *                        regular file
     */
    public static void epollCtl(int epfd, int op, int fd, MemorySegment event, String describe) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) EPOLL_CTL.invokeExact(errno, epfd, op, fd, event);
            if (result != 0) {
                throw failure(errno, "epoll_ctl(" + epfd + ", " + (op == EPOLL_CTL_ADD ? "EPOLL_CTL_ADD"
                        : op == EPOLL_CTL_DEL ? "EPOLL_CTL_DEL" : Integer.toString(op)) + ", " + fd + ", " + describe
                        + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("epoll_ctl downcall", t);
        }
    }

    /**
     * {@code epoll_wait(2)} into {@code events}, up to {@code maxEvents} of them. For the
     * dispatch loop: it allocates nothing and throws nothing.
     *
     * @param timeoutMillis -1 to wait for ever, 0 to look and return
     * @param callState scratch for {@code errno}, from {@link #newCallState}, used by one thread
     * @return how many descriptors are ready (0 when the time ran out), or {@code -errno}
     */
    public static int epollWait(int epfd, MemorySegment events, int maxEvents, int timeoutMillis,
                                MemorySegment callState) {
        try {
            int result = (int) EPOLL_WAIT.invokeExact(callState, epfd, events, maxEvents, timeoutMillis);
            return result >= 0 ? result : -(int) ERRNO.get(callState, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("epoll_wait downcall", t);
        }
    }

    /**
     * {@code eventfd(2)}: a 64-bit counter behind a descriptor, readable while it is not zero.
     *
     * @return its descriptor
     * @throws ErrnoException if the call fails
     */
    public static int eventfd(int initialValue, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int fd = (int) EVENTFD.invokeExact(errno, initialValue, flags);
            if (fd < 0) {
                throw failure(errno, "eventfd(" + initialValue + ", " + eventfdFlags(flags) + ")");
            }
            return fd;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("eventfd downcall", t);
        }
    }

    /**
     * {@code eventfd_write(3)}: adds {@code value} to the counter of eventfd {@code fd}; any
     * thread.
     *
     * @throws ErrnoException if the call fails, e.g. {@code EAGAIN} when the counter would
     *                        overflow a non-blocking eventfd
     */
    public static void eventfdWrite(int fd, long value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_STATE);
            int result = (int) EVENTFD_WRITE.invokeExact(errno, fd, value);
            if (result != 0) {
                throw failure(errno, "eventfd_write(" + fd + ", " + value + ")");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("eventfd_write downcall", t);
        }
    }

    /**
     * {@code eventfd_read(3)}: takes the counter of eventfd {@code fd} and sets it to zero. For
     * the dispatch loop: it allocates nothing and throws nothing.
     *
     * @param value 8 bytes the counter is read into
     * @param callState scratch for {@code errno}, from {@link #newCallState}, used by one thread
     * @return 0, or {@code -errno} ({@code -EAGAIN} when a non-blocking eventfd is zero)
     */
    public static int eventfdRead(int fd, MemorySegment value, MemorySegment callState) {
        try {
            int result = (int) EVENTFD_READ.invokeExact(callState, fd, value);
            return result == 0 ? 0 : -(int) ERRNO.get(callState, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("eventfd_read downcall", t);
        }
    }

    /**
     * Scratch memory for the {@code errno} of the calls that take a {@code callState}
     * ({@link #sendtoEmpty}): the data path allocates it once, not once per call.
     */
    public static MemorySegment newCallState(Arena arena) {
        return arena.allocate(CAPTURE_STATE);
    }

    /** {@code 0-3,6}: a set of cores in the list syntax of Linux and VPP. */
    public static String coreList(BitSet cores) {
        StringJoiner list = new StringJoiner(",");
        for (int first = cores.nextSetBit(0); first >= 0; ) {
            int end = cores.nextClearBit(first);
            list.add(end - first == 1 ? Integer.toString(first) : first + "-" + (end - 1));
            first = cores.nextSetBit(end);
        }
        return list.toString();
    }

    /** {@code strerror(3)}: the C library's text for an errno, e.g. {@code Cannot allocate memory}. */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return cString(text, "errno " + errno);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("strerror downcall", t);
        }
    }

    /**
     * The symbolic name of an errno, e.g. {@code ENOMEM}, from glibc's {@code strerrorname_np};
     * {@code errno N} when the C library has no name for it.
     */
    public static String errnoName(int errno) {
        if (STRERRORNAME_NP.isEmpty()) {
            return "errno " + errno;
        }
        try {
            MemorySegment name = (MemorySegment) STRERRORNAME_NP.get().invokeExact(errno);
            return cString(name, "errno " + errno);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("strerrorname_np downcall", t);
        }
    }

    static String memfdFlags(int flags) {
        StringJoiner names = new StringJoiner("|");
        int rest = flags;
        if ((rest & MFD_CLOEXEC) != 0) {
            names.add("MFD_CLOEXEC");
            rest &= ~MFD_CLOEXEC;
        }
        if ((rest & MFD_ALLOW_SEALING) != 0) {
            names.add("MFD_ALLOW_SEALING");
            rest &= ~MFD_ALLOW_SEALING;
        }
        if ((rest & MFD_HUGETLB) != 0) {
            names.add("MFD_HUGETLB");
            rest &= ~MFD_HUGETLB;
        }
        int log2HugePage = (rest >>> MFD_HUGE_SHIFT) & 0x3f;
        if (log2HugePage != 0) {
            names.add("MFD_HUGE_" + sizeName(1L << log2HugePage).replace("K", "KB").replace("M", "MB")
                    .replace("G", "GB"));
            rest &= ~(0x3f << MFD_HUGE_SHIFT);
        }
        return finish(names, rest);
    }

    static String protFlags(int prot) {
        if (prot == PROT_NONE) {
            return "PROT_NONE";
        }
        StringJoiner names = new StringJoiner("|");
        int rest = prot;
        if ((rest & PROT_READ) != 0) {
            names.add("PROT_READ");
            rest &= ~PROT_READ;
        }
        if ((rest & PROT_WRITE) != 0) {
            names.add("PROT_WRITE");
            rest &= ~PROT_WRITE;
        }
        return finish(names, rest);
    }

    static String mapFlags(int flags) {
        StringJoiner names = new StringJoiner("|");
        int rest = flags;
        int[] bits = {MAP_SHARED, MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS, MAP_NORESERVE, MAP_POPULATE};
        String[] bitNames = {"MAP_SHARED", "MAP_PRIVATE", "MAP_FIXED", "MAP_ANONYMOUS", "MAP_NORESERVE", "MAP_POPULATE"};
        for (int i = 0; i < bits.length; i++) {
            if ((rest & bits[i]) != 0) {
                names.add(bitNames[i]);
                rest &= ~bits[i];
            }
        }
        return finish(names, rest);
    }

    static String eventfdFlags(int flags) {
        StringJoiner names = new StringJoiner("|");
        int rest = flags;
        if ((rest & EFD_NONBLOCK) != 0) {
            names.add("EFD_NONBLOCK");
            rest &= ~EFD_NONBLOCK;
        }
        if ((rest & EFD_CLOEXEC) != 0) {
            names.add("EFD_CLOEXEC");
            rest &= ~EFD_CLOEXEC;
        }
        return finish(names, rest);
    }

    static String domainName(int domain) {
        return switch (domain) {
            case AF_UNIX -> "AF_UNIX";
            case AF_INET -> "AF_INET";
            case AF_PACKET -> "AF_PACKET";
            default -> Integer.toString(domain);
        };
    }

    static String socketType(int type) {
        StringJoiner names = new StringJoiner("|");
        int base = type & 0xf;
        names.add(switch (base) {
            case SOCK_DGRAM -> "SOCK_DGRAM";
            case SOCK_RAW -> "SOCK_RAW";
            default -> Integer.toString(base);
        });
        int rest = type & ~0xf;
        if ((rest & SOCK_NONBLOCK) != 0) {
            names.add("SOCK_NONBLOCK");
            rest &= ~SOCK_NONBLOCK;
        }
        if ((rest & SOCK_CLOEXEC) != 0) {
            names.add("SOCK_CLOEXEC");
            rest &= ~SOCK_CLOEXEC;
        }
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return names.toString();
    }

    /** A size in the form VPP and Linux print page sizes: 4K, 2M, 1G. */
    static String sizeName(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "K";
        }
        return Long.toString(bytes);
    }

    private static String finish(StringJoiner names, int rest) {
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return names.length() == 0 ? "0" : names.toString();
    }

    private static String pointer(MemorySegment address) {
        return address.address() == 0 ? "NULL" : "0x" + Long.toHexString(address.address());
    }

    private static String cString(MemorySegment text, String ifNull) {
        if (text.address() == 0) {
            return ifNull;
        }
        return text.reinterpret(MAX_C_STRING).getString(0);
    }

    private static ErrnoException failure(MemorySegment captureState, String call) {
        return new ErrnoException(call, (int) ERRNO.get(captureState, 0L));
    }

    private static MethodHandle downcallCapturingErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor, CAPTURE_ERRNO);
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("C library function " + name + " not found"));
    }
}
