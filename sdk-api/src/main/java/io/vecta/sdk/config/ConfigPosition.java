package io.vecta.sdk.config;

import java.util.Objects;

/**
 * Where something stands in a configuration file: the file's name, a line and a column, both
 * counted from 1 (a tab is one column). Printed as {@code startup.conf:12:17}, the form editors
 * and terminals jump to.
 *
 * <p>Line 0 stands for the file as a whole; a section that the file does not contain is read
 * at that position, and it prints as the file name alone.
 *
 * @param source the file's name as the user gave it
 * @param line   1-based line, or 0 for the whole file
 * @param column 1-based column, or 0 for the whole file
 */
public record ConfigPosition(String source, int line, int column) {

    /** Checks that line and column are both 0 or both positive. */
    public ConfigPosition {
        Objects.requireNonNull(source, "source");
        if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
            throw new IllegalArgumentException("position " + source + ":" + line + ":" + column
                    + " is invalid: line and column are both 0 (whole file) or both at least 1");
        }
    }

    /** The position that stands for the whole of {@code source}. */
    public static ConfigPosition wholeFile(String source) {
        return new ConfigPosition(source, 0, 0);
    }

    /** Whether this is the whole file rather than a place in it. */
    public boolean isWholeFile() {
        return line == 0;
    }

    /** {@code line:column}, without the file, for pointing at a second place in one message. */
    public String lineAndColumn() {
        return line + ":" + column;
    }

    @Override
    public String toString() {
        return isWholeFile() ? source : source + ":" + line + ":" + column;
    }
}
