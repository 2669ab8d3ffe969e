package io.vecta.runtime.pg;

import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.interfaces.DeviceClass;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.pcap.PcapException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The packet generator's interfaces, {@code pg0}, {@code pg1} ... (VPP's pg device class): a
 * stream with {@code interface pgN} receives on it, and what the graph sends out of it reaches
 * {@code pg-tx}, which keeps it in the interface's capture, if one is on, and frees it.
 */
public final class PgInterfaces {

    /** The pg device class: its packets leave through {@code pg-tx}. */
    public static final DeviceClass DEVICE = new DeviceClass("pg", PgTx.NODE);

    /** Packets a capture keeps unless told otherwise. */
    public static final int DEFAULT_CAPTURE_COUNT = 10_000;

    private final InterfaceTable table;
    private volatile PgCapture[] captures = new PgCapture[0];

    private PgInterfaces(Graph graph) {
        this.table = InterfaceTable.of(graph);
    }

    /** The pg interfaces of {@code graph}. */
    public static PgInterfaces of(Graph graph) {
        return graph.service(PgInterfaces.class, PgInterfaces::new);
    }

    /**
     * Creates {@code pg<id>}, down, with MAC address {@code 02:fe:00:00:hh:ll} from its id
     * ({@code create packet-generator interface pg<id>}).
     *
     * @throws InterfaceException if it exists or the id is negative or above 65535
     */
    public SwInterface create(int id) {
        return create(id, OptionalLong.empty());
    }

    /**
     * Creates {@code pg<id>}, down, with MAC address {@code mac}, or 02:fe:00:00:hh:ll (hhll:
     * the id) if empty.
     *
     * @throws InterfaceException if the id is outside 0 to 65535 or the interface exists
     */
    public synchronized SwInterface create(int id, OptionalLong mac) {
        if (id < 0 || id > 0xffff) {
            throw new InterfaceException("pg" + id + ": the interface number must be 0 to 65535");
        }
        return table.create("pg" + id, DEVICE, mac.orElse(0x02fe_0000_0000L | id));
    }

    /**
     * The pg interface called {@code name}.
     *
     * @throws InterfaceException if there is none, or it is not a pg interface
     */
    public SwInterface byName(String name) {
        SwInterface iface = table.byName(name);
        if (!iface.deviceClass().equals(DEVICE)) {
            throw new InterfaceException(name + " is not a packet-generator interface");
        }
        return iface;
    }

    /**
     * Starts capturing what {@code iface} sends, replacing a capture that was on (which is
     * stopped first), keeping up to {@code count} packets, also in {@code pcap} if given.
     *
     * @throws PcapException naming the file and why it cannot be written
     */
    public synchronized PgCapture startCapture(SwInterface iface, int count, Optional<Path> pcap) {
        PgCapture capture = PgCapture.start(iface.name(), count, pcap);
        stopCapture(iface);
        PgCapture[] copy = Arrays.copyOf(captures, Math.max(captures.length, iface.swIfIndex() + 1));
        copy[iface.swIfIndex()] = capture;
        captures = copy;
        return capture;
    }

    /**
     * Stops the capture of {@code iface}, if one is on, and returns it.
     *
     * @throws PcapException if its pcap file could not be written
     */
    public synchronized Optional<PgCapture> stopCapture(SwInterface iface) {
        Optional<PgCapture> on = capture(iface);
        if (on.isPresent()) {
            PgCapture[] copy = captures.clone();
            copy[iface.swIfIndex()] = null;
            captures = copy;
            on.get().stop();
        }
        return on;
    }

    /** The capture running on {@code iface}. */
    public Optional<PgCapture> capture(SwInterface iface) {
        PgCapture[] now = captures;
        int i = iface.swIfIndex();
        return i < now.length ? Optional.ofNullable(now[i]) : Optional.empty();
    }

    /** The name of the interface at {@code swIfIndex}. */
    String nameOf(int swIfIndex) {
        return table.nameOf(swIfIndex);
    }

    /** By {@code sw_if_index}, the captures that are on; read by {@code pg-tx} once per frame. */
    PgCapture[] captures() {
        return captures;
    }
}
