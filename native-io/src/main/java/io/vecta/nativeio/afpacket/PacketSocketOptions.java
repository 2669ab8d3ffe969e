package io.vecta.nativeio.afpacket;

import java.nio.ByteOrder;

/**
 * The Linux constants of packet sockets ({@code <linux/if_packet.h>}, {@code <linux/if_ether.h>}):
 * socket options at level {@link #SOL_PACKET}, ring versions and the status words the kernel and
 * the program hand each other frames and blocks with. The values are the same on every Linux
 * architecture.
 */
public final class PacketSocketOptions {

    /** Socket option level of packet sockets. */
    public static final int SOL_PACKET = 263;
    /** Option: a receive ring ({@code struct tpacket_req} or {@code tpacket_req3}). */
    public static final int PACKET_RX_RING = 5;
    /** Option: the socket's counters ({@code struct tpacket_stats_v3}), reset by reading. */
    public static final int PACKET_STATISTICS = 6;
    /** Option: the ring layout version, {@link #TPACKET_V2} or {@link #TPACKET_V3}; set before the ring. */
    public static final int PACKET_VERSION = 10;
    /** Option: a transmit ring ({@code struct tpacket_req}). */
    public static final int PACKET_TX_RING = 13;
    /** Option: a malformed transmit frame is skipped and made available again, not left to block the ring. */
    public static final int PACKET_LOSS = 14;
    /** Option: frames sent go straight to the driver, past the queueing discipline (and past other taps). */
    public static final int PACKET_QDISC_BYPASS = 20;
    /** Option: frames this host sends out of the device are not delivered to the socket. */
    public static final int PACKET_IGNORE_OUTGOING = 23;

    /** Ring layout with fixed-size frames, used here for transmit rings. */
    public static final int TPACKET_V2 = 1;
    /** Ring layout with variable-size frames packed into blocks, used here for receive rings. */
    public static final int TPACKET_V3 = 2;

    /** {@code ETH_P_ALL}: every protocol, in host byte order. */
    public static final int ETH_P_ALL = 0x0003;

    /** Receive block or transmit frame: the kernel's. */
    public static final int TP_STATUS_KERNEL = 0;
    /** Receive block: filled, the program's to read. */
    public static final int TP_STATUS_USER = 1;
    /** Receive frame: the packet was longer than what the ring kept ({@code tp_snaplen < tp_len}). */
    public static final int TP_STATUS_COPY = 1 << 1;
    /** Receive frame: the socket dropped packets since the last frame that said so. */
    public static final int TP_STATUS_LOSING = 1 << 2;
    /** Transmit frame: free for the program to fill. */
    public static final int TP_STATUS_AVAILABLE = 0;
    /** Transmit frame: filled, for the kernel to send at the next {@code sendto}. */
    public static final int TP_STATUS_SEND_REQUEST = 1;
    /** Transmit frame: the kernel is sending it. */
    public static final int TP_STATUS_SENDING = 2;
    /** Transmit frame: the kernel refused it (only without {@link #PACKET_LOSS}). */
    public static final int TP_STATUS_WRONG_FORMAT = 4;

    /** Alignment of frames and headers in a ring ({@code TPACKET_ALIGNMENT}). */
    public static final int TPACKET_ALIGNMENT = 16;

    private PacketSocketOptions() {
    }

    /** {@code htons}: a 16-bit value as the kernel reads network-order bytes on this host. */
    public static int htons(int value) {
        return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? value & 0xffff
                : Short.toUnsignedInt(Short.reverseBytes((short) value));
    }
}
