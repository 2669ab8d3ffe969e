package io.vecta.sdk.infra.bihash;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BihashHashTest {

    @Test
    void shouldGiveDistinctOneWordKeysDistinctHashes() {
        Set<Long> hashes = new HashSet<>();
        for (long key = 0; key < 100_000; key++) {
            assertThat(hashes.add(Bihash8_8.hash(key))).as("hash of %d", key).isTrue();
        }
    }

    @Test
    void shouldFlipAboutHalfTheHashBitsForEveryKeyBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int words : new int[] {1, 2, 3, 5, 6}) {
            for (int bit = 0; bit < words * 64; bit++) {
                long flipped = 0;
                int samples = 200;
                for (int s = 0; s < samples; s++) {
                    long[] key = new long[words];
                    for (int w = 0; w < words; w++) {
                        key[w] = random.nextLong();
                    }
                    long before = hash(key);
                    key[bit / 64] ^= 1L << (bit % 64);
                    flipped += Long.bitCount(before ^ hash(key));
                }
                assertThat(flipped / (double) samples).as("%d words, key bit %d", words, bit).isBetween(28.0, 36.0);
            }
        }
    }

    @Test
    void shouldSpreadSequentialKeysOverBucketsAndPages() {
        int buckets = 1 << 10;
        int[] perBucketAndPage = new int[buckets * 4];
        for (long key = 0; key < 4096L * 16; key++) {
            long hash = Bihash8_8.hash(key);
            int bucket = (int) (hash & (buckets - 1));
            int page = (int) ((hash >>> 10) & 3);
            perBucketAndPage[bucket * 4 + page]++;
        }
        for (int count : perBucketAndPage) {
            assertThat(count).isBetween(1, 45);
        }
    }

    @Test
    void shouldHashKeysInMemoryAsTheSameWordsInAnArray() {
        SplittableRandom random = new SplittableRandom(5);
        long[] key = new long[6];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment packet = arena.allocate(64);
            for (int w = 0; w < key.length; w++) {
                key[w] = random.nextLong();
                packet.set(ValueLayout.JAVA_LONG_UNALIGNED, 5 + 8L * w, key[w]);
            }
            assertThat(Bihash16_8.hash(packet, 5)).isEqualTo(Bihash16_8.hash(key, 0));
            assertThat(Bihash24_8.hash(packet, 5)).isEqualTo(Bihash24_8.hash(key, 0));
            assertThat(Bihash40_8.hash(packet, 5)).isEqualTo(Bihash40_8.hash(key, 0));
            assertThat(Bihash48_8.hash(packet, 5)).isEqualTo(Bihash48_8.hash(key, 0));
        }
    }

    @Test
    void shouldDependOnWordOrder() {
        assertThat(Bihash16_8.hash(new long[] {1, 2}, 0)).isNotEqualTo(Bihash16_8.hash(new long[] {2, 1}, 0));
        assertThat(Bihash16_8.hash(new long[] {0, 0}, 0)).isNotEqualTo(Bihash24_8.hash(new long[] {0, 0, 0}, 0));
    }

    private static long hash(long[] key) {
        return switch (key.length) {
            case 1 -> Bihash8_8.hash(key[0]);
            case 2 -> Bihash16_8.hash(key, 0);
            case 3 -> Bihash24_8.hash(key, 0);
            case 5 -> Bihash40_8.hash(key, 0);
            default -> Bihash48_8.hash(key, 0);
        };
    }
}
