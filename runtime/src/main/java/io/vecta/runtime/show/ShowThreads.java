package io.vecta.runtime.show;

import java.util.List;

/**
 * {@code show threads}: the dispatch threads, in the columns of VPP's table that Vecta has the
 * facts for.
 *
 * <pre>
 * ID    Name    LWP   CPU   Sched   Loops
 *  0 vecta_main 21577   1 other (0) 27431
 *  1 vecta_wk_0 21590   2 other (0) 91820
 * </pre>
 *
 * <ul>
 *   <li>{@code LWP}: the Linux thread id the thread recorded when it started
 *       ({@link DispatchThread#current}); otherwise the one thread of the process whose
 *       Linux name ({@code /proc/self/task/*&#47;comm}, cut to 15 characters) is the thread's
 *       name; otherwise {@code -}.</li>
 *   <li>{@code CPU}: the core the thread is pinned to, {@code -} when it is not.</li>
 *   <li>{@code Sched}: the Linux scheduling policy and real-time priority of that LWP.</li>
 *   <li>{@code Loops}: turns of the dispatch loop since the thread started.</li>
 * </ul>
 * VPP's epoll, sleep and wake-up columns are left out: Vecta's loop does not count them.
 */
public final class ShowThreads {

    private static final String NOT_KNOWN = "-";

    private ShowThreads() {
    }

    /** The text of {@code show threads}. */
    public static String format(List<DispatchThread> threads) {
        TextTable table = new TextTable().column("ID").leftColumn("Name").column("LWP").column("CPU")
                .leftColumn("Sched").column("Loops");
        for (DispatchThread thread : threads) {
            long lwp = thread.lwp() != DispatchThread.UNKNOWN ? thread.lwp()
                    : LinuxThreads.lwpByName(thread.name()).orElse((long) DispatchThread.UNKNOWN);
            boolean lwpKnown = lwp != DispatchThread.UNKNOWN;
            table.row(thread.index(), thread.name(), lwpKnown ? lwp : NOT_KNOWN,
                    thread.lcore() != DispatchThread.UNKNOWN ? thread.lcore() : NOT_KNOWN,
                    lwpKnown ? LinuxThreads.schedPolicy(lwp).orElse(NOT_KNOWN) : NOT_KNOWN,
                    thread.runtime().loops());
        }
        return table.format();
    }
}
