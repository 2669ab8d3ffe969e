package io.vecta.runtime.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.Buffers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Two threads, each with its own allocator, allocate and free concurrently from one small
 * pool, and hand some packets to each other to free, so that caches refill, spill and
 * exhaust the pool while the other thread does the same. An ownership table, claimed with
 * compare-and-set on every allocation, proves that no buffer is ever held by both.
 */
class ConcurrentBufferAllocationTest {

    private static final long SEED = 0xC0FFEEL;
    private static final int ROUNDS = 4000;

    @Test
    void shouldNeverHandTheSameBufferToTwoThreads() throws Exception {
        BufferConfig config = BufferConfig.builder().buffersPerNuma(1500).pageSize(BufferPageSize.SIZE_4K).build();
        try (BufferPools pools = BufferPools.create(config, 2)) {
            Buffers buffers = pools.buffers();
            BufferPool pool = pools.pool(0);
            AtomicIntegerArray owner = new AtomicIntegerArray((int) (buffers.memory().byteSize() >>> 6));
            List<Queue<Integer>> inbox = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
            List<String> errors = new CopyOnWriteArrayList<>();
            CyclicBarrier start = new CyclicBarrier(2);

            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    try {
                        start.await();
                        work(me, pools.allocator(me), buffers, owner, inbox, errors);
                    } catch (Exception | AssertionError e) {
                        errors.add("thread " + me + ": " + e);
                    }
                }, "buffer-worker-" + t);
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            // what is still in the inboxes is freed now, by the thread the packet was sent to
            for (int t = 0; t < 2; t++) {
                for (Integer bi : inbox.get(t)) {
                    owner.set(bi, 0);
                    pools.allocator(t).free(bi);
                }
            }

            assertThat(errors).as("seed %d", SEED).isEmpty();
            assertThat(pool.used()).isZero();
            assertThat(pool.available() + pool.cached()).isEqualTo(pool.total());
            for (int i = 0; i < owner.length(); i++) {
                assertThat(owner.get(i)).as("owner of 0x%x", i).isZero();
            }
            // every buffer is free exactly once: on the free list or in one of the two caches
            int[] rest = new int[pool.total()];
            int fromMain = pools.allocator(0).alloc(rest, 0, pool.total());
            assertThat(fromMain).isEqualTo(pool.total() - pool.cached(1));
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < fromMain; i++) {
                assertThat(seen.add(rest[i])).isTrue();
            }
            BufferPoolThreadCache other = pool.cache(1);
            for (int i = 0; i < other.count; i++) {
                assertThat(seen.add(other.indices[i])).as("0x%x free twice", other.indices[i]).isTrue();
            }
            assertThat(seen).hasSize(pool.total());
        }
    }

    private static void work(int me, BufferAllocator allocator, Buffers buffers, AtomicIntegerArray owner,
            List<Queue<Integer>> inbox, List<String> errors) {
        Random random = new Random(SEED + me);
        int mark = me + 1;
        int other = 1 - me;
        List<Integer> held = new ArrayList<>();
        int[] batch = new int[300];
        int[] toFree = new int[300];
        for (int round = 0; round < ROUNDS && errors.isEmpty(); round++) {
            int n = 1 + random.nextInt(random.nextInt(20) == 0 ? 300 : 64);
            int got = allocator.alloc(batch, 0, n);
            for (int i = 0; i < got; i++) {
                int bi = batch[i];
                if (!owner.compareAndSet(bi, 0, mark)) {
                    errors.add("round " + round + ": buffer 0x" + Integer.toHexString(bi) + " handed to thread " + me
                            + " while thread " + (owner.get(bi) - 1) + " holds it");
                    return;
                }
                buffers.setOpaque(bi, 0, mark);
                held.add(bi);
            }
            // free a random part of what is held, checking that nobody wrote into it meanwhile
            int frees = held.isEmpty() ? 0 : random.nextInt(Math.min(held.size(), toFree.length) + 1);
            for (int i = 0; i < frees; i++) {
                int bi = held.remove(random.nextInt(held.size()));
                if (buffers.opaque(bi, 0) != mark || buffers.refCount(bi) != 1) {
                    errors.add("round " + round + ": buffer 0x" + Integer.toHexString(bi) + " of thread " + me
                            + " was changed by someone else");
                    return;
                }
                owner.set(bi, 0);
                toFree[i] = bi;
            }
            allocator.free(toFree, 0, frees);
            // hand a few packets to the other thread, and free what it handed over
            for (int i = 0; i < 3 && !held.isEmpty(); i++) {
                int bi = held.remove(held.size() - 1);
                owner.set(bi, other + 1);
                buffers.setOpaque(bi, 0, other + 1);
                inbox.get(other).add(bi);
            }
            Integer received;
            while ((received = inbox.get(me).poll()) != null) {
                if (owner.get(received) != mark || buffers.opaque(received, 0) != mark) {
                    errors.add("round " + round + ": buffer 0x" + Integer.toHexString(received)
                            + " arrived at thread " + me + " owned by " + (owner.get(received) - 1));
                    return;
                }
                owner.set(received, 0);
                allocator.free(received);
            }
        }
        for (int bi : held) {
            owner.set(bi, 0);
            allocator.free(bi);
        }
    }
}
