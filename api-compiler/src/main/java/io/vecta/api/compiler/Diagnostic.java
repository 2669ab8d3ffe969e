package io.vecta.api.compiler;

import io.vecta.api.compiler.model.SourcePosition;

/** One error in a {@code .api} file; prints as {@code file:line:column: message}. */
public record Diagnostic(SourcePosition position, String message) {

    @Override
    public String toString() {
        return position + ": " + message;
    }
}
