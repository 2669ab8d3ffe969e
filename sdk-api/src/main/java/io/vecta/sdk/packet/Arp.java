package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.i32;
import static io.vecta.sdk.packet.NetworkOrder.setI32;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.setU48;
import static io.vecta.sdk.packet.NetworkOrder.setU8;
import static io.vecta.sdk.packet.NetworkOrder.u16;
import static io.vecta.sdk.packet.NetworkOrder.u48;
import static io.vecta.sdk.packet.NetworkOrder.u8;

import java.lang.foreign.MemorySegment;

/**
 * ARP packet for Ethernet and IPv4 (RFC 826), read and written in place.
 *
 * <p>The address fields have fixed offsets only when the hardware size is 6 and the protocol
 * size is 4, which {@link #isEthernetIp4} checks; the other accessors assume it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Hardware type         |         Protocol type         |  0 HARDWARE_TYPE, 2 PROTOCOL_TYPE
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Hardware size | Protocol size |            Opcode             |  4 HARDWARE_SIZE, 5 PROTOCOL_SIZE, 6 OPCODE
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Sender MAC address                       |  8 SENDER_MAC
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |   Sender IPv4 address         |  14 SENDER_IP
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   (sender IPv4, continued)    |                               |  18 TARGET_MAC
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                      Target MAC address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Target IPv4 address                      |  24 TARGET_IP
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                                                     LENGTH 28
 * </pre>
 *
 * <p>MAC addresses are the low 48 bits of a {@code long} as in {@link Ethernet}; IPv4 addresses
 * are an {@code int} holding the four bytes in wire order (192.0.2.1 is {@code 0xc0000201}).
 */
public final class Arp {

    public static final int HARDWARE_TYPE_OFFSET = 0;
    public static final int PROTOCOL_TYPE_OFFSET = 2;
    public static final int HARDWARE_SIZE_OFFSET = 4;
    public static final int PROTOCOL_SIZE_OFFSET = 5;
    public static final int OPCODE_OFFSET = 6;
    public static final int SENDER_MAC_OFFSET = 8;
    public static final int SENDER_IP_OFFSET = 14;
    public static final int TARGET_MAC_OFFSET = 18;
    public static final int TARGET_IP_OFFSET = 24;
    public static final int LENGTH = 28;

    public static final int HARDWARE_TYPE_ETHERNET = 1;
    public static final int OPCODE_REQUEST = 1;
    public static final int OPCODE_REPLY = 2;

    private Arp() {
    }

    /** True when the packet announces Ethernet hardware addresses (6 bytes) and IPv4 (4 bytes). */
    public static boolean isEthernetIp4(MemorySegment m, long off) {
        return hardwareType(m, off) == HARDWARE_TYPE_ETHERNET
                && protocolType(m, off) == Ethernet.ETHER_TYPE_IP4
                && hardwareSize(m, off) == MacAddress.LENGTH
                && protocolSize(m, off) == Ip4Address.LENGTH;
    }

    public static int hardwareType(MemorySegment m, long off) {
        return u16(m, off + HARDWARE_TYPE_OFFSET);
    }

    public static void setHardwareType(MemorySegment m, long off, int type) {
        setU16(m, off + HARDWARE_TYPE_OFFSET, checkField(type, 16, "arp hardware type"));
    }

    /** The protocol as an EtherType: {@link Ethernet#ETHER_TYPE_IP4} for IPv4. */
    public static int protocolType(MemorySegment m, long off) {
        return u16(m, off + PROTOCOL_TYPE_OFFSET);
    }

    public static void setProtocolType(MemorySegment m, long off, int type) {
        setU16(m, off + PROTOCOL_TYPE_OFFSET, checkField(type, 16, "arp protocol type"));
    }

    public static int hardwareSize(MemorySegment m, long off) {
        return u8(m, off + HARDWARE_SIZE_OFFSET);
    }

    public static void setHardwareSize(MemorySegment m, long off, int size) {
        setU8(m, off + HARDWARE_SIZE_OFFSET, checkField(size, 8, "arp hardware size"));
    }

    public static int protocolSize(MemorySegment m, long off) {
        return u8(m, off + PROTOCOL_SIZE_OFFSET);
    }

    public static void setProtocolSize(MemorySegment m, long off, int size) {
        setU8(m, off + PROTOCOL_SIZE_OFFSET, checkField(size, 8, "arp protocol size"));
    }

    /** {@link #OPCODE_REQUEST} or {@link #OPCODE_REPLY} (u16). */
    public static int opcode(MemorySegment m, long off) {
        return u16(m, off + OPCODE_OFFSET);
    }

    public static void setOpcode(MemorySegment m, long off, int opcode) {
        setU16(m, off + OPCODE_OFFSET, checkField(opcode, 16, "arp opcode"));
    }

    public static long senderMac(MemorySegment m, long off) {
        return u48(m, off + SENDER_MAC_OFFSET);
    }

    public static void setSenderMac(MemorySegment m, long off, long mac) {
        setU48(m, off + SENDER_MAC_OFFSET, mac);
    }

    public static int senderIp(MemorySegment m, long off) {
        return i32(m, off + SENDER_IP_OFFSET);
    }

    public static void setSenderIp(MemorySegment m, long off, int ip) {
        setI32(m, off + SENDER_IP_OFFSET, ip);
    }

    public static long targetMac(MemorySegment m, long off) {
        return u48(m, off + TARGET_MAC_OFFSET);
    }

    public static void setTargetMac(MemorySegment m, long off, long mac) {
        setU48(m, off + TARGET_MAC_OFFSET, mac);
    }

    public static int targetIp(MemorySegment m, long off) {
        return i32(m, off + TARGET_IP_OFFSET);
    }

    public static void setTargetIp(MemorySegment m, long off, int ip) {
        setI32(m, off + TARGET_IP_OFFSET, ip);
    }
}
