package io.vecta.sdk.api;

/**
 * A message of VPP's binary API, generated from an {@code .api} {@code define}. Its codec
 * carries the name and CRC the message is registered under.
 */
public interface ApiMessage {

    /** The codec of this message's type; the same object as the record's {@code CODEC} constant. */
    MessageCodec<? extends ApiMessage> codec();

    /** The name as the {@code .api} file defines it, e.g. {@code show_version}. */
    default String messageName() {
        return codec().name();
    }

    /** The CRC of the message's layout, as VPP's generator computes it. */
    default int messageCrc() {
        return codec().crc();
    }
}
