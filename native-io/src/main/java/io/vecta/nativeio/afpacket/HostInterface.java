package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * A kernel network device seen by name in this process's network namespace: its index, its
 * hardware address, its up flag. Every failure is an {@link ErrnoException} whose message
 * starts with {@code host interface NAME:} and, where it helps, says what to check.
 */
public final class HostInterface {

    /** Longest interface name the kernel takes ({@code IFNAMSIZ - 1}). */
    public static final int MAX_NAME_LENGTH = Libc.IFNAMSIZ - 1;

    private HostInterface() {
    }

    /**
     * The kernel's index of {@code name}.
     *
     * @throws IllegalArgumentException if the name is empty or longer than {@link #MAX_NAME_LENGTH}
     * @throws ErrnoException           if there is no such interface
     */
    public static int index(String name) {
        checkName(name);
        try {
            return Libc.ifNametoindex(name);
        } catch (ErrnoException e) {
            throw e.withContext("host interface " + name, "no such interface in this network namespace (ip link)");
        }
    }

    /**
     * The 48-bit hardware address of {@code name} ({@code ioctl SIOCGIFHWADDR}), as a long whose
     * low 48 bits are the address, first byte highest.
     *
     * @throws ErrnoException if the interface does not exist
     */
    public static long hardwareAddress(String name) {
        checkName(name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ifreq = ifreq(arena, name);
            withControlSocket(name, fd -> Libc.ioctl(fd, Libc.SIOCGIFHWADDR, ifreq,
                    "SIOCGIFHWADDR, {ifr_name \"" + name + "\"}"));
            long mac = 0;
            for (int i = 0; i < 6; i++) {
                mac = mac << 8 | Byte.toUnsignedLong(ifreq.get(JAVA_BYTE, Libc.IFREQ_HWADDR_DATA_OFFSET + i));
            }
            return mac;
        }
    }

    /**
     * Sets {@code name} administratively up if it is not, as {@code ip link set NAME up}
     * would: a packet socket on a device that is down sends and receives nothing.
     *
     * @return whether it was down and has been set up
     * @throws ErrnoException if the flags cannot be read or written (setting needs
     *                        {@code CAP_NET_ADMIN})
     */
    public static boolean setUp(String name) {
        checkName(name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ifreq = ifreq(arena, name);
            boolean[] changed = {false};
            withControlSocket(name, fd -> {
                Libc.ioctl(fd, Libc.SIOCGIFFLAGS, ifreq, "SIOCGIFFLAGS, {ifr_name \"" + name + "\"}");
                short flags = ifreq.get(JAVA_SHORT, Libc.IFREQ_UNION_OFFSET);
                if ((flags & Libc.IFF_UP) == 0) {
                    ifreq.set(JAVA_SHORT, Libc.IFREQ_UNION_OFFSET, (short) (flags | Libc.IFF_UP));
                    Libc.ioctl(fd, Libc.SIOCSIFFLAGS, ifreq, "SIOCSIFFLAGS, {ifr_name \"" + name + "\", IFF_UP}");
                    changed[0] = true;
                }
                return 0;
            });
            return changed[0];
        }
    }

    /**
     * @throws IllegalArgumentException if {@code name} cannot be an interface name
     */
    public static void checkName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_NAME_LENGTH || name.contains("/") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host interface '" + name + "': a Linux interface name has 1 to "
                    + MAX_NAME_LENGTH + " bytes, no '/' and no spaces");
        }
    }

    private interface FdCall {
        int call(int fd);
    }

    private static void withControlSocket(String name, FdCall call) {
        int fd;
        try {
            fd = Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        } catch (ErrnoException e) {
            throw e.withContext("host interface " + name, "");
        }
        try {
            call.call(fd);
        } catch (ErrnoException e) {
            throw e.withContext("host interface " + name, e.errnoName().equals("ENODEV")
                    ? "no such interface in this network namespace (ip link)"
                    : e.errnoName().equals("EPERM") ? "changing an interface needs CAP_NET_ADMIN" : "");
        } finally {
            Libc.close(fd);
        }
    }

    private static MemorySegment ifreq(Arena arena, String name) {
        MemorySegment ifreq = arena.allocate(Libc.IFREQ_SIZE, 8);
        ifreq.fill((byte) 0);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(bytes, 0, ifreq, JAVA_BYTE, 0, bytes.length);
        return ifreq;
    }
}
