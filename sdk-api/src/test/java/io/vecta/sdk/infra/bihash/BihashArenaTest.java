package io.vecta.sdk.infra.bihash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BihashArenaTest {

    private static final int PAGE_BYTES_40_8 = 192;

    @Test
    void shouldReuseFreedSetsOfTheSameSizeOnly() {
        try (BihashArena arena = new BihashArena("test", PAGE_BYTES_40_8, 4, 1L << 20, 64)) {
            long one = arena.allocate(0);
            long two = arena.allocate(1);
            arena.free(one, 0);
            arena.free(two, 1);
            assertThat(arena.freeSets(0)).isOne();
            assertThat(arena.freeSets(1)).isOne();
            assertThat(arena.allocate(1)).isEqualTo(two);
            assertThat(arena.allocate(0)).isEqualTo(one);
            assertThat(arena.freeSets(0)).isZero();
        }
    }

    @Test
    void shouldKeepOneSpareSetPerSizeForDeletes() {
        try (BihashArena arena = new BihashArena("test", 64, 4, 1L << 20, 64)) {
            long live = arena.allocate(2);
            assertThat(arena.hasSpare(2)).isTrue();
            long copy = arena.allocateForDelete(2);
            assertThat(copy).isNotEqualTo(live);
            assertThat(arena.hasSpare(2)).isFalse();
            arena.free(live, 2);
            assertThat(arena.hasSpare(2)).as("the retired set is the new spare").isTrue();
            assertThat(arena.freeSets(2)).isZero();
        }
    }

    @Test
    void shouldNeverLetASetStraddleTwoChunks() {
        long limit = 3L * BihashArena.CHUNK_BYTES;
        try (BihashArena arena = new BihashArena("test", PAGE_BYTES_40_8, 13, limit, 64)) {
            for (int i = 0; arena.usedBytes() < BihashArena.CHUNK_BYTES * 3L / 2; i++) {
                int log2Pages = i % 11;
                long set = arena.allocate(log2Pages);
                long bytes = BihashArena.setBytes(PAGE_BYTES_40_8, log2Pages);
                assertThat(set % BihashBucket.LINE_BYTES).isZero();
                assertThat((set & BihashArena.CHUNK_MASK) + bytes).as("set %d", i).isLessThanOrEqualTo(
                        BihashArena.CHUNK_BYTES);
                arena.setLong(set + bytes - 8, i);
                assertThat(arena.getLong(set + bytes - 8)).isEqualTo(i);
            }
            assertThat(arena.chunkCount()).isEqualTo(2);
            assertThat(arena.scrapBytes()).isPositive();
        }
    }

    @Test
    void shouldStopAtTheMemoryLimitNamingIt() {
        try (BihashArena arena = new BihashArena("bihash_8_8 'tiny'", 64, 4, 1024, 64)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    arena.allocate(1);
                }
            }).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("bihash_8_8 'tiny': memory limit of 1024 bytes reached");
            assertThat(arena.usedBytes()).isLessThanOrEqualTo(1024);
        }
    }
}
