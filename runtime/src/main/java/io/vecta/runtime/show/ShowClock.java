package io.vecta.runtime.show;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code show clock [verbose]}: the time since the runtime started, by the monotonic clock,
 * and the wall clock in GMT, in VPP's layout.
 *
 * <pre>
 * Time now 3.038213
 * cpu time 3.038213 now 991763735762163 since start 3038213000
 * reftime 3.038079 now 1795640202.044604 init 1795640199.006526
 * error .000134, clocks/sec 1000000000.000000, Wed, 25 Nov 2026 20:56:42 GMT
 * 0: Time now 3.038213
 * Thread 0 offset 0.000000000
 * </pre>
 *
 * The monotonic clock is {@link System#nanoTime()}, so clocks per second are 10^9; its
 * {@code now} and {@code since start} are nanoseconds. {@code reftime} is the wall clock's
 * time since start and {@code error} how far the monotonic clock is ahead of it. Without
 * {@code verbose}, only the first line, with the date after it. All threads read the same
 * clock, so each thread's block repeats the time and its offset is zero. VPP's barrier line
 * is left out: Vecta has no worker barrier yet.
 */
public final class ShowClock {

    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final double NANOS_PER_SECOND = 1e9;

    private ShowClock() {
    }

    /** The text of {@code show clock} now. */
    public static String format(RuntimeClock clock, List<DispatchThread> threads, boolean verbose) {
        return format(clock, threads, verbose, System.nanoTime(), Instant.now());
    }

    /** The text of {@code show clock} at {@code System.nanoTime()} {@code nowNanos} and wall clock {@code nowWall}. */
    static String format(RuntimeClock clock, List<DispatchThread> threads, boolean verbose, long nowNanos,
                         Instant nowWall) {
        String date = GMT.format(nowWall) + " GMT";
        StringBuilder out = new StringBuilder();
        out.append(time(clock, verbose, nowNanos, nowWall, "")).append(", ").append(date).append('\n');
        for (DispatchThread thread : threads) {
            String prefix = thread.index() + ": ";
            out.append(prefix).append(time(clock, verbose, nowNanos, nowWall, " ".repeat(prefix.length()))).append('\n');
            out.append("Thread ").append(thread.index()).append(" offset ").append(Columns.fixed(0, 9)).append('\n');
        }
        return out.toString();
    }

    private static String time(RuntimeClock clock, boolean verbose, long nowNanos, Instant nowWall, String indent) {
        long sinceStart = nowNanos - clock.startNanos();
        double now = sinceStart / NANOS_PER_SECOND;
        String text = "Time now " + Columns.fixed(now, 6);
        if (!verbose) {
            return text;
        }
        double reftime = Duration.between(clock.startWall(), nowWall).toNanos() / NANOS_PER_SECOND;
        return text + "\n" + indent + "cpu time " + Columns.fixed(now, 6) + " now " + nowNanos + " since start "
                + sinceStart + "\n" + indent + "reftime " + Columns.fixed(reftime, 6) + " now " + epochSeconds(nowWall)
                + " init " + epochSeconds(clock.startWall()) + "\n" + indent + "error " + Columns.fixed(now - reftime, 6)
                + ", clocks/sec " + Columns.fixed(NANOS_PER_SECOND, 6);
    }

    private static String epochSeconds(Instant instant) {
        return String.format(Locale.ROOT, "%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
    }
}
