package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.NetworkOrder.checkField;
import static io.vecta.sdk.packet.NetworkOrder.setU16;
import static io.vecta.sdk.packet.NetworkOrder.u16;

import java.lang.foreign.MemorySegment;

/**
 * IEEE 802.1Q / 802.1ad VLAN tag, read and written in place.
 *
 * <p>On the wire a tag is a TPID (0x8100 for an 802.1Q C-tag, 0x88a8 for an 802.1ad S-tag)
 * followed by the tag control information. The TPID sits where the EtherType would be, so it
 * is the {@link Ethernet#etherType} of the enclosing header (or the {@link #etherType} of the
 * outer tag); this view starts after it, at {@code Ethernet offset + 14} for the first tag and
 * 4 bytes further for each inner one, and ends with the EtherType of what follows:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | PCP |D|         VID           |       inner EtherType         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  TCI_OFFSET 0 (PCP 3 bits, DEI 1 bit, VID 12 bits)   ETHER_TYPE_OFFSET 2     TAG_LENGTH 4
 * </pre>
 *
 * <p>A QinQ frame is {@code Ethernet(type 0x88a8) / Vlan(S-tag, type 0x8100) / Vlan(C-tag,
 * type 0x0800) / IPv4}.
 */
public final class Vlan {

    public static final int TCI_OFFSET = 0;
    public static final int ETHER_TYPE_OFFSET = 2;
    public static final int TAG_LENGTH = 4;

    private static final int PCP_SHIFT = 13;
    private static final int DEI_BIT = 0x1000;
    private static final int VID_MASK = 0x0fff;

    private Vlan() {
    }

    /** True when {@code etherType} announces a VLAN tag: 802.1Q (0x8100) or 802.1ad (0x88a8). */
    public static boolean isTagType(int etherType) {
        return etherType == Ethernet.ETHER_TYPE_VLAN || etherType == Ethernet.ETHER_TYPE_QINQ;
    }

    /** The 16-bit tag control information: PCP, DEI and VID together. */
    public static int tci(MemorySegment m, long off) {
        return u16(m, off + TCI_OFFSET);
    }

    public static void setTci(MemorySegment m, long off, int tci) {
        setU16(m, off + TCI_OFFSET, checkField(tci, 16, "vlan tci"));
    }

    /** Priority code point (0..7). */
    public static int pcp(MemorySegment m, long off) {
        return tci(m, off) >>> PCP_SHIFT;
    }

    public static void setPcp(MemorySegment m, long off, int pcp) {
        checkField(pcp, 3, "vlan pcp");
        setU16(m, off + TCI_OFFSET, (tci(m, off) & ~(7 << PCP_SHIFT)) | (pcp << PCP_SHIFT));
    }

    /** Drop eligible indicator (formerly CFI). */
    public static boolean dei(MemorySegment m, long off) {
        return (tci(m, off) & DEI_BIT) != 0;
    }

    public static void setDei(MemorySegment m, long off, boolean dei) {
        int tci = tci(m, off);
        setU16(m, off + TCI_OFFSET, dei ? tci | DEI_BIT : tci & ~DEI_BIT);
    }

    /** VLAN identifier (0..4095). */
    public static int vid(MemorySegment m, long off) {
        return tci(m, off) & VID_MASK;
    }

    public static void setVid(MemorySegment m, long off, int vid) {
        checkField(vid, 12, "vlan vid");
        setU16(m, off + TCI_OFFSET, (tci(m, off) & ~VID_MASK) | vid);
    }

    /** The EtherType of what follows the tag (another TPID for a stacked tag). */
    public static int etherType(MemorySegment m, long off) {
        return u16(m, off + ETHER_TYPE_OFFSET);
    }

    public static void setEtherType(MemorySegment m, long off, int etherType) {
        setU16(m, off + ETHER_TYPE_OFFSET, checkField(etherType, 16, "vlan ether type"));
    }

    /** Builds a TCI from its parts, checking each range. */
    public static int tci(int pcp, boolean dei, int vid) {
        return checkField(pcp, 3, "vlan pcp") << PCP_SHIFT | (dei ? DEI_BIT : 0)
                | checkField(vid, 12, "vlan vid");
    }
}
