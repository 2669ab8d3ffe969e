package io.vecta.runtime.pg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the packets of a classic libpcap capture file, for {@code pcap FILE} streams.
 *
 * <pre>
 *  global header, 24 bytes            record header, 16 bytes, then incl_len bytes of packet
 *  0  magic      a1b2c3d4 (us) or      0  ts_sec
 *                a1b23c4d (ns),        4  ts_usec (or ns)
 *                in the writer's       8  incl_len   bytes stored
 *                byte order           12  orig_len   bytes on the wire
 *  4  version_major, version_minor (u16 each)
 *  8  thiszone   12 sigfigs   16 snaplen   20 linktype
 * </pre>
 * The magic number decides the byte order of every other field, so files written on either
 * kind of machine read the same.
 */
final class PcapReader {

    static final int GLOBAL_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int LINKTYPE_OFFSET = 20;
    static final int INCL_LEN_OFFSET = 8;
    /** Larger records than this are a corrupt file, not a packet. */
    static final int MAX_RECORD = 262_144;

    private PcapReader() {
    }

    /**
     * The packets of {@code file}, in order.
     *
     * @throws PgStreamException naming the file and what is wrong with it
     */
    static List<byte[]> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PgStreamException("pcap " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < GLOBAL_HEADER_LENGTH) {
            throw new PgStreamException("pcap " + file + ": " + bytes.length + " bytes is shorter than the "
                    + GLOBAL_HEADER_LENGTH + "-byte global header");
        }
        int magic = in.getInt(0);
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            in.order(ByteOrder.BIG_ENDIAN);
            magic = in.getInt(0);
            if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
                throw new PgStreamException("pcap " + file + ": magic number "
                        + String.format("%08x", in.getInt(0)) + " is not a pcap file's");
            }
        }
        List<byte[]> packets = new ArrayList<>();
        int at = GLOBAL_HEADER_LENGTH;
        while (at < bytes.length) {
            int record = packets.size() + 1;
            if (bytes.length - at < RECORD_HEADER_LENGTH) {
                throw new PgStreamException("pcap " + file + ": record " + record + " at byte " + at
                        + " is cut short in its header");
            }
            int length = in.getInt(at + INCL_LEN_OFFSET);
            if (length < 0 || length > MAX_RECORD) {
                throw new PgStreamException("pcap " + file + ": record " + record + " claims "
                        + Integer.toUnsignedString(length) + " bytes, more than " + MAX_RECORD);
            }
            at += RECORD_HEADER_LENGTH;
            if (bytes.length - at < length) {
                throw new PgStreamException("pcap " + file + ": record " + record + " claims " + length
                        + " bytes but " + (bytes.length - at) + " are left");
            }
            byte[] packet = new byte[length];
            System.arraycopy(bytes, at, packet, 0, length);
            packets.add(packet);
            at += length;
        }
        if (packets.isEmpty()) {
            throw new PgStreamException("pcap " + file + ": holds no packets");
        }
        return packets;
    }
}
