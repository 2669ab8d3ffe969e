package io.vecta.benchmarks.fib;

import io.vecta.runtime.fib.Ip4Prefix;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Route sets for the FIB benchmarks: distinct prefixes whose lengths follow the shape of the
 * Internet's IPv4 table (most are /24, then /22, /23, /20, /21, ...; a few longer than /24),
 * over unicast space 1.0.0.0 to 223.255.255.255; and random destination addresses.
 */
final class RouteTables {

    /** Cumulative percentages per prefix length, from /8 up. */
    private static final int[][] LENGTH_SHARE = {
        {9, 1}, {12, 1}, {15, 1}, {16, 15}, {17, 15}, {18, 20}, {19, 30}, {20, 50}, {21, 50}, {22, 110},
        {23, 90}, {24, 600}, {26, 2}, {28, 2}, {30, 1}, {32, 2}};
    private static final int SHARE_TOTAL = 990;

    private RouteTables() {
    }

    /** {@code count} distinct prefixes, the same for the same seed. */
    static Ip4Prefix[] prefixes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Ip4Prefix> seen = new HashSet<>(count * 2);
        Ip4Prefix[] prefixes = new Ip4Prefix[count];
        int made = 0;
        while (made < count) {
            Ip4Prefix prefix = new Ip4Prefix(unicast(random), length(random));
            if (seen.add(prefix)) {
                prefixes[made++] = prefix;
            }
        }
        return prefixes;
    }

    /** {@code count} random unicast addresses. */
    static int[] addresses(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] addresses = new int[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = unicast(random);
        }
        return addresses;
    }

    private static int unicast(SplittableRandom random) {
        return ((1 + random.nextInt(223)) << 24) | (random.nextInt() >>> 8);
    }

    private static int length(SplittableRandom random) {
        int pick = random.nextInt(SHARE_TOTAL);
        for (int[] share : LENGTH_SHARE) {
            pick -= share[1];
            if (pick < 0) {
                return share[0];
            }
        }
        return 24;
    }
}
