package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.setU48;
import static io.vecta.sdk.packet.NetworkOrder.u16;
import static io.vecta.sdk.packet.NetworkOrder.u48;

import java.lang.foreign.MemorySegment;

/**
 * Ethernet II header (IEEE 802.3 with an EtherType), read and written in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination MAC address                    |  DST_OFFSET 0
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |  SRC_OFFSET 6
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                      Source MAC address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           EtherType           |                                  ETHER_TYPE_OFFSET 12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                                                     HEADER_LENGTH 14
 * </pre>
 *
 * <p>Every accessor takes the memory and the byte offset of the header's first byte (a
 * buffer's current data); nothing is allocated. A MAC address travels as the low 48 bits of a
 * {@code long}, first wire byte in bits 47..40, so {@code 02:fe:12:34:56:78} is
 * {@code 0x02fe12345678L}; {@link MacAddress} converts to and from text and {@code byte[]}.
 *
 * <p>When the EtherType is {@link #ETHER_TYPE_VLAN} or {@link #ETHER_TYPE_QINQ}, a {@link Vlan}
 * tag follows at {@code off + HEADER_LENGTH} and carries the inner EtherType.
 */
public final class Ethernet {

    public static final int DST_OFFSET = 0;
    public static final int SRC_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;
    public static final int HEADER_LENGTH = 14;
    /** The broadcast address {@code ff:ff:ff:ff:ff:ff}. */
    public static final long BROADCAST = 0xffff_ffff_ffffL;

    public static final int ETHER_TYPE_IP4 = 0x0800;
    public static final int ETHER_TYPE_ARP = 0x0806;
    /** IEEE 802.1Q customer VLAN tag (C-tag). */
    public static final int ETHER_TYPE_VLAN = 0x8100;
    public static final int ETHER_TYPE_IP6 = 0x86dd;
    public static final int ETHER_TYPE_MPLS = 0x8847;
    /** IEEE 802.1ad service VLAN tag (S-tag, "QinQ"). */
    public static final int ETHER_TYPE_QINQ = 0x88a8;
    public static final int ETHER_TYPE_LLDP = 0x88cc;

    private Ethernet() {
    }

    public static long dst(MemorySegment m, long off) {
        return u48(m, off + DST_OFFSET);
    }

    public static void setDst(MemorySegment m, long off, long mac) {
        setU48(m, off + DST_OFFSET, mac);
    }

    /** Copies the destination address into {@code into[0..6)}. */
    public static void copyDst(MemorySegment m, long off, byte[] into) {
        MemorySegment.copy(m, off + DST_OFFSET, MemorySegment.ofArray(into), 0, MacAddress.LENGTH);
    }

    public static void setDst(MemorySegment m, long off, byte[] mac) {
        MemorySegment.copy(MemorySegment.ofArray(MacAddress.checkLength(mac)), 0, m, off + DST_OFFSET,
                MacAddress.LENGTH);
    }

    public static long src(MemorySegment m, long off) {
        return u48(m, off + SRC_OFFSET);
    }

    public static void setSrc(MemorySegment m, long off, long mac) {
        setU48(m, off + SRC_OFFSET, mac);
    }

    /** Copies the source address into {@code into[0..6)}. */
    public static void copySrc(MemorySegment m, long off, byte[] into) {
        MemorySegment.copy(m, off + SRC_OFFSET, MemorySegment.ofArray(into), 0, MacAddress.LENGTH);
    }

    public static void setSrc(MemorySegment m, long off, byte[] mac) {
        MemorySegment.copy(MemorySegment.ofArray(MacAddress.checkLength(mac)), 0, m, off + SRC_OFFSET,
                MacAddress.LENGTH);
    }

    /** The EtherType (u16), or the TPID of the first VLAN tag when the frame is tagged. */
    public static int etherType(MemorySegment m, long off) {
        return u16(m, off + ETHER_TYPE_OFFSET);
    }

    public static void setEtherType(MemorySegment m, long off, int etherType) {
        setU16(m, off + ETHER_TYPE_OFFSET, checkField(etherType, 16, "ethernet ether type"));
    }

    /** True for a group (multicast or broadcast) destination: the I/G bit of the first byte. */
    public static boolean isMulticastDst(MemorySegment m, long off) {
        return (dst(m, off) & 0x0100_0000_0000L) != 0;
    }
}
