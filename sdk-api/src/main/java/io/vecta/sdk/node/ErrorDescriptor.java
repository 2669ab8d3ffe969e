package io.vecta.sdk.node;

import io.vecta.sdk.annotation.Severity;
import java.util.Objects;

/**
 * One error counter of a node: its code (the enum constant's ordinal), name, description
 * and severity, as {@code show errors} prints them.
 */
public record ErrorDescriptor(int code, String name, String description, Severity severity) {

    /** Checks the fields. */
    public ErrorDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        if (code < 0 || code >= Outcome.MAX_ERRORS) {
            throw new IllegalArgumentException("error '" + name + "': code " + code + " is outside 0 to "
                    + (Outcome.MAX_ERRORS - 1));
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("error '" + name + "' has no description");
        }
    }
}
