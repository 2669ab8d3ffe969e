package io.vecta.runtime.ctl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the command tree's answer to a {@code ?} line as completion candidates. Each line of
 * the listing names one word that may come next, optionally followed by its help:
 * <pre>
 *   interface        show interfaces           the next word alone
 *   show interface   show interfaces           or the whole path, typed words first
 * </pre>
 * Typed words match the listing's by prefix, as the CLI matches them ({@code sh} for
 * {@code show}). Argument placeholders ({@code <name>}, {@code [verbose]}, {@code NAME}) are
 * not words to complete and are left out.
 */
final class HelpListing {

    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9._:/-]*");

    private HelpListing() {
    }

    /** The words that may follow {@code typed}, in the listing's order, without repeats. */
    static List<String> candidates(String listing, List<String> typed) {
        Set<String> words = new LinkedHashSet<>();
        for (String line : listing.split("\n")) {
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            int next = startsWithTyped(tokens, typed) ? typed.size() : 0;
            if (next < tokens.length && WORD.matcher(tokens[next]).matches()) {
                words.add(tokens[next]);
            }
        }
        return new ArrayList<>(words);
    }

    private static boolean startsWithTyped(String[] tokens, List<String> typed) {
        if (typed.isEmpty() || tokens.length <= typed.size()) {
            return false;
        }
        for (int i = 0; i < typed.size(); i++) {
            if (!tokens[i].toLowerCase(Locale.ROOT).startsWith(typed.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
