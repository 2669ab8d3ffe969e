package io.vecta.runtime.show;

import io.vecta.runtime.dispatch.ThreadRuntime;
import java.util.Objects;

/**
 * One dispatch thread as the show commands name it: its runtime, its name
 * ({@code vecta_main}, {@code vecta_wk_0}, ... as VPP's {@code vpp_main}, {@code vpp_wk_0}),
 * the core it is pinned to, and the operating system's id for it.
 *
 * <p>The thread that runs a runtime records itself with {@link #current} when it starts, so
 * that its Linux thread id ({@code LWP}) and Java thread id are known; a runtime not (yet) run
 * by a thread of its own is described by {@link #of}, with both ids unknown.
 *
 * @param runtime      the thread's copy of the graph and its counters
 * @param name         the thread's name in reports
 * @param lcore        the core the thread is pinned to, or {@link #UNKNOWN}
 * @param lwp          the Linux thread id, or {@link #UNKNOWN}
 * @param javaThreadId {@link Thread#threadId()}, or {@link #UNKNOWN}
 */
public record DispatchThread(ThreadRuntime runtime, String name, int lcore, long lwp, long javaThreadId) {

    /** An id or core that is not known. */
    public static final int UNKNOWN = -1;

    /** Checks the fields. */
    public DispatchThread {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(name, "name");
    }

    /** {@code runtime} under its default name, core and ids unknown. */
    public static DispatchThread of(ThreadRuntime runtime) {
        return new DispatchThread(runtime, defaultName(runtime.threadIndex()), UNKNOWN, UNKNOWN, UNKNOWN);
    }

    /**
     * The calling thread, which runs {@code runtime} pinned to {@code lcore} (or
     * {@link #UNKNOWN}): its Linux thread id is read from {@code /proc/thread-self}.
     */
    public static DispatchThread current(ThreadRuntime runtime, int lcore) {
        return new DispatchThread(runtime, defaultName(runtime.threadIndex()), lcore, LinuxThreads.currentLwp(),
                Thread.currentThread().threadId());
    }

    /** {@code vecta_main} for thread 0, {@code vecta_wk_N} for worker N (thread N + 1). */
    public static String defaultName(int threadIndex) {
        return threadIndex == 0 ? "vecta_main" : "vecta_wk_" + (threadIndex - 1);
    }

    /** The thread index: 0 is main. */
    public int index() {
        return runtime.threadIndex();
    }
}
