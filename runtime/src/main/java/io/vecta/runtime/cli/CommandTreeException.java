package io.vecta.runtime.cli;

/**
 * A command tree that cannot be built: two plugins claim one path, or a plugin fails to hand
 * over its commands. The message starts with a stable tag in brackets
 * ({@code [VectaDuplicateCommand]}), names the plugins concerned and ends with a {@code help:}
 * line, as the processor's compile errors do.
 */
public final class CommandTreeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String tag;

    CommandTreeException(String tag, String message, String help, Throwable cause) {
        super("[" + tag + "] " + message + "\n  help: " + help, cause);
        this.tag = tag;
    }

    /** The stable tag, e.g. {@code VectaDuplicateCommand}. */
    public String tag() {
        return tag;
    }
}
