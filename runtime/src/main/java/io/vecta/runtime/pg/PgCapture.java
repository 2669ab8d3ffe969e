package io.vecta.runtime.pg;

import io.vecta.runtime.pcap.PcapException;
import io.vecta.runtime.pcap.PcapFormat;
import io.vecta.runtime.pcap.PcapWriter;
import io.vecta.sdk.buffer.Buffers;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a pg interface transmitted since its capture started ({@code packet-generator capture}):
 * up to {@code max} packets, kept in memory for tests and, when a file is given, written to a
 * pcap file as they leave. Packets past {@code max} are counted, not kept.
 *
 * <p>{@code pg-tx} adds a frame's packets under this object's lock, once per run of packets of
 * one interface; readers take copies.
 */
public final class PgCapture {

    private final String interfaceName;
    private final int max;
    private final PcapWriter writer;
    private final List<byte[]> packets = new ArrayList<>();
    private long missed;
    private PcapException failure;

    private PgCapture(String interfaceName, int max, PcapWriter writer) {
        this.interfaceName = interfaceName;
        this.max = max;
        this.writer = writer;
    }

    /**
     * Starts a capture of at most {@code max} packets, also written to {@code pcap} if given.
     *
     * @throws PcapException naming the file and why it cannot be written
     */
    static PgCapture start(String interfaceName, int max, Optional<Path> pcap) {
        if (max < 1) {
            throw new IllegalArgumentException("capture on " + interfaceName + ": count " + max + ", at least 1 is needed");
        }
        PcapWriter writer = pcap.isPresent() ? PcapWriter.open(pcap.get(), max, PcapFormat.DEFAULT_SNAPLEN) : null;
        return new PgCapture(interfaceName, max, writer);
    }

    /** Keeps the packets {@code bis[from .. to)}; those past the maximum are counted as missed. */
    synchronized void add(Buffers buffers, int[] bis, int from, int to) {
        for (int i = from; i < to; i++) {
            if (packets.size() == max) {
                missed += to - i;
                break;
            }
            byte[] bytes = buffers.contents(bis[i]);
            packets.add(bytes);
            if (writer != null && failure == null && !writer.isClosed()) {
                try {
                    writer.write(MemorySegment.ofArray(bytes), 0, bytes.length);
                } catch (PcapException e) {
                    // the file failed, the capture in memory goes on; stop() reports it
                    failure = e;
                }
            }
        }
    }

    /** The interface captured. */
    public String interfaceName() {
        return interfaceName;
    }

    /** The packets kept so far, oldest first. */
    public synchronized List<byte[]> packets() {
        return packets.stream().map(byte[]::clone).toList();
    }

    /** How many packets are kept. */
    public synchronized int size() {
        return packets.size();
    }

    /** Packets that left after the capture was full. */
    public synchronized long missed() {
        return missed;
    }

    /** The pcap file, if one is written. */
    public Optional<Path> file() {
        return writer == null ? Optional.empty() : Optional.of(writer.file());
    }

    /**
     * Ends the capture: the pcap file, if any, is flushed and closed.
     *
     * @throws PcapException if writing the file failed at any time
     */
    synchronized void stop() {
        if (writer != null && !writer.isClosed()) {
            try {
                writer.close();
            } catch (PcapException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Flushes what is kept to the pcap file, so that a reader sees it while the capture goes on. */
    synchronized void flush() {
        if (writer != null && !writer.isClosed() && failure == null) {
            writer.flush();
        }
    }
}
