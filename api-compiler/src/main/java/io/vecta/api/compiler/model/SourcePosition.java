package io.vecta.api.compiler.model;

import java.nio.file.Path;

/**
 * Where something was written: the file as the loader found it, and a 1-based line and column.
 * Prints as {@code file:line:column}, the prefix of every error message.
 */
public record SourcePosition(Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
