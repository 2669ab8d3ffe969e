package io.vecta.sdk.infra.bihash;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.infra.bihash.TableUnderTest.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One writer adds, updates and deletes while readers look up without pause. Every value
 * carries a tag computed from its key, so a reader can tell a torn entry or another key's
 * value from a real one. Stable keys are updated but never deleted, so they must always be
 * found. A small bucket count keeps the writer splitting, re-splitting and recycling page
 * sets under the readers. The run is bounded by the writer's operation count.
 */
class BihashConcurrentReadersTest {

    private static final long MISSING = Long.MIN_VALUE;
    private static final int READERS = 2;
    private static final int STABLE_KEYS = 48;
    private static final int CHURN_KEYS = 1_500;
    private static final int BATCH = 64;

    @Test
    void readersShouldSeeOnlyWholeEntriesOf8_8WhileTheWriterChurns() throws InterruptedException {
        run(1, 1_500_000, 0xC0_8_8L);
    }

    @Test
    void readersShouldSeeOnlyWholeEntriesOf40_8WhileTheWriterChurns() throws InterruptedException {
        run(5, 1_000_000, 0xC0_40_8L);
    }

    private static void run(int keyWords, int writerOperations, long seed) throws InterruptedException {
        String context = "seed 0x" + Long.toHexString(seed) + ", " + keyWords + " key words";
        SplittableRandom random = new SplittableRandom(seed);
        try (TableUnderTest table = TableUnderTest.open(keyWords, "concurrent", 16, 64L << 20, 8)) {
            long[][] stable = keys(table, random, STABLE_KEYS, true);
            long[][] churn = keys(table, random, CHURN_KEYS, false);
            Map<Key, Long> model = new HashMap<>();
            for (long[] key : stable) {
                table.add(key, tagged(key, 0));
                model.put(new Key(key), tagged(key, 0));
            }
            AtomicReference<String> failure = new AtomicReference<>();
            AtomicLong readerLookups = new AtomicLong();
            AtomicLong readerHits = new AtomicLong();
            CountDownLatch readersRunning = new CountDownLatch(READERS);
            Thread[] readers = new Thread[READERS];
            AtomicBoolean writerDone = new AtomicBoolean();
            for (int r = 0; r < READERS; r++) {
                long readerSeed = seed + r + 1;
                readers[r] = new Thread(() -> {
                    readersRunning.countDown();
                    read(table, stable, churn, readerSeed, failure, readerLookups, readerHits, writerDone);
                }, "bihash-reader-" + r);
                readers[r].start();
            }
            readersRunning.await();
            try {
                for (int op = 0; op < writerOperations && failure.get() == null; op++) {
                    int generation = op + 1;
                    int kind = random.nextInt(100);
                    if (kind < 10) {
                        long[] key = stable[random.nextInt(stable.length)];
                        table.add(key, tagged(key, generation));
                        model.put(new Key(key), tagged(key, generation));
                    } else {
                        long[] key = churn[random.nextInt(churn.length)];
                        if (kind < 60) {
                            table.add(key, tagged(key, generation));
                            model.put(new Key(key), tagged(key, generation));
                        } else {
                            table.delete(key);
                            model.remove(new Key(key));
                        }
                    }
                }
            } finally {
                writerDone.set(true);
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            assertThat(failure.get()).as(context).isNull();
            assertThat(readerLookups.get()).as("%s: readers ran", context).isPositive();
            assertThat(readerHits.get()).as("%s: readers found entries", context).isPositive();
            assertThat(table.contents()).as("%s: contents after the run", context).isEqualTo(model);
            assertThat(table.engine().linearSearchBuckets() + table.engine().deepestLog2Pages())
                    .as("%s: buckets grew under the readers", context).isGreaterThanOrEqualTo(2);
        }
    }

    private static void read(TableUnderTest table, long[][] stable, long[][] churn, long seed,
            AtomicReference<String> failure, AtomicLong lookups, AtomicLong hits, AtomicBoolean writerDone) {
        SplittableRandom random = new SplittableRandom(seed);
        int keyWords = table.keyWords;
        long[] batchKeys = new long[BATCH * keyWords];
        long[] hashes = new long[BATCH];
        long[] values = new long[BATCH];
        long[][] batch = new long[BATCH][];
        long done = 0;
        long found = 0;
        try {
            while (failure.get() == null && !writerDone.get()) {
                for (int i = 0; i < 256; i++) {
                    boolean isStable = random.nextInt(4) == 0;
                    long[] key = isStable ? stable[random.nextInt(stable.length)] : churn[random.nextInt(churn.length)];
                    long value = table.get(key, MISSING);
                    done++;
                    if (value == MISSING) {
                        if (isStable) {
                            failure.compareAndSet(null, "stable key " + Arrays.toString(key) + " was not found");
                        }
                    } else {
                        found++;
                        checkTag(key, value, failure, "get");
                    }
                }
                for (int i = 0; i < BATCH; i++) {
                    batch[i] = i % 2 == 0 ? stable[random.nextInt(stable.length)] : churn[random.nextInt(churn.length)];
                    System.arraycopy(batch[i], 0, batchKeys, i * keyWords, keyWords);
                }
                table.hashAll(batchKeys, hashes, BATCH);
                table.getAll(batchKeys, hashes, BATCH, values, MISSING);
                done += BATCH;
                for (int i = 0; i < BATCH; i++) {
                    if (values[i] == MISSING) {
                        if (i % 2 == 0) {
                            failure.compareAndSet(null, "stable key " + Arrays.toString(batch[i])
                                    + " was not found by getAll");
                        }
                    } else {
                        found++;
                        checkTag(batch[i], values[i], failure, "getAll");
                    }
                }
                if (random.nextInt(64) == 0) {
                    for (Map.Entry<Key, Long> entry : table.contents().entrySet()) {
                        checkTag(entry.getKey().words(), entry.getValue(), failure, "forEach");
                    }
                }
            }
        } catch (RuntimeException | AssertionError e) {
            failure.compareAndSet(null, "reader threw " + e);
        }
        lookups.addAndGet(done);
        hits.addAndGet(found);
    }

    private static void checkTag(long[] key, long value, AtomicReference<String> failure, String how) {
        if ((int) (value >>> 32) != tag(key)) {
            failure.compareAndSet(null, how + " of " + Arrays.toString(key) + " returned 0x" + Long.toHexString(value)
                    + ", which is not a value of that key");
        }
    }

    /** High half: a tag of the key; low half: the writer's generation. */
    private static long tagged(long[] key, int generation) {
        return ((long) tag(key) << 32) | (generation & 0xFFFF_FFFFL);
    }

    private static int tag(long[] key) {
        return Arrays.hashCode(key) * 0x9E3779B9 | 1;
    }

    /** Random distinct keys; stable ones partly in one colliding group so their bucket goes linear. */
    private static long[][] keys(TableUnderTest table, SplittableRandom random, int count, boolean colliding) {
        List<long[]> keys = new ArrayList<>();
        long mask = (1L << 10) - 1;
        long target = random.nextLong() & mask;
        while (keys.size() < count) {
            long[] key = new long[table.keyWords];
            for (int w = 0; w < key.length; w++) {
                key[w] = random.nextLong();
            }
            if (colliding && keys.size() < count / 4 && (table.hash(key) & mask) != target) {
                continue;
            }
            keys.add(key);
        }
        return keys.toArray(long[][]::new);
    }
}
