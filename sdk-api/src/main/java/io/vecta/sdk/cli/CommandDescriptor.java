package io.vecta.sdk.cli;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One CLI command as a plugin registers it: VPP's {@code vlib_cli_command_t}. The processor
 * writes one per {@code @CliCommand} method into the plugin's registration.
 *
 * @param path      the words that name the command, single-space separated, each of
 *                  lower-case letters, digits, {@code -} and {@code _}: {@code "show interface"}
 * @param shortHelp one line of usage for {@code ?} and {@code help}; not blank
 * @param longHelp  longer text for {@code help <path>}; empty when the short help says it all
 * @param handler   the code that runs it
 */
public record CommandDescriptor(String path, String shortHelp, String longHelp, CommandHandler handler) {

    private static final Pattern WORD = Pattern.compile("[a-z0-9_-]+");

    /** Checks the path and help. */
    public CommandDescriptor {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(shortHelp, "shortHelp");
        Objects.requireNonNull(longHelp, "longHelp");
        Objects.requireNonNull(handler, "handler");
        for (String word : path.split(" ", -1)) {
            if (!isPathWord(word)) {
                throw new IllegalArgumentException("command path '" + path + "' has a bad word '" + word
                        + "': words are lower-case letters, digits, '-' and '_', separated by single spaces");
            }
        }
        if (shortHelp.isBlank()) {
            throw new IllegalArgumentException("command '" + path + "' has no short help");
        }
    }

    /** The path's words. */
    public List<String> words() {
        return List.of(path.split(" "));
    }

    /** Whether {@code word} may be a word of a command path. */
    public static boolean isPathWord(String word) {
        return WORD.matcher(word).matches();
    }
}
