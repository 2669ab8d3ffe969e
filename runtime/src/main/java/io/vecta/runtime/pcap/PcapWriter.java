package io.vecta.runtime.pcap;

import static io.vecta.runtime.pcap.PcapFormat.GLOBAL_HEADER_LENGTH;
import static io.vecta.runtime.pcap.PcapFormat.RECORD_HEADER_LENGTH;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes a classic pcap file (layout in {@link PcapFormat}): nanosecond magic, version 2.4,
 * link type Ethernet, little-endian, at most {@link #maxPackets()} records.
 *
 * <p>Records gather in a buffer of {@link #BUFFER_BYTES} and reach the file when it fills and
 * on {@link #flush()} / {@link #close()}, so writing a packet is a copy, not a system call, and
 * allocates nothing. Timestamps are wall-clock nanoseconds, taken as the wall clock at open plus
 * the monotonic time since, so that they never go backwards. Not thread-safe: callers that
 * share one writer serialise their calls.
 */
public final class PcapWriter implements AutoCloseable {

    /** Bytes gathered before a write to the file; room for the largest record. */
    static final int BUFFER_BYTES = 1 << 17;

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Path file;
    private final int maxPackets;
    private final int snaplen;
    private final FileChannel channel;
    private final byte[] pending = new byte[BUFFER_BYTES];
    private final MemorySegment pendingSegment = MemorySegment.ofArray(pending);
    private final ByteBuffer pendingBuffer = ByteBuffer.wrap(pending);
    private final long epochNanosAtOpen;
    private final long monotonicAtOpen;
    private int used;
    private int written;
    private boolean closed;

    private PcapWriter(Path file, int maxPackets, int snaplen, FileChannel channel) {
        this.file = file;
        this.maxPackets = maxPackets;
        this.snaplen = snaplen;
        this.channel = channel;
        Instant now = Instant.now();
        this.epochNanosAtOpen = now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
        this.monotonicAtOpen = System.nanoTime();
    }

    /**
     * Creates or replaces {@code file} and writes its global header.
     *
     * @param maxPackets records accepted before {@link #write} refuses more, at least 1
     * @param snaplen bytes kept of each packet, 1 to {@link PcapFormat#MAX_RECORD}
     * @throws PcapException naming the file and the system's reason
     */
    public static PcapWriter open(Path file, int maxPackets, int snaplen) {
        if (maxPackets < 1) {
            throw new IllegalArgumentException("pcap " + file + ": max " + maxPackets + " packets, at least 1 is needed");
        }
        if (snaplen < 1 || snaplen > PcapFormat.MAX_RECORD) {
            throw new IllegalArgumentException("pcap " + file + ": snaplen " + snaplen + " is not in 1.."
                    + PcapFormat.MAX_RECORD);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failure(file, "cannot create it", e);
        }
        PcapWriter writer = new PcapWriter(file, maxPackets, snaplen, channel);
        writer.writeGlobalHeader();
        return writer;
    }

    private void writeGlobalHeader() {
        MemorySegment header = pendingSegment;
        header.set(U32, 0, PcapFormat.MAGIC_NANOS);
        header.set(U16, PcapFormat.VERSION_MAJOR_OFFSET, PcapFormat.VERSION_MAJOR);
        header.set(U16, PcapFormat.VERSION_MINOR_OFFSET, PcapFormat.VERSION_MINOR);
        header.set(U32, PcapFormat.THISZONE_OFFSET, 0);
        header.set(U32, PcapFormat.SIGFIGS_OFFSET, 0);
        header.set(U32, PcapFormat.SNAPLEN_OFFSET, snaplen);
        header.set(U32, PcapFormat.LINKTYPE_OFFSET, PcapFormat.LINKTYPE_ETHERNET);
        used = GLOBAL_HEADER_LENGTH;
    }

    /**
     * Adds a record of the {@code length} bytes at {@code offset} of {@code memory}, cut to the
     * snaplen, stamped now.
     *
     * @return false, writing nothing, when {@link #maxPackets()} records are written already
     * @throws PcapException when the buffer had to go to the file and that failed
     */
    public boolean write(MemorySegment memory, long offset, int length) {
        if (written >= maxPackets) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException("pcap " + file + ": closed");
        }
        int kept = Math.min(length, snaplen);
        if (BUFFER_BYTES - used < RECORD_HEADER_LENGTH + kept) {
            flush();
        }
        long stamp = epochNanosAtOpen + (System.nanoTime() - monotonicAtOpen);
        int at = used;
        pendingSegment.set(U32, at + PcapFormat.TS_SEC_OFFSET, (int) (stamp / NANOS_PER_SECOND));
        pendingSegment.set(U32, at + PcapFormat.TS_FRACTION_OFFSET, (int) (stamp % NANOS_PER_SECOND));
        pendingSegment.set(U32, at + PcapFormat.INCL_LEN_OFFSET, kept);
        pendingSegment.set(U32, at + PcapFormat.ORIG_LEN_OFFSET, length);
        MemorySegment.copy(memory, offset, pendingSegment, at + RECORD_HEADER_LENGTH, kept);
        used = at + RECORD_HEADER_LENGTH + kept;
        written++;
        return true;
    }

    /** Sends the gathered records to the file. */
    public void flush() {
        pendingBuffer.clear().limit(used);
        try {
            while (pendingBuffer.hasRemaining()) {
                channel.write(pendingBuffer);
            }
        } catch (IOException e) {
            throw failure(file, "cannot write it", e);
        }
        used = 0;
    }

    /** Flushes and closes the file; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw failure(file, "cannot close it", e);
            }
        }
    }

    /** Records written (some may still be in the buffer). */
    public int packetsWritten() {
        return written;
    }

    /** Records this writer accepts. */
    public int maxPackets() {
        return maxPackets;
    }

    /** True once {@link #maxPackets()} records are written. */
    public boolean isFull() {
        return written >= maxPackets;
    }

    public boolean isClosed() {
        return closed;
    }

    public Path file() {
        return file;
    }

    private static PcapException failure(Path file, String what, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such directory " + file.toAbsolutePath().getParent();
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new PcapException("pcap " + file + ": " + what + ": " + reason, e);
    }
}
