package io.vecta.sdk.packet;

import java.util.List;

/**
 * Bytes of the frame after the end of the packet it carries, such as the zeros that pad a
 * short frame to Ethernet's 60-byte minimum.
 *
 * @param bytes the padding
 */
public record PaddingLayer(Bytes bytes) implements Layer {

    @Override
    public String title() {
        return "Padding";
    }

    @Override
    public String summary() {
        return "Padding " + bytes.length();
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
