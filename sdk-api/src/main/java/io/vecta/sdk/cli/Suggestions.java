package io.vecta.sdk.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the word a user most likely meant, for {@code did you mean 'verbose'?}: the nearest
 * candidate by edit distance, counting a swap of two neighbouring letters as one edit
 * (optimal string alignment), within one edit for words of up to three letters and two for
 * longer ones, and never one that keeps no letter of either word.
 */
public final class Suggestions {

    private static final int SHORT_WORD = 3;

    private Suggestions() {
    }

    /** The nearest of {@code candidates} to {@code typed}, the first in iteration order on ties. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        int allowed = typed.length() <= SHORT_WORD ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(typed)) {
                continue;
            }
            int distance = distance(typed, candidate);
            if (distance <= allowed && distance < Math.min(typed.length(), candidate.length())
                    && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The edit distance of {@code a} and {@code b}, a swap of neighbours counting as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (x == y ? 0 : 1));
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
