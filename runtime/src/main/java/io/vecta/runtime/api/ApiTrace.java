package io.vecta.runtime.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * VPP's API trace: a ring of the last messages the server handled, as they arrived, for
 * {@code api trace dump} and {@code api trace save}. Recording happens on the main thread,
 * where every message is handled, and so does every command that reads the ring. A saved
 * trace is an {@link ApiTraceFile}, which {@code api trace replay} feeds back to the handlers.
 */
public final class ApiTrace {

    /** One message as it arrived. */
    public record Entry(long nanos, int clientIndex, String key, byte[] payload) {
    }

    private Entry[] ring = new Entry[0];
    private int next;
    private long recorded;
    private long startNanos;
    private boolean on;

    /** Starts recording into a fresh ring of {@code capacity} messages. */
    public void start(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("api trace: nitems " + capacity + ", at least 1 is needed");
        }
        ring = new Entry[capacity];
        next = 0;
        recorded = 0;
        startNanos = System.nanoTime();
        on = true;
    }

    /** Stops recording; what was recorded stays until the next {@link #start}. */
    public void stop() {
        on = false;
    }

    /** Whether messages are being recorded. */
    public boolean isOn() {
        return on;
    }

    /** Keeps a copy of {@code payload} (from its position), handled for {@code clientIndex}. */
    void record(int clientIndex, String key, ByteBuffer payload) {
        if (!on) {
            return;
        }
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        ring[next] = new Entry(System.nanoTime() - startNanos, clientIndex, key, copy);
        next = (next + 1) % ring.length;
        recorded++;
    }

    /** The messages kept, oldest first. */
    public List<Entry> entries() {
        List<Entry> kept = new ArrayList<>();
        int size = (int) Math.min(recorded, ring.length);
        int first = recorded > ring.length ? next : 0;
        for (int i = 0; i < size; i++) {
            kept.add(ring[(first + i) % ring.length]);
        }
        return kept;
    }

    /** One line: on or off, messages kept of the ring's size, and how many were recorded. */
    public String status() {
        return "api trace " + (on ? "on" : "off") + ": " + Math.min(recorded, ring.length) + " of " + ring.length
                + " messages kept, " + recorded + " recorded" + (recorded > ring.length ? " (the oldest overwritten)"
                : "");
    }

    /** A line per message kept, oldest first, at most {@code max}: time, client, name_crc, length, first bytes. */
    public String dump(int max) {
        StringBuilder text = new StringBuilder();
        List<Entry> kept = entries();
        int from = Math.max(0, kept.size() - max);
        for (int i = from; i < kept.size(); i++) {
            Entry e = kept.get(i);
            int shown = Math.min(e.payload().length, 32);
            text.append(String.format("%6d %12.6f client 0x%08x %-40s %5d bytes  %s%s%n", i, e.nanos() / 1e9,
                    e.clientIndex(), e.key(), e.payload().length,
                    HexFormat.of().formatHex(e.payload(), 0, shown), shown < e.payload().length ? "..." : ""));
        }
        return text.toString();
    }

    /**
     * Writes the messages kept to {@code file} as an {@link ApiTraceFile}.
     *
     * @return how many were written
     * @throws IOException naming the file when it cannot be written
     */
    public int save(Path file) throws IOException {
        List<Entry> kept = entries();
        ApiTraceFile.write(file, kept);
        return kept.size();
    }
}
