package io.vecta.nativeio.afpacket;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.Libc;
import io.vecta.nativeio.linux.MappedMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The set-up steps both rings share: a packet socket bound to one device, options, the ring,
 * the mapping. Each failure names the interface, the call and, where it helps, what to check;
 * the socket is closed before the exception leaves.
 */
final class PacketSocket {

    private PacketSocket() {
    }

    /** Options set between {@code bind} and the ring, in order. */
    record IntOption(int name, String label, int value) {
    }

    /**
     * A socket of {@code interfaceName}, bound with {@code etherType}, with {@code options} and a
     * ring made by {@code ringOption} from {@code request}, mapped.
     */
    static Opened open(String interfaceName, int etherType, int version, IntOption[] options, int ringOption,
                       MemorySegment request, RingGeometry geometry) {
        String context = "host interface " + interfaceName;
        int ifindex = HostInterface.index(interfaceName);
        int fd;
        try {
            // protocol 0 here, the real one at bind: no frame of another device reaches the socket meanwhile
            fd = Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 0);
        } catch (ErrnoException e) {
            throw e.withContext(context, e.errnoName().equals("EPERM") ? "packet sockets need CAP_NET_RAW" : "");
        }
        try (Arena arena = Arena.ofConfined()) {
            Libc.bind(fd, SockaddrLl.forBind(arena, ifindex, etherType), "{sll_family AF_PACKET, sll_protocol htons(0x"
                    + String.format("%04x", etherType) + "), sll_ifindex " + ifindex + "}");
            Libc.setsockopt(fd, PacketSocketOptions.SOL_PACKET, PacketSocketOptions.PACKET_VERSION, version,
                    "SOL_PACKET, PACKET_VERSION");
            for (IntOption option : options) {
                Libc.setsockopt(fd, PacketSocketOptions.SOL_PACKET, option.name(), option.value(),
                        "SOL_PACKET, " + option.label());
            }
            Libc.setsockopt(fd, PacketSocketOptions.SOL_PACKET, ringOption, request, "SOL_PACKET, "
                    + (ringOption == PacketSocketOptions.PACKET_RX_RING ? "PACKET_RX_RING" : "PACKET_TX_RING")
                    + ", {" + geometry + "}");
            MappedMemory mapping = MappedMemory.mapShared(fd, geometry.ringSize(), false);
            return new Opened(fd, mapping);
        } catch (ErrnoException e) {
            Libc.close(fd);
            throw e.withContext(context, hint(e));
        } catch (RuntimeException | Error e) {
            Libc.close(fd);
            throw e;
        }
    }

    record Opened(int fd, MappedMemory mapping) {
    }

    private static String hint(ErrnoException e) {
        return switch (e.errnoName()) {
            case "ENOMEM" -> "the kernel could not allocate the ring; try fewer or smaller blocks";
            case "ENETDOWN" -> "the interface is down";
            case "ENODEV" -> "the interface went away";
            default -> "";
        };
    }
}
