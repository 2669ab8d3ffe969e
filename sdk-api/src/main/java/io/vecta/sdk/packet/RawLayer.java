package io.vecta.sdk.packet;

import java.util.List;

/**
 * The bytes after the last decoded header, up to where the innermost length field says the
 * packet ends (or the frame ends, when nothing says).
 *
 * @param bytes the payload
 */
public record RawLayer(Bytes bytes) implements Layer {

    @Override
    public String title() {
        return "Raw";
    }

    @Override
    public String summary() {
        return "Raw " + bytes.length();
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("load", LayerText.bytes(bytes)));
    }

    @Override
    public boolean isValid() {
        return true;
    }
}
