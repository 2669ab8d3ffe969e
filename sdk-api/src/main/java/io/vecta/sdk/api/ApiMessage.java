package io.vecta.sdk.api;

/**
 * A message of VPP's binary API, generated from an {@code .api} {@code define}. Its codec
 * carries the name and CRC the message is registered under.
 */
public interface ApiMessage {

    /** The codec of this message's type; the same object as the record's {@code CODEC} constant. */
    MessageCodec<? extends ApiMessage> codec();
}
