package io.vecta.runtime.pcap;

import io.vecta.sdk.buffer.Buffers;
import java.nio.file.Path;
import java.util.Locale;

/**
 * VPP's {@code pcap trace rx tx drop}: packets received on an interface, sent by one, or dropped
 * after arriving on one, written to one pcap file as the graph sees them at that point, until
 * {@code max} packets are written; then the file is flushed and closed.
 *
 * <ul>
 *   <li>rx: as the input node hands them to the graph (filtered on the rx interface);</li>
 *   <li>tx: as {@code interface-output} gives them to their device (on the tx interface);</li>
 *   <li>drop: as {@code error-drop} frees them (on the rx interface).</li>
 * </ul>
 *
 * <p>Threads share one capture; {@link #capture} is synchronised, which is acceptable for a
 * debugging capture, and the places that call it check {@link #captures} first, so that a
 * capture that is off costs each of them one field read per frame.
 */
public final class InterfacePcapTrace {

    /** Where a packet is captured. */
    public enum Direction { RX, TX, DROP }

    /** {@code intfc any}: every interface. */
    public static final int ANY_INTERFACE = -1;

    private final CaptureFile file;
    private final boolean rx;
    private final boolean tx;
    private final boolean drop;
    private final int swIfIndex;
    private final String interfaceName;

    private InterfacePcapTrace(CaptureFile file, boolean rx, boolean tx, boolean drop, int swIfIndex,
                               String interfaceName) {
        this.file = file;
        this.rx = rx;
        this.tx = tx;
        this.drop = drop;
        this.swIfIndex = swIfIndex;
        this.interfaceName = interfaceName;
    }

    /**
     * Opens {@code file} for at most {@code max} packets seen where the flags say, on the
     * interface {@code swIfIndex} (called {@code interfaceName}) or {@link #ANY_INTERFACE}.
     *
     * @throws IllegalArgumentException if no direction is chosen
     * @throws PcapException naming the file and why it cannot be written
     */
    public static InterfacePcapTrace start(Path file, int max, boolean rx, boolean tx, boolean drop, int swIfIndex,
                                           String interfaceName) {
        if (!rx && !tx && !drop) {
            throw new IllegalArgumentException("pcap trace: choose at least one of rx, tx and drop");
        }
        return new InterfacePcapTrace(CaptureFile.open(file, max), rx, tx, drop, swIfIndex, interfaceName);
    }

    /** Whether packets are captured at {@code direction}. */
    public boolean captures(Direction direction) {
        return switch (direction) {
            case RX -> rx;
            case TX -> tx;
            case DROP -> drop;
        };
    }

    /**
     * Writes each of {@code bis[0 .. count)} whose interface matches, as it is now; does
     * nothing once full. A write error stops the capture and is kept for {@link #stop}.
     */
    public synchronized void capture(Buffers buffers, int[] bis, int count, Direction direction) {
        if (!captures(direction)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int sw = direction == Direction.TX ? buffers.txSwIfIndex(bi) : buffers.rxSwIfIndex(bi);
            if (swIfIndex != ANY_INTERFACE && sw != swIfIndex) {
                continue;
            }
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

    /** VPP's status lines: what is captured, on which interface, how far it has come. */
    public synchronized String status() {
        StringBuilder text = new StringBuilder();
        for (Direction d : Direction.values()) {
            if (captures(d)) {
                text.append("pcap ").append(d.name().toLowerCase(Locale.ROOT)).append(" capture on...\n");
            }
        }
        text.append("capture on ").append(interfaceName).append(": ").append(file.progress());
        return text.append('\n').toString();
    }

    /** The file written. */
    public Path file() {
        return file.file();
    }
}
