package io.vecta.runtime.api.client;

import io.vecta.sdk.api.ApiMessage;
import java.util.Optional;

/**
 * A message the server sent that no call was waiting for: an event, or a reply whose call gave
 * up or was sent with {@link ApiConnection#send}.
 *
 * @param key the {@code name_crc} the server's table gives its id
 * @param message the message decoded, if the client has a codec for {@code key}
 * @param payload the payload as received, message id first
 */
public record ApiEvent(String key, Optional<ApiMessage> message, byte[] payload) {
}
