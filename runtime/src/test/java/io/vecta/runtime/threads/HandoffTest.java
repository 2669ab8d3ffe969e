package io.vecta.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.sdk.node.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoffTest {

    private static final long SEED = 0x4a4d_0ff5L;

    @Test
    void shouldDeliverEveryPacketFromMainToTheWorkerOfItsFlowExactlyOnce() {
        int workerCount = 2;
        try (WorkerGraph fixture = new WorkerGraph(1 + workerCount)) {
            HandoffQueues handoff = new HandoffQueues(1 + workerCount, HandoffQueues.DEFAULT_FRAMES);
            CorePlacement unpinned = new CorePlacement(CorePlacement.NOT_PINNED,
                    List.of(CorePlacement.NOT_PINNED, CorePlacement.NOT_PINNED));
            ThreadRuntime main = fixture.main(handoff);
            Random random = new Random(SEED);
            int total = 3000;
            int[] flows = new int[total];
            long[] expected = new long[1 + workerCount];
            for (int i = 0; i < total; i++) {
                flows[i] = random.nextInt(100_000);
                expected[1 + Integer.remainderUnsigned(WorkerHandoffNode.mix(flows[i]), workerCount)]++;
            }
            try (Workers workers = Workers.start(fixture.graph, fixture.pools, unpinned, handoff, Duration.ofSeconds(5))) {
                // sent in rounds that fit the queues, as a dispatch loop would between turns
                for (int start = 0; start < total; start += 2000) {
                    fixture.send(main, "worker-handoff", Arrays.copyOfRange(flows, start,
                            Math.min(total, start + 2000)));
                    main.runOnce();
                    awaitSinkTotal(workers, Math.min(total, start + 2000));
                }
                workers.barrier().sync();
                try {
                    String seed = "seed " + SEED;
                    assertThat(main.node("worker-handoff").errorCount(WorkerHandoffNode.CONGESTION_DROP)).as(seed).isZero();
                    assertThat(main.node("sink").vectors()).as("sink on main").isZero();
                    for (int k = 0; k < workerCount; k++) {
                        assertThat(workers.runtime(k).node("sink").vectors()).as(seed + ", worker " + k)
                                .isEqualTo(expected[k + 1]);
                    }
                } finally {
                    workers.barrier().release();
                }
            }
            assertThat(fixture.pools.pool(0).used()).as("buffers still held").isZero();
        }
    }

    @Test
    void shouldDropAndCountPacketsForAWorkerWhoseQueueIsFull() {
        try (WorkerGraph fixture = new WorkerGraph(2)) {
            HandoffQueues handoff = new HandoffQueues(2, 2);
            ThreadRuntime main = fixture.main(handoff);
            ThreadRuntime worker = new ThreadRuntime(fixture.graph, 1, fixture.pools.allocator(1), handoff);
            int[] flows = new int[5 * Frame.CAPACITY];

            fixture.send(main, "worker-handoff", flows);
            main.runOnce();

            int queued = 2 * Frame.CAPACITY;
            assertThat(main.node("worker-handoff").errorCount(WorkerHandoffNode.CONGESTION_DROP))
                    .isEqualTo(flows.length - queued);
            assertThat(handoff.queue(1).refused()).isEqualTo(3);
            assertThat(fixture.pools.pool(0).used()).as("held by the queue").isEqualTo(queued);

            worker.runOnce();

            assertThat(worker.node("sink").vectors()).isEqualTo(queued);
            assertThat(worker.node("sink").calls()).isEqualTo(2);
            assertThat(fixture.pools.pool(0).used()).isZero();
        }
    }

    @Test
    void shouldKeepPacketsOnTheirThreadWithoutWorkers() {
        try (WorkerGraph fixture = new WorkerGraph(1)) {
            ThreadRuntime main = fixture.main(null);
            fixture.send(main, "worker-handoff", new int[300]);

            main.runOnce();

            assertThat(main.node("sink").vectors()).isEqualTo(300);
        }
    }

    @Test
    void shouldDeliverEveryFrameOfManySendersOnceAndInOrderPerSender() throws Exception {
        FrameQueue queue = new FrameQueue(8);
        int senders = 3;
        int perSender = 5_000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofPlatform().start(() -> {
                int[] one = new int[1];
                for (int i = 0; i < perSender; i++) {
                    one[0] = sender * perSender + i;
                    while (!queue.offer(sender, one, 0, 1)) {
                        Thread.yield();
                    }
                }
            }));
        }
        int[] nextBySender = new int[senders];
        Set<Integer> seen = new HashSet<>();
        List<String> outOfOrder = new ArrayList<>();
        Frame frame = new Frame();
        int received = 0;
        while (received < senders * perSender) {
            int sender = queue.poll(frame);
            if (sender < 0) {
                Thread.yield();
                continue;
            }
            int value = frame.buffers()[0];
            if (frame.count() != 1 || value != sender * perSender + nextBySender[sender] || !seen.add(value)) {
                outOfOrder.add("sender " + sender + " frame of " + frame.count() + " holding " + value
                        + ", expected " + (sender * perSender + nextBySender[sender]));
            }
            nextBySender[sender]++;
            received++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(outOfOrder).isEmpty();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(seen).hasSize(senders * perSender);
    }

    @Test
    void shouldRejectFramesAndCapacitiesThatDoNotFit() {
        assertThatThrownBy(() -> new FrameQueue(3)).hasMessageContaining("capacity 3 must be a power of two");
        FrameQueue queue = new FrameQueue(2);
        assertThatThrownBy(() -> queue.offer(0, new int[300], 0, 257))
                .hasMessageContaining("257 buffers do not fit a frame of 256");
    }

    private static void awaitSinkTotal(Workers workers, long total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - deadline < 0) {
            long sum = 0;
            for (int k = 0; k < workers.count(); k++) {
                sum += workers.runtime(k).node("sink").vectors();
            }
            if (sum >= total) {
                return;
            }
            Thread.onSpinWait();
        }
    }
}
