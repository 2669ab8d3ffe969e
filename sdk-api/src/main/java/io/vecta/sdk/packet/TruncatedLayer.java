package io.vecta.sdk.packet;

import java.util.List;

/**
 * The marker that ends a packet whose bytes stop before its headers or length fields say it
 * should: the decode went as far as the bytes did.
 *
 * @param what    what did not fit: {@code "TCP header"}, {@code "IPv4 datagram"}, ...
 * @param needed  the bytes it needs
 * @param present the bytes that were there
 */
public record TruncatedLayer(String what, int needed, int present) implements Layer {

    @Override
    public String title() {
        return "Truncated";
    }

    @Override
    public String summary() {
        return "Truncated " + what + " " + present + "/" + needed;
    }

    @Override
    public List<Field> fields() {
        return List.of(new Field("what", what), new Field("needed", needed + " bytes"),
                new Field("present", present + " bytes"));
    }

    @Override
    public boolean isValid() {
        return false;
    }
}
