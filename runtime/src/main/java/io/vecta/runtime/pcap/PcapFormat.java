package io.vecta.runtime.pcap;

/**
 * The layout of a classic libpcap file, for its reader and its writer.
 *
 * <pre>
 *  global header, 24 bytes                record header, 16 bytes, then incl_len bytes of packet
 *  0  magic      a1b2c3d4 (microseconds)   0  ts_sec
 *                a1b23c4d (nanoseconds),   4  ts_usec or ts_nsec
 *                in the writer's byte      8  incl_len   bytes stored
 *                order                    12  orig_len   bytes the packet had
 *  4  version_major 2, version_minor 4 (u16 each)
 *  8  thiszone   12 sigfigs   16 snaplen   20 linktype (1: Ethernet)
 * </pre>
 * The magic number decides the byte order of every other field, so files written on either
 * kind of machine read the same.
 */
public final class PcapFormat {

    public static final int GLOBAL_HEADER_LENGTH = 24;
    public static final int RECORD_HEADER_LENGTH = 16;
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    public static final int MAGIC_NANOS = 0xa1b23c4d;
    public static final int VERSION_MAJOR_OFFSET = 4;
    public static final int VERSION_MINOR_OFFSET = 6;
    public static final int THISZONE_OFFSET = 8;
    public static final int SIGFIGS_OFFSET = 12;
    public static final int SNAPLEN_OFFSET = 16;
    public static final int LINKTYPE_OFFSET = 20;
    public static final int TS_SEC_OFFSET = 0;
    public static final int TS_FRACTION_OFFSET = 4;
    public static final int INCL_LEN_OFFSET = 8;
    public static final int ORIG_LEN_OFFSET = 12;
    public static final short VERSION_MAJOR = 2;
    public static final short VERSION_MINOR = 4;
    public static final int LINKTYPE_ETHERNET = 1;
    /** Bytes of each packet kept when not told otherwise, as tcpdump's default. */
    public static final int DEFAULT_SNAPLEN = 65_535;
    /** Larger records than this are a corrupt file, not a packet. */
    public static final int MAX_RECORD = 262_144;

    private PcapFormat() {
    }
}
