package io.vecta.api.compiler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A load found errors. Syntax stops at the first error; the checks after parsing report every
 * error they find, one {@code file:line:column: message} per line.
 */
public final class ApiCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public ApiCompileException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The errors in the order they were found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
