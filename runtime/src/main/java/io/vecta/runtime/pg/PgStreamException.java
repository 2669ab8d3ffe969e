package io.vecta.runtime.pg;

/**
 * A stream that cannot be created: a syntax error ({@code line 1, column 12: expected ...}) or
 * a value that makes no sense ({@code size: 128-64 is inverted}), its message naming where
 * or which field.
 */
public final class PgStreamException extends RuntimeException {

    /** A stream refused for the reason {@code message}. */
    public PgStreamException(String message) {
        super(message);
    }
}
