package io.vecta.nativeio.afpacket;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.vecta.nativeio.linux.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@code struct sockaddr_ll}: the address a packet socket is bound to, one device and one
 * protocol (20 bytes; multi-byte fields in host order except {@code sll_protocol}).
 *
 * <pre>
 *   0               1               2               3
 *  +-------------------------------+-------------------------------+
 *  |  sll_family (u16) AF_PACKET   |  sll_protocol (be16)          |   0
 *  +-------------------------------+-------------------------------+
 *  |                   sll_ifindex (i32)                           |   4
 *  +-------------------------------+---------------+---------------+
 *  |  sll_hatype (u16)             | sll_pkttype u8| sll_halen u8  |   8
 *  +-------------------------------+---------------+---------------+
 *  |                   sll_addr[8] (u8)                            |  12..19
 *  +---------------------------------------------------------------+
 * </pre>
 * For {@code bind} only family, protocol and index matter; the rest stays zero.
 */
public final class SockaddrLl {

    /** u16: {@code AF_PACKET}. */
    public static final long FAMILY_OFFSET = 0;
    /** be16: the protocol to receive, 0 for none. */
    public static final long PROTOCOL_OFFSET = 2;
    /** i32: the device's kernel index. */
    public static final long IFINDEX_OFFSET = 4;
    /** u16: ARP hardware type. */
    public static final long HATYPE_OFFSET = 8;
    /** u8: packet type (host, broadcast, outgoing ...). */
    public static final long PKTTYPE_OFFSET = 10;
    /** u8: length of the address. */
    public static final long HALEN_OFFSET = 11;
    /** u8[8]: the link-layer address. */
    public static final long ADDR_OFFSET = 12;
    /** Bytes of the structure. */
    public static final long SIZE = 20;

    private SockaddrLl() {
    }

    /**
     * An address for {@code bind}: device {@code ifindex}, protocol {@code etherType}
     * ({@link PacketSocketOptions#ETH_P_ALL} to receive everything, 0 to receive nothing, as a
     * socket that only sends wants).
     */
    public static MemorySegment forBind(Arena arena, int ifindex, int etherType) {
        MemorySegment address = arena.allocate(SIZE, 4);
        address.fill((byte) 0);
        address.set(JAVA_SHORT, FAMILY_OFFSET, (short) Libc.AF_PACKET);
        // network byte order: the high byte first, whatever the host's order
        address.set(JAVA_BYTE, PROTOCOL_OFFSET, (byte) (etherType >>> 8));
        address.set(JAVA_BYTE, PROTOCOL_OFFSET + 1, (byte) etherType);
        address.set(JAVA_INT, IFINDEX_OFFSET, ifindex);
        return address;
    }
}
