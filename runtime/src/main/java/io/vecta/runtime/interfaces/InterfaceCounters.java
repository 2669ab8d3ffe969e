package io.vecta.runtime.interfaces;

import java.util.Arrays;

/**
 * Every interface's counters (VPP's combined rx/tx counters and its simple drop counters), one
 * array per thread so that no two threads write one cache line, summed when read.
 *
 * <pre>
 *   thread t:  values[swIfIndex * KINDS + kind]
 *              | rx packets | rx bytes | tx packets | tx bytes | drops | punts |  sw_if_index 0
 *              | rx packets | rx bytes | ...                                  |  sw_if_index 1
 * </pre>
 *
 * <p>A thread writes only its own array, with plain stores, once per frame and interface run
 * where it can. Readers (the CLI) sum all threads and may see a count a frame late. Clearing
 * takes a baseline rather than writing zeros, so any thread may clear. The arrays grow when an
 * interface is added, which happens on the main thread while the workers are stopped; they
 * double, so that adding thousands of interfaces copies each only a few times.
 */
public final class InterfaceCounters {

    /** What is counted per interface, in {@code show interface}'s order. */
    public enum Kind {
        RX_PACKETS("rx packets"),
        RX_BYTES("rx bytes"),
        TX_PACKETS("tx packets"),
        TX_BYTES("tx bytes"),
        DROPS("drops"),
        PUNTS("punt");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The counter's name in {@code show interface}. */
        public String label() {
            return label;
        }
    }

    private static final int KINDS = Kind.values().length;
    private static final int RX_PACKETS = Kind.RX_PACKETS.ordinal();
    private static final int RX_BYTES = Kind.RX_BYTES.ordinal();
    private static final int TX_PACKETS = Kind.TX_PACKETS.ordinal();
    private static final int TX_BYTES = Kind.TX_BYTES.ordinal();
    private static final int DROPS = Kind.DROPS.ordinal();
    private static final int PUNTS = Kind.PUNTS.ordinal();

    /** One thread's counters; only that thread calls the {@code add} methods. */
    public static final class ThreadCounters {

        private long[] values;
        private int interfaces;

        private ThreadCounters(int interfaces) {
            values = new long[interfaces * KINDS];
            this.interfaces = interfaces;
        }

        /** Counts {@code packets} received on {@code swIfIndex}, {@code bytes} long in all. */
        public void addRx(int swIfIndex, long packets, long bytes) {
            long[] v = values;
            int base = swIfIndex * KINDS;
            v[base + RX_PACKETS] += packets;
            v[base + RX_BYTES] += bytes;
        }

        /** Counts {@code packets} sent on {@code swIfIndex}, {@code bytes} long in all. */
        public void addTx(int swIfIndex, long packets, long bytes) {
            long[] v = values;
            int base = swIfIndex * KINDS;
            v[base + TX_PACKETS] += packets;
            v[base + TX_BYTES] += bytes;
        }

        /** Counts {@code packets} dropped that came in on {@code swIfIndex}. */
        public void addDrops(int swIfIndex, long packets) {
            values[swIfIndex * KINDS + DROPS] += packets;
        }

        /** Counts {@code packets} punted that came in on {@code swIfIndex}. */
        public void addPunts(int swIfIndex, long packets) {
            values[swIfIndex * KINDS + PUNTS] += packets;
        }

        /** Whether {@code swIfIndex} names a counted interface; a bad index in a buffer is not one. */
        public boolean counts(int swIfIndex) {
            return swIfIndex >= 0 && swIfIndex < interfaces;
        }

        /** Room for {@code count} interfaces; the array doubles, so adding many costs no more than a few copies. */
        private void grow(int count) {
            if (values.length < count * KINDS) {
                values = Arrays.copyOf(values, Math.max(count * KINDS, values.length * 2));
            }
            interfaces = Math.max(interfaces, count);
        }
    }

    private volatile ThreadCounters[] threads = new ThreadCounters[0];
    private long[] baseline = new long[0];
    private int interfaces;

    InterfaceCounters(int interfaces) {
        this.interfaces = interfaces;
    }

    /** The counters {@code threadIndex} writes, made on its first use. */
    public synchronized ThreadCounters forThread(int threadIndex) {
        if (threadIndex >= threads.length) {
            threads = Arrays.copyOf(threads, threadIndex + 1);
        }
        ThreadCounters mine = threads[threadIndex];
        if (mine == null) {
            mine = new ThreadCounters(interfaces);
            threads[threadIndex] = mine;
        }
        return mine;
    }

    /** Makes room for {@code count} interfaces; the workers are stopped while this runs. */
    synchronized void grow(int count) {
        interfaces = Math.max(interfaces, count);
        for (ThreadCounters t : threads) {
            if (t != null) {
                t.grow(interfaces);
            }
        }
    }

    /** {@code kind} of {@code swIfIndex} summed over the threads, since the last {@link #clear}. */
    public synchronized long get(int swIfIndex, Kind kind) {
        int slot = swIfIndex * KINDS + kind.ordinal();
        return sum(slot) - (slot < baseline.length ? baseline[slot] : 0);
    }

    /** Makes every counter read zero from now ({@code clear interfaces}). */
    public synchronized void clear() {
        baseline = new long[interfaces * KINDS];
        for (int slot = 0; slot < baseline.length; slot++) {
            baseline[slot] = sum(slot);
        }
    }

    private long sum(int slot) {
        long total = 0;
        for (ThreadCounters t : threads) {
            if (t != null && slot < t.values.length) {
                total += t.values[slot];
            }
        }
        return total;
    }
}
