package io.vecta.sdk.api;

/**
 * A message could not be encoded or decoded: a payload too short or too long, a count larger
 * than the bytes that follow, an unknown enum value, a value out of its field's range, or a JSON
 * document of the wrong shape. The text starts with the message name and the field,
 * e.g. {@code show_version_reply: field 'version' needs 32 bytes at offset 42, payload ends at 50}.
 */
public final class ApiCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageName;
    private final String field;

    public ApiCodecException(String messageName, String field, String problem) {
        super(messageName + ": field '" + field + "' " + problem);
        this.messageName = messageName;
        this.field = field;
    }

    /** The message (or, for a type encoded on its own, the type) being encoded or decoded. */
    public String messageName() {
        return messageName;
    }

    /** The field at fault; fields of a typedef are written {@code typedef.field}. */
    public String field() {
        return field;
    }
}
