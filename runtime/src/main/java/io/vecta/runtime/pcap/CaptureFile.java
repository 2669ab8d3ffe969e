package io.vecta.runtime.pcap;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * A pcap file that a capture writes from the dataplane: it stops taking packets when it holds
 * its maximum (the file is then flushed and closed, complete on disk) or when a write fails;
 * the failure is kept and reported by {@link #stop}, so the dispatch loop never sees it. Not
 * thread-safe: each capture that shares one across threads locks around it.
 */
public final class CaptureFile {

    private final PcapWriter writer;
    private PcapException failure;

    private CaptureFile(PcapWriter writer) {
        this.writer = writer;
    }

    /**
     * Creates or replaces {@code file} for at most {@code maxPackets} packets.
     *
     * @throws PcapException naming the file and why it cannot be written
     */
    public static CaptureFile open(Path file, int maxPackets) {
        return new CaptureFile(PcapWriter.open(file, maxPackets, PcapFormat.DEFAULT_SNAPLEN));
    }

    /**
     * Writes the {@code length} bytes at {@code offset} of {@code memory} as one packet.
     *
     * @return false, writing nothing, once the file is full, closed or failed
     */
    public boolean write(MemorySegment memory, long offset, int length) {
        if (writer.isClosed()) {
            return false;
        }
        try {
            boolean written = writer.write(memory, offset, length);
            if (writer.isFull()) {
                writer.close();
            }
            return written;
        } catch (PcapException e) {
            failure = e;
            closeQuietly();
            return false;
        }
    }

    /**
     * Flushes and closes the file.
     *
     * @return the packets written
     * @throws PcapException when writing failed, now or during the capture
     */
    public int stop() {
        closeQuietly();
        if (failure != null) {
            throw failure;
        }
        return writer.packetsWritten();
    }

    /** {@code N of M packets to FILE}, with {@code , full} or {@code , stopped: why} when so. */
    public String progress() {
        StringBuilder text = new StringBuilder().append(writer.packetsWritten()).append(" of ")
                .append(writer.maxPackets()).append(" packets to ").append(writer.file());
        if (failure != null) {
            text.append(", stopped: ").append(failure.getMessage());
        } else if (writer.isFull()) {
            text.append(", full");
        }
        return text.toString();
    }

    /** The file written. */
    public Path file() {
        return writer.file();
    }

    private void closeQuietly() {
        try {
            writer.close();
        } catch (PcapException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
