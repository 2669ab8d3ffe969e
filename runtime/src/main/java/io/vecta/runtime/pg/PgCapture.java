package io.vecta.runtime.pg;

import io.vecta.runtime.pcap.CaptureFile;
import io.vecta.runtime.pcap.PcapException;
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
    private final CaptureFile file;
    private final List<byte[]> packets = new ArrayList<>();
    private long missed;

    private PgCapture(String interfaceName, int max, CaptureFile file) {
        this.interfaceName = interfaceName;
        this.max = max;
        this.file = file;
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
        return new PgCapture(interfaceName, max, pcap.map(path -> CaptureFile.open(path, max)).orElse(null));
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
            if (file != null) {
                // a file that failed stops taking packets; stop() reports why
                file.write(MemorySegment.ofArray(bytes), 0, bytes.length);
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
        return file == null ? Optional.empty() : Optional.of(file.file());
    }

    /**
     * Ends the capture: the pcap file, if any, is flushed and closed.
     *
     * @throws PcapException if writing the file failed at any time
     */
    synchronized void stop() {
        if (file != null) {
            file.stop();
        }
    }
}
