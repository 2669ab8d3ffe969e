package io.vecta.runtime.pg;

import static io.vecta.runtime.pcap.PcapFormat.GLOBAL_HEADER_LENGTH;
import static io.vecta.runtime.pcap.PcapFormat.INCL_LEN_OFFSET;
import static io.vecta.runtime.pcap.PcapFormat.MAGIC_MICROS;
import static io.vecta.runtime.pcap.PcapFormat.MAGIC_NANOS;
import static io.vecta.runtime.pcap.PcapFormat.MAX_RECORD;
import static io.vecta.runtime.pcap.PcapFormat.RECORD_HEADER_LENGTH;

import io.vecta.runtime.pcap.PcapFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the packets of a classic libpcap capture file, for {@code pcap FILE} streams. The
 * layout is {@link PcapFormat}'s; the magic number decides the byte order of every other field.
 */
public final class PcapReader {

    private PcapReader() {
    }

    /**
     * The packets of {@code file}, in order.
     *
     * @throws PgStreamException naming the file and what is wrong with it
     */
    public static List<byte[]> read(Path file) {
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
