package io.vecta.runtime.dispatch;

import io.vecta.runtime.graph.Graph;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The time the control plane's timers and ages are measured in (VPP's {@code vlib_time_now} as
 * the main thread's processes and the ageing of tables read it): the process timers of the main
 * thread, the stamps {@code l2-learn} puts on the L2 FIB, and the neighbour table's ages all read
 * this one clock, so that they agree with each other.
 *
 * <p>It is {@link System#nanoTime()} until {@link #freeze()} stops it for a test, after which
 * it moves only when the test {@link Frozen#advance advances} it: timers expire and entries age
 * exactly when the test says, never with the wall clock. It stops on the first whole second
 * after its reading, so that time never runs backwards for timers already started, and stamps
 * in whole seconds (the L2 FIB's) age exactly as many seconds as the test moves it.
 *
 * <p>Reading it allocates nothing and takes no lock: one volatile read and a monomorphic call
 * while it is not frozen. Packet and node accounting ({@code show runtime}) keeps reading the
 * real {@code System.nanoTime()}.
 */
public final class MainClock {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private volatile LongSupplier source = System::nanoTime;

    private MainClock(Graph graph) {
    }

    /** The clock of {@code graph}. */
    public static MainClock of(Graph graph) {
        return graph.service(MainClock.class, MainClock::new);
    }

    /** Now, in nanoseconds; any thread. */
    public long nanos() {
        return source.getAsLong();
    }

    /** Now, in whole seconds. */
    public long seconds() {
        return Math.floorDiv(source.getAsLong(), NANOS_PER_SECOND);
    }

    /**
     * Stops the clock on the next whole second; from now on it moves only by
     * {@link Frozen#advance}. Freezing a frozen clock returns the same handle.
     */
    public synchronized Frozen freeze() {
        if (source instanceof Frozen frozen) {
            return frozen;
        }
        Frozen frozen = new Frozen(Math.ceilDiv(source.getAsLong(), NANOS_PER_SECOND) * NANOS_PER_SECOND);
        source = frozen;
        return frozen;
    }

    /** A stopped clock that tests move forward. */
    public static final class Frozen implements LongSupplier {

        private final AtomicLong now;

        private Frozen(long start) {
            this.now = new AtomicLong(start);
        }

        @Override
        public long getAsLong() {
            return now.get();
        }

        /**
         * Moves the clock {@code nanos} forward.
         *
         * @throws IllegalArgumentException if {@code nanos} is negative: time does not go back
         */
        public void advance(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("the clock cannot go back " + -nanos + " ns");
            }
            now.addAndGet(nanos);
        }

        /**
         * Moves the clock forward to {@code nanos}.
         *
         * @throws IllegalArgumentException if that is before now: time does not go back
         */
        public void advanceTo(long nanos) {
            advance(nanos - now.get());
        }
    }
}
