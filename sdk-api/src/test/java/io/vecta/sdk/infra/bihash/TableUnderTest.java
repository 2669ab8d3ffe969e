package io.vecta.sdk.infra.bihash;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** One bihash shape behind a key-width-neutral face, so one model test drives every shape. */
abstract class TableUnderTest implements AutoCloseable {

    /** A key as the model stores it. */
    record Key(long[] words) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(words, key.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }

        @Override
        public String toString() {
            return Arrays.toString(words);
        }
    }

    final int keyWords;

    TableUnderTest(int keyWords) {
        this.keyWords = keyWords;
    }

    static TableUnderTest open(int keyWords, String name, int buckets, long memoryLimit, int maxLog2Pages) {
        return switch (keyWords) {
            case 1 -> new OneWord(new Bihash8_8(name, buckets, memoryLimit, maxLog2Pages));
            case 2 -> new Wide(new Bihash16_8(name, buckets, memoryLimit, maxLog2Pages), 2);
            case 3 -> new Wide(new Bihash24_8(name, buckets, memoryLimit, maxLog2Pages), 3);
            case 5 -> new Wide(new Bihash40_8(name, buckets, memoryLimit, maxLog2Pages), 5);
            case 6 -> new Wide(new Bihash48_8(name, buckets, memoryLimit, maxLog2Pages), 6);
            default -> throw new IllegalArgumentException("no shape with " + keyWords + " key words");
        };
    }

    abstract Bihash bihash();

    abstract BihashTable engine();

    abstract long hash(long[] key);

    abstract boolean add(long[] key, long value);

    abstract boolean delete(long[] key);

    abstract long get(long[] key, long missingValue);

    /** Looks the key up from off-heap memory (for 8_8: the hash-taking form). */
    abstract long getFromMemory(MemorySegment memory, long offset, long missingValue);

    abstract boolean contains(long[] key);

    abstract void hashAll(long[] keys, long[] hashes, int count);

    abstract int getAll(long[] keys, long[] hashes, int count, long[] values, long missingValue);

    abstract Map<Key, Long> contents();

    long size() {
        return bihash().size();
    }

    @Override
    public void close() {
        bihash().close();
    }

    private static final class OneWord extends TableUnderTest {
        private final Bihash8_8 table;

        OneWord(Bihash8_8 table) {
            super(1);
            this.table = table;
        }

        @Override
        Bihash bihash() {
            return table;
        }

        @Override
        BihashTable engine() {
            return table.table();
        }

        @Override
        long hash(long[] key) {
            return Bihash8_8.hash(key[0]);
        }

        @Override
        boolean add(long[] key, long value) {
            return table.add(key[0], value);
        }

        @Override
        boolean delete(long[] key) {
            return table.delete(key[0]);
        }

        @Override
        long get(long[] key, long missingValue) {
            return table.get(key[0], missingValue);
        }

        @Override
        long getFromMemory(MemorySegment memory, long offset, long missingValue) {
            long key = memory.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
            return table.get(Bihash8_8.hash(key), key, missingValue);
        }

        @Override
        boolean contains(long[] key) {
            return table.containsKey(key[0]) && table.containsKey(Bihash8_8.hash(key[0]), key[0]);
        }

        @Override
        void hashAll(long[] keys, long[] hashes, int count) {
            Bihash8_8.hashAll(keys, hashes, count);
        }

        @Override
        int getAll(long[] keys, long[] hashes, int count, long[] values, long missingValue) {
            return table.getAll(keys, hashes, count, values, missingValue);
        }

        @Override
        Map<Key, Long> contents() {
            Map<Key, Long> seen = new HashMap<>();
            table.forEach((key, value) -> {
                if (seen.put(new Key(new long[] {key}), value) != null) {
                    throw new AssertionError("forEach visited key " + key + " twice");
                }
            });
            return seen;
        }
    }

    /**
     * The four multi-word shapes: their operations through the base class they share, their
     * static hashes (public API of each shape) by width.
     */
    private static final class Wide extends TableUnderTest {
        private final WideKeyBihash table;

        Wide(WideKeyBihash table, int keyWords) {
            super(keyWords);
            this.table = table;
        }

        @Override
        Bihash bihash() {
            return table;
        }

        @Override
        BihashTable engine() {
            return table.table();
        }

        @Override
        long hash(long[] key) {
            return switch (table) {
                case Bihash16_8 t -> Bihash16_8.hash(key, 0);
                case Bihash24_8 t -> Bihash24_8.hash(key, 0);
                case Bihash40_8 t -> Bihash40_8.hash(key, 0);
                case Bihash48_8 t -> Bihash48_8.hash(key, 0);
            };
        }

        private long hash(MemorySegment memory, long offset) {
            return switch (table) {
                case Bihash16_8 t -> Bihash16_8.hash(memory, offset);
                case Bihash24_8 t -> Bihash24_8.hash(memory, offset);
                case Bihash40_8 t -> Bihash40_8.hash(memory, offset);
                case Bihash48_8 t -> Bihash48_8.hash(memory, offset);
            };
        }

        @Override
        boolean add(long[] key, long value) {
            return table.add(key, 0, value);
        }

        @Override
        boolean delete(long[] key) {
            return table.delete(key, 0);
        }

        @Override
        long get(long[] key, long missingValue) {
            return table.get(key, 0, missingValue);
        }

        @Override
        long getFromMemory(MemorySegment memory, long offset, long missingValue) {
            return table.get(hash(memory, offset), memory, offset, missingValue);
        }

        @Override
        boolean contains(long[] key) {
            return table.containsKey(key, 0);
        }

        @Override
        void hashAll(long[] keys, long[] hashes, int count) {
            switch (table) {
                case Bihash16_8 t -> Bihash16_8.hashAll(keys, hashes, count);
                case Bihash24_8 t -> Bihash24_8.hashAll(keys, hashes, count);
                case Bihash40_8 t -> Bihash40_8.hashAll(keys, hashes, count);
                case Bihash48_8 t -> Bihash48_8.hashAll(keys, hashes, count);
            }
        }

        @Override
        int getAll(long[] keys, long[] hashes, int count, long[] values, long missingValue) {
            return table.getAll(keys, hashes, count, values, missingValue);
        }

        @Override
        Map<Key, Long> contents() {
            Map<Key, Long> seen = new HashMap<>();
            table.forEach((key, value) -> {
                if (key.length != keyWords) {
                    throw new AssertionError("forEach passed a key of " + key.length + " words");
                }
                if (seen.put(new Key(key.clone()), value) != null) {
                    throw new AssertionError("forEach visited key " + Arrays.toString(key) + " twice");
                }
            });
            return seen;
        }
    }
}
