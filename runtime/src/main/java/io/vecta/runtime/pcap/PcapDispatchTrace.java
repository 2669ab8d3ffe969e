package io.vecta.runtime.pcap;

import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import java.nio.file.Path;

/**
 * VPP's {@code pcap dispatch trace}: every node call, before the node runs, writes each buffer
 * of its frame as the node sees it ({@code current_length} bytes from {@code current_data}) to
 * one {@link PcapWriter}, until {@code max} packets are written; then the file is flushed and
 * closed, so a capture that filled is complete on disk before it is turned off.
 *
 * <p>The records are plain Ethernet frames (link type 1), which every pcap reader decodes; VPP's
 * own dispatch encapsulation also carries the node name and buffer metadata, but it needs
 * Wireshark's VPP dissector and VPP's exact buffer layout. The order of the records is the
 * order of the node calls, so a packet appears once per node it passed.
 *
 * <p>Dispatch threads share one capture: {@link #capture} and {@link #stop} are synchronised,
 * which is acceptable for a debugging capture and costs nothing while none is on.
 */
public final class PcapDispatchTrace {

    private final CaptureFile file;
    private final String bufferTraceNode;
    private final int bufferTraceCount;

    private PcapDispatchTrace(CaptureFile file, String bufferTraceNode, int bufferTraceCount) {
        this.file = file;
        this.bufferTraceNode = bufferTraceNode;
        this.bufferTraceCount = bufferTraceCount;
    }

    /**
     * Opens {@code file} for at most {@code maxPackets} packets.
     *
     * @param bufferTraceNode the input node also packet-traced, for {@link #status}, or null
     * @throws PcapException naming the file and the reason it cannot be written
     */
    public static PcapDispatchTrace start(Path file, int maxPackets, String bufferTraceNode, int bufferTraceCount) {
        return new PcapDispatchTrace(CaptureFile.open(file, maxPackets), bufferTraceNode, bufferTraceCount);
    }

    /**
     * Writes each buffer of {@code frame}; does nothing once full. A write error stops the
     * capture and is kept for {@link #stop} to report: the dispatch loop goes on.
     */
    public synchronized void capture(Buffers buffers, Frame frame) {
        int[] indices = frame.buffers();
        int count = frame.count();
        for (int i = 0; i < count; i++) {
            int bi = indices[i];
            if (!file.write(buffers.memory(), buffers.dataOffset(bi), buffers.currentLength(bi))) {
                break;
            }
        }
    }

    /**
     * Flushes and closes the file.
     *
     * @return the packets written
     * @throws PcapException when writing failed, now or during the capture
     */
    public synchronized int stop() {
        return file.stop();
    }

    /** One line: packets written of the maximum, the file, and whether it filled or failed. */
    public synchronized String status() {
        StringBuilder text = new StringBuilder("pcap dispatch capture on: ").append(file.progress());
        if (bufferTraceNode != null) {
            text.append(", buffer-trace ").append(bufferTraceNode).append(' ').append(bufferTraceCount);
        }
        return text.toString();
    }

    /** The file written. */
    public Path file() {
        return file.file();
    }
}
