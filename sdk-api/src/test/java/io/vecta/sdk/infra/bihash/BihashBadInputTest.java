package io.vecta.sdk.infra.bihash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BihashBadInputTest {

    private static final long MISSING = Long.MIN_VALUE;
    private static final long ROOMY = 16L << 20;

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -1024, 3, 1000, 1 << 31})
    void shouldRejectBucketCountThatIsNotAPowerOfTwo(int buckets) {
        assertThatThrownBy(() -> new Bihash8_8("flows", buckets, ROOMY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bihash_8_8 'flows'")
                .hasMessageContaining("bucket count " + buckets + " is not a power of two");
    }

    @Test
    void shouldAcceptASingleBucket() {
        try (Bihash40_8 table = new Bihash40_8("one", 1, ROOMY)) {
            assertThat(table.add(new long[] {1, 2, 3, 4, 5}, 0, 6)).isTrue();
            assertThat(table.get(new long[] {1, 2, 3, 4, 5}, 0, MISSING)).isEqualTo(6);
        }
    }

    @Test
    void shouldRejectMemoryLimitThatCannotHoldTheBuckets() {
        assertThatThrownBy(() -> new Bihash8_8("flows", 1024, 8192))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bihash_8_8 'flows': memory limit of 8192 bytes cannot hold 1024 buckets");
    }

    @Test
    void shouldRejectMemoryLimitBeyondWhatABucketWordAddresses() {
        assertThatThrownBy(() -> new Bihash8_8("flows", 1024, 1L << 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bihash_8_8 'flows': memory limit of " + (1L << 40));
    }

    @Test
    void shouldRejectMaxLog2PagesOutsideTheChunk() {
        assertThatThrownBy(() -> new Bihash48_8("wide", 16, ROOMY, 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bihash_48_8 'wide': max log2 pages 15 is outside 0..14");
        assertThatThrownBy(() -> new Bihash8_8("narrow", 16, ROOMY, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max log2 pages -1 is outside 0..16");
    }

    @Test
    void shouldRejectNullName() {
        assertThatThrownBy(() -> new Bihash8_8(null, 16, ROOMY)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldRejectAddToAFullPageChainAndStayIntact() {
        SplittableRandom random = new SplittableRandom(7);
        try (Bihash8_8 table = new Bihash8_8("flows", 1, ROOMY, 2)) {
            List<Long> added = new ArrayList<>();
            IllegalStateException full = null;
            while (full == null) {
                long key = random.nextLong() >>> 1;
                try {
                    table.add(key, key + 1);
                    added.add(key);
                } catch (IllegalStateException e) {
                    full = e;
                    assertThat(table.containsKey(key)).as("the rejected key").isFalse();
                }
            }
            assertThat(full).hasMessage("bihash_8_8 'flows': page chain of bucket 0 is full (4 pages of 4 entries,"
                    + " at most 4 pages per bucket)");
            assertThat(added).hasSize(16);
            assertThat(table.size()).isEqualTo(16);
            for (long key : added) {
                assertThat(table.get(key, MISSING)).isEqualTo(key + 1);
            }
            assertThat(table.table().linearSearchBuckets()).isEqualTo(1);
            assertThat(table.delete(added.getFirst())).isTrue();
            assertThat(table.add(42, 43)).as("room again after a delete").isTrue();
        }
    }

    @Test
    void shouldRejectAddAtTheMemoryLimitAndStillDelete() {
        long limit = 16 * 12 + 4096;
        try (Bihash8_8 table = new Bihash8_8("small", 16, limit)) {
            List<Long> added = new ArrayList<>();
            IllegalStateException limitReached = null;
            for (long key = 1; limitReached == null; key++) {
                try {
                    table.add(key, -key);
                    added.add(key);
                } catch (IllegalStateException e) {
                    limitReached = e;
                    assertThat(table.containsKey(key)).as("the rejected key").isFalse();
                }
            }
            assertThat(limitReached.getMessage())
                    .startsWith("bihash_8_8 'small': memory limit of " + limit + " bytes reached");
            assertThat(table.size()).isEqualTo(added.size());
            for (long key : added) {
                assertThat(table.get(key, MISSING)).isEqualTo(-key);
            }
            for (long key : added) {
                assertThat(table.delete(key)).as("delete of %d at the limit", key).isTrue();
            }
            assertThat(table.size()).isZero();
            assertThat(table.format(false)).contains("    0 active elements 0 active buckets\n");
        }
    }

    @Test
    void shouldRejectKeysOfTheWrongLength() {
        try (Bihash40_8 table = new Bihash40_8("flows", 16, ROOMY); Arena arena = Arena.ofConfined()) {
            long[] fourWords = {1, 2, 3, 4};
            assertThatThrownBy(() -> table.add(fourWords, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a key is 5 words, but offset 0 in an array of 4 does not hold one");
            assertThatThrownBy(() -> table.get(new long[6], 2, MISSING))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset 2 in an array of 6");
            assertThatThrownBy(() -> table.get(0L, new long[6], -1, MISSING))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bihash_40_8 'flows': a key is 5 words, but offset -1");
            assertThatThrownBy(() -> table.delete(fourWords, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Bihash8_8.hashAll(new long[1], new long[2], 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bihash_8_8: 2 keys need 2 key words");
            assertThatThrownBy(() -> Bihash40_8.hashAll(new long[9], new long[2], 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2 keys need 10 key words");
            assertThatThrownBy(() -> table.getAll(new long[10], new long[2], 2, new long[1], MISSING))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bihash_40_8 'flows': a batch of 2 keys");
            MemorySegment short32 = arena.allocate(32);
            assertThatThrownBy(() -> table.get(0L, short32, 0, MISSING))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bihash_40_8 'flows': a key is 40 bytes, but offset 0 in 32 bytes");
            assertThatThrownBy(() -> table.containsKey(0L, arena.allocate(48), 9))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldReserveTheAllOnesKeyForFreeSlots() {
        try (Bihash8_8 narrow = new Bihash8_8("narrow", 16, ROOMY);
                Bihash16_8 wide = new Bihash16_8("wide", 16, ROOMY)) {
            assertThatThrownBy(() -> narrow.add(-1L, 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bihash_8_8 'narrow': the key with every bit set");
            narrow.add(7, 8);
            assertThat(narrow.get(-1L, MISSING)).isEqualTo(MISSING);
            assertThat(narrow.containsKey(-1L)).isFalse();
            assertThat(narrow.delete(-1L)).isFalse();

            assertThatThrownBy(() -> wide.add(new long[] {-1, -1}, 0, 5)).isInstanceOf(IllegalArgumentException.class);
            wide.add(new long[] {-1, 0}, 0, 9);
            assertThat(wide.get(new long[] {-1, 0}, 0, MISSING)).isEqualTo(9);
            assertThat(wide.get(new long[] {-1, -1}, 0, MISSING)).isEqualTo(MISSING);
        }
    }

    @Test
    void shouldFailEveryCallOnAClosedTableNamingIt() {
        Bihash8_8 table = new Bihash8_8("gone", 16, ROOMY);
        table.add(1, 2);
        table.close();
        String closed = "bihash_8_8 'gone' is closed";
        assertThatThrownBy(() -> table.get(1, MISSING)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> table.add(3, 4)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> table.delete(1)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> table.getAll(new long[1], new long[1], 1, new long[1], MISSING))
                .isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> table.forEach((k, v) -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage(closed);
        assertThatThrownBy(() -> table.format(false)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatCode(table::close).as("a second close").doesNotThrowAnyException();

        Bihash24_8 wide = new Bihash24_8("gone-wide", 16, ROOMY);
        wide.close();
        assertThatThrownBy(() -> wide.get(new long[3], 0, MISSING)).isInstanceOf(IllegalStateException.class)
                .hasMessage("bihash_24_8 'gone-wide' is closed");
    }
}
