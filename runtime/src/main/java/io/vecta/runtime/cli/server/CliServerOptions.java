package io.vecta.runtime.cli.server;

import java.util.Objects;

/**
 * How a {@link CliServer} greets human sessions.
 *
 * @param banner whether a human session starts with the banner (the name and version);
 *               {@code vectactl} never sees it either way
 * @param prompt printed before each line a human types, and shown by an interactive
 *               {@code vectactl}; printable characters only, at most
 *               {@value #MAX_PROMPT_LENGTH} of them
 */
public record CliServerOptions(boolean banner, String prompt) {

    /** The longest prompt. */
    public static final int MAX_PROMPT_LENGTH = 64;

    /** The banner and VPP's prompt in Vecta's name: {@code vecta# }. */
    public static final CliServerOptions DEFAULTS = new CliServerOptions(true, "vecta# ");

    /** Checks the prompt: the framed protocol relies on it holding no control character. */
    public CliServerOptions {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isEmpty() || prompt.length() > MAX_PROMPT_LENGTH) {
            throw new IllegalArgumentException("CLI prompt '" + CliProtocol.printable(prompt) + "': length "
                    + prompt.length() + " out of range 1.." + MAX_PROMPT_LENGTH);
        }
        if (prompt.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("CLI prompt '" + CliProtocol.printable(prompt)
                    + "': control characters are not allowed");
        }
    }

    /** These options with the banner switched off or on. */
    public CliServerOptions withBanner(boolean showBanner) {
        return new CliServerOptions(showBanner, prompt);
    }

    /** These options with {@code newPrompt}. */
    public CliServerOptions withPrompt(String newPrompt) {
        return new CliServerOptions(banner, newPrompt);
    }
}
