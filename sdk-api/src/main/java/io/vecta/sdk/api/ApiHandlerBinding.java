package io.vecta.sdk.api;

import java.util.Objects;

/**
 * One request message bound to what answers it: what a generated {@code <Class>_ApiHandlers}
 * class gives per {@code @ApiHandler} method, and what a server registers under the request's
 * {@code name_crc}.
 *
 * @param request the request's codec: its name, CRC and shortest payload
 * @param mpSafe  whether the handler may run while workers dispatch packets; otherwise they
 *                are stopped at the barrier around it
 * @param handler decodes, acts and answers
 */
public record ApiHandlerBinding(MessageCodec<?> request, boolean mpSafe, ApiRequestHandler handler) {

    /** Checks the parts. */
    public ApiHandlerBinding {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
    }
}
