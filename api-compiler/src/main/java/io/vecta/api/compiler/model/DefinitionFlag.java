package io.vecta.api.compiler.model;

/**
 * Words written before {@code define}, {@code typedef} or {@code union}. Only {@link #AUTOREPLY}
 * changes the message set (it adds {@code <name>_reply}); the others steer code generation and
 * tracing. None of them changes a CRC.
 */
public enum DefinitionFlag {
    MANUAL_PRINT("manual_print"),
    MANUAL_ENDIAN("manual_endian"),
    DONT_TRACE("dont_trace"),
    TYPEONLY("typeonly"),
    AUTOENDIAN("autoendian"),
    AUTOREPLY("autoreply");

    private final String keyword;

    DefinitionFlag(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
