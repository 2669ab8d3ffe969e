package io.vecta.runtime.api;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * VPP's API trace: a ring of the last messages the server handled, as they arrived, for
 * {@code api trace dump} and {@code api trace save}. Recording happens on the main thread,
 * where every message is handled, and so does every command that reads the ring.
 *
 * <p>A saved trace is a binary file, big-endian, that names each message by its
 * {@code name_crc} so that a reader with another message table still knows it:
 * <pre>
 *   "VECTA-API-TRACE1"        16 bytes of magic and version
 *   u32 count
 *   count times:
 *     u64 nanos since the trace started   u32 client handle
 *     u16 key length   key (name_crc, UTF-8)
 *     u32 payload length   payload (the message as received, its id first)
 * </pre>
 */
public final class ApiTrace {

    /** The file's first bytes. */
    public static final byte[] MAGIC = "VECTA-API-TRACE1".getBytes(StandardCharsets.US_ASCII);

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
     * Writes the messages kept to {@code file} in the format above.
     *
     * @return how many were written
     * @throws IOException naming the file when it cannot be written
     */
    public int save(Path file) throws IOException {
        List<Entry> kept = entries();
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(MAGIC);
            out.writeInt(kept.size());
            for (Entry e : kept) {
                byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
                out.writeLong(e.nanos());
                out.writeInt(e.clientIndex());
                out.writeShort(key.length);
                out.write(key);
                out.writeInt(e.payload().length);
                out.write(e.payload());
            }
        }
        return kept.size();
    }
}
