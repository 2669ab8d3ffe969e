package io.vecta.sdk.infra.bihash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BihashFormatTest {

    @Test
    void shouldSummariseLikeVppShowBihash() {
        try (Bihash8_8 table = new Bihash8_8("l2fib", 1024, 1L << 20)) {
            for (long key = 1; key <= 100; key++) {
                table.add(key, key * 10);
            }
            for (long key = 1; key <= 40; key++) {
                table.delete(key);
            }
            String text = table.format(false);
            long activeBuckets = text.lines().filter(l -> l.contains("active elements")).count();
            assertThat(activeBuckets).isOne();
            assertThat(text)
                    .startsWith("Hash table 'l2fib' (bihash_8_8)\n")
                    .contains("    60 active elements ")
                    .contains(" free lists\n       [len 1] ")
                    .contains("    0 linear search buckets\n")
                    .contains("    arena: used ")
                    .contains(" of 1048576 b (1 Mbytes)\n")
                    .contains("           buckets 12288 b, 1 chunk(s) of up to 4194304 b, scrap 0 b\n")
                    .contains("    1024 buckets, 4 kvp per page, at most 256 pages per bucket\n")
                    .doesNotContain("]: heap offset");
            assertThat(table.toString()).isEqualTo("bihash_8_8 'l2fib'");
        }
    }

    @Test
    void shouldListBucketsAndEntriesWhenVerbose() {
        try (Bihash16_8 table = new Bihash16_8("sessions", 4, 1L << 20)) {
            table.add(new long[] {7, 8}, 0, 9);
            table.add(new long[] {-2, 3}, 0, -1);
            String text = table.format(true);
            assertThat(text)
                    .contains("    2 active elements ")
                    .contains(": key 7 8 value 9\n")
                    .contains(": key 18446744073709551614 3 value 18446744073709551615\n")
                    .containsPattern("\\[[0-3]\\]: heap offset \\d+, len 1, linear 0, version [12]\n");
        }
    }

    @Test
    void shouldCountFreeSetsBySize() {
        try (Bihash8_8 table = new Bihash8_8("churn", 1, 1L << 20)) {
            for (long key = 1; key <= 6; key++) {
                table.add(key, key);
            }
            String text = table.format(false);
            // one add retired a one-page set to the free list; the split retired it again
            assertThat(text).containsPattern("       \\[len 1\\] \\d+ free elts\n");
            assertThat(text).containsPattern("       \\[len 2\\] \\d+ free elts\n");
            assertThat(text).contains("    6 active elements 1 active buckets\n");
        }
    }
}
