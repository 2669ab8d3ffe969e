package io.vecta.sdk.infra.bihash;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.infra.bihash.TableUnderTest.Key;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random adds, updates, deletes and lookups checked against a {@link HashMap} after every
 * operation. Few buckets, and groups of keys whose hashes agree on their low 12 bits (bucket
 * and five page bits), force splits, re-splits and linear-search fallback; periodic drains
 * empty every bucket again.
 */
class BihashModelTest {

    private static final long MISSING = Long.MIN_VALUE;
    private static final int BUCKETS = 128;
    private static final int POOL_KEYS = 1_200;
    private static final int COLLISION_GROUPS = 4;
    private static final int KEYS_PER_COLLISION_GROUP = 8;
    private static final int COLLIDING_HASH_BITS = 12;
    private static final int PHASE_OPERATIONS = 150_000;
    private static final int FULL_CHECK_EVERY = 16_384;
    private static final int BATCH = 256;

    @Test
    void shouldMatchHashMapModelFor8_8() {
        runModel(1, 2_000_000, 0x8_8L);
    }

    @Test
    void shouldMatchHashMapModelFor40_8() {
        runModel(5, 2_000_000, 0x40_8L);
    }

    @Test
    void shouldMatchHashMapModelFor16_8() {
        runModel(2, 300_000, 0x16_8L);
    }

    @Test
    void shouldMatchHashMapModelFor24_8() {
        runModel(3, 300_000, 0x24_8L);
    }

    @Test
    void shouldMatchHashMapModelFor48_8() {
        runModel(6, 300_000, 0x48_8L);
    }

    private static void runModel(int keyWords, int operations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String context = "seed 0x" + Long.toHexString(seed) + ", " + keyWords + " key words";
        try (TableUnderTest table = TableUnderTest.open(keyWords, "model", BUCKETS, 64L << 20, 8);
                Arena arena = Arena.ofConfined()) {
            long[][] pool = keyPool(table, random);
            Map<Key, Long> model = new HashMap<>();
            MemorySegment keyMemory = arena.allocate(keyWords * Long.BYTES + 8L);
            long deepestLinear = 0;
            int deepestLog2Pages = -1;
            int sweeps = 0;
            for (int op = 0; op < operations; op++) {
                boolean filling = (op / PHASE_OPERATIONS) % 2 == 0;
                if (op > 0 && op % (2 * PHASE_OPERATIONS) == 0) {
                    drain(table, model, pool, random, context, op);
                    sweeps++;
                }
                long[] key = pool[random.nextInt(pool.length)];
                Key modelKey = new Key(key);
                int kind = random.nextInt(100);
                if (kind < (filling ? 55 : 20)) {
                    long value = random.nextLong();
                    value = value == MISSING ? 0 : value;
                    boolean expectedNew = model.put(modelKey, value) == null;
                    check(table.add(key, value) == expectedNew, context, op, "add (is it new?)", modelKey);
                } else if (kind < 85) {
                    boolean expectedPresent = model.remove(modelKey) != null;
                    check(table.delete(key) == expectedPresent, context, op, "delete", modelKey);
                } else {
                    long expected = model.getOrDefault(modelKey, MISSING);
                    check(table.contains(key) == model.containsKey(modelKey), context, op, "contains", modelKey);
                    copyKey(key, keyMemory, 3);
                    check(table.getFromMemory(keyMemory, 3, MISSING) == expected, context, op, "lookup from memory",
                            modelKey);
                }
                check(table.get(key, MISSING) == model.getOrDefault(modelKey, MISSING), context, op, "lookup",
                        modelKey);
                check(table.size() == model.size(), context, op, "size", model.size());
                if (op % FULL_CHECK_EVERY == 0 || op == operations - 1) {
                    checkEverything(table, model, pool, random, context, op);
                    deepestLinear = Math.max(deepestLinear, table.engine().linearSearchBuckets());
                    deepestLog2Pages = Math.max(deepestLog2Pages, table.engine().deepestLog2Pages());
                }
            }
            assertThat(deepestLinear).as("%s: some bucket fell back to linear search", context).isPositive();
            assertThat(deepestLog2Pages).as("%s: buckets split to 4+ pages", context).isGreaterThanOrEqualTo(2);
            assertThat(sweeps).as("%s: drained to empty", context).isEqualTo((operations - 1) / (2 * PHASE_OPERATIONS));
        }
    }

    /** Deletes every pool key in random order: every bucket must end empty, its memory back on the free lists. */
    private static void drain(TableUnderTest table, Map<Key, Long> model, long[][] pool, SplittableRandom random,
            String context, int op) {
        long[][] order = pool.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long[] swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (long[] key : order) {
            boolean expectedPresent = model.remove(new Key(key)) != null;
            check(table.delete(key) == expectedPresent, context, op, "drain delete", key);
        }
        check(table.size() == 0, context, op, "size after drain", 0);
        assertThat(table.contents()).as("%s, op %d: contents after drain", context, op).isEmpty();
        assertThat(table.bihash().format(false)).as("%s, op %d: format after drain", context, op)
                .contains("    0 active elements 0 active buckets\n", "    0 linear search buckets\n");
    }

    /** Random keys plus groups whose hashes agree on their low bits (same bucket, same pages). */
    private static long[][] keyPool(TableUnderTest table, SplittableRandom random) {
        List<long[]> keys = new ArrayList<>();
        long collidingMask = (1L << COLLIDING_HASH_BITS) - 1;
        for (int group = 0; group < COLLISION_GROUPS; group++) {
            long target = random.nextLong() & collidingMask;
            while (true) {
                long[] key = randomKey(table.keyWords, random);
                if ((table.hash(key) & collidingMask) == target) {
                    keys.add(key);
                    if (keys.size() == (group + 1) * KEYS_PER_COLLISION_GROUP) {
                        break;
                    }
                }
            }
        }
        while (keys.size() < POOL_KEYS) {
            long[] key = randomKey(table.keyWords, random);
            if (keys.size() % 50 == 0) {
                key[0] = BihashTable.FREE_WORD; // a legal key may start with the free pattern
            }
            if (table.keyWords == 1 && key[0] == BihashTable.FREE_WORD) {
                key[0] = keys.size();
            }
            keys.add(key);
        }
        return keys.toArray(long[][]::new);
    }

    private static long[] randomKey(int keyWords, SplittableRandom random) {
        long[] key = new long[keyWords];
        for (int w = 0; w < keyWords; w++) {
            // small values too: real keys (addresses, ports) are full of zero bits
            key[w] = random.nextBoolean() ? random.nextLong() : random.nextInt(1 << 12);
        }
        return key;
    }

    private static void checkEverything(TableUnderTest table, Map<Key, Long> model, long[][] pool,
            SplittableRandom random, String context, int op) {
        assertThat(table.contents()).as("%s, op %d: forEach", context, op).isEqualTo(model);
        for (Map.Entry<Key, Long> entry : model.entrySet()) {
            check(table.get(entry.getKey().words(), MISSING) == entry.getValue(), context, op, "full check lookup",
                    entry.getKey());
        }
        int keyWords = table.keyWords;
        long[] keys = new long[BATCH * keyWords];
        long[] hashes = new long[BATCH];
        long[] values = new long[BATCH];
        long[] expected = new long[BATCH];
        int expectedHits = 0;
        for (int i = 0; i < BATCH; i++) {
            long[] key = pool[random.nextInt(pool.length)];
            System.arraycopy(key, 0, keys, i * keyWords, keyWords);
            Long value = model.get(new Key(key));
            expected[i] = value == null ? MISSING : value;
            expectedHits += value == null ? 0 : 1;
        }
        table.hashAll(keys, hashes, BATCH);
        int hits = table.getAll(keys, hashes, BATCH, values, MISSING);
        assertThat(values).as("%s, op %d: batch lookup", context, op).containsExactly(expected);
        assertThat(hits).as("%s, op %d: batch hits", context, op).isEqualTo(expectedHits);
        assertThat(table.bihash().format(false))
                .as("%s, op %d: format", context, op)
                .contains("    " + model.size() + " active elements ");
    }

    private static void copyKey(long[] key, MemorySegment memory, long offset) {
        for (int w = 0; w < key.length; w++) {
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, offset + (long) w * Long.BYTES, key[w]);
        }
    }

    /** Builds the message only on failure: this runs millions of times. */
    private static void check(boolean condition, String context, int op, String what, Object subject) {
        if (!condition) {
            Object shown = subject instanceof long[] words ? new Key(words) : subject;
            throw new AssertionError(
                    context + ", op " + op + ": " + what + " of " + shown + " disagrees with the model");
        }
    }
}
