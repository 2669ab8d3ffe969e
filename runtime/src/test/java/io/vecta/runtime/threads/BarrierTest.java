package io.vecta.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.dispatch.ThreadRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BarrierTest {

    private static final CorePlacement TWO_UNPINNED = new CorePlacement(CorePlacement.NOT_PINNED,
            List.of(CorePlacement.NOT_PINNED, CorePlacement.NOT_PINNED));

    @Test
    void shouldHoldRunningWorkersBetweenTurnsUntilReleased() throws Exception {
        try (WorkerGraph fixture = new WorkerGraph(3)) {
            HandoffQueues handoff = new HandoffQueues(3, HandoffQueues.DEFAULT_FRAMES);
            ThreadRuntime main = fixture.main(handoff);
            try (Workers workers = Workers.start(fixture.graph, fixture.pools, TWO_UNPINNED, handoff,
                    Duration.ofSeconds(5))) {
                for (int round = 0; round < 20; round++) {
                    workers.barrier().sync();
                    long[] loops = {workers.runtime(0).loops(), workers.runtime(1).loops()};
                    // packets handed over while the workers are stopped wait in the queues
                    fixture.send(main, "worker-handoff", new int[] {round, round + 1, round + 2, round + 3});
                    main.runOnce();
                    Thread.sleep(2);
                    assertThat(workers.runtime(0).loops()).as("round " + round).isEqualTo(loops[0]);
                    assertThat(workers.runtime(1).loops()).as("round " + round).isEqualTo(loops[1]);
                    assertThat(workers.runtime(0).node("sink").vectors() + workers.runtime(1).node("sink").vectors())
                            .as("round " + round).isEqualTo(4L * round);
                    workers.barrier().release();
                    awaitSinkTotal(workers, 4L * (round + 1));
                }
                workers.barrier().sync();
                assertThat(workers.runtime(0).node("sink").vectors() + workers.runtime(1).node("sink").vectors())
                        .isEqualTo(80);
                workers.barrier().release();
            }
        }
    }

    @Test
    void shouldNameTheWorkerItsThreadIdAndNodeWhenItDoesNotStopInTime() throws Exception {
        try (WorkerGraph fixture = new WorkerGraph(3)) {
            HandoffQueues handoff = new HandoffQueues(3, HandoffQueues.DEFAULT_FRAMES);
            ThreadRuntime main = fixture.main(handoff);
            try (Workers workers = Workers.start(fixture.graph, fixture.pools, TWO_UNPINNED, handoff,
                    Duration.ofMillis(200))) {
                int flow = flowFor(1);
                fixture.send(main, "to-blocker", new int[] {flow});
                main.runOnce();
                assertThat(fixture.blockerEntered.await(10, TimeUnit.SECONDS)).isTrue();
                long lwp = workers.threads().get(1).lwp();

                assertThatThrownBy(() -> workers.barrier().sync())
                        .isInstanceOf(BarrierTimeoutException.class)
                        .hasMessage("barrier sync: vecta_wk_1 (thread 2, LWP " + lwp + ") in node 'blocker' did not"
                                + " stop within 200 ms (1 of 2 workers stopped)")
                        .extracting(e -> ((BarrierTimeoutException) e).worker()).isEqualTo(1);
                assertThat(workers.barrier().isSynced()).isFalse();

                fixture.unblock.countDown();
                workers.barrier().sync();
                assertThat(workers.runtime(1).node("blocker").vectors()).isEqualTo(1);
                workers.barrier().release();
            }
        }
    }

    @Test
    void shouldNestSyncsAndRefuseAReleaseWithoutOne() {
        Barrier barrier = new Barrier(0, Duration.ofMillis(10), k -> "worker " + k);
        barrier.sync();
        barrier.sync();
        barrier.release();
        assertThat(barrier.isSynced()).isTrue();
        barrier.release();
        assertThat(barrier.isSynced()).isFalse();
        assertThatThrownBy(barrier::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("barrier release without a sync");
    }

    /** A flow id that worker-handoff sends to worker {@code worker} of two. */
    private static int flowFor(int worker) {
        for (int flow = 0; ; flow++) {
            if (Integer.remainderUnsigned(WorkerHandoffNode.mix(flow), 2) == worker) {
                return flow;
            }
        }
    }

    private static void awaitSinkTotal(Workers workers, long total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - deadline < 0
                && workers.runtime(0).node("sink").vectors() + workers.runtime(1).node("sink").vectors() < total) {
            Thread.onSpinWait();
        }
    }
}
