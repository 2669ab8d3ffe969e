package io.vecta.runtime.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One message of a module's {@code .api} file, as the message table knows it: its name, the CRC
 * vppapigen computes for it, and, for the requests the server answers, its handler.
 *
 * @param name          the message name, e.g. {@code show_version}
 * @param crc           its CRC over the definition, as in {@code show_version_51077d14}
 * @param fixedBytes    the payload bytes its fixed part needs, id included; a shorter request is
 *                      dropped and counted, as VPP drops it
 * @param contextOffset where the request's {@code context} sits, or {@link #NO_CONTEXT}:
 *                      {@link ApiFrame#REQUEST_CONTEXT_OFFSET} for ordinary requests
 * @param mpSafe        whether the handler may run while workers dispatch (VPP's
 *                      {@code is_mp_safe}); otherwise the workers are stopped at the barrier
 * @param handler       what answers it, if the server receives it
 */
public record ApiMessage(String name, int crc, int fixedBytes, int contextOffset, boolean mpSafe,
                         Optional<ApiHandler> handler) {

    /** {@link #contextOffset} of a message without a context field. */
    public static final int NO_CONTEXT = -1;

    /** The longest {@code name_crc} the handshake's 64-byte name field carries with its NUL. */
    public static final int MAX_KEY_CHARS = 63;

    /** Checks the parts. */
    public ApiMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("api message '" + name + "': a name is lowercase letters, digits and _");
        }
        if (fixedBytes < ApiFrame.MSG_ID_BYTES) {
            throw new IllegalArgumentException("api message '" + name + "': fixed part of " + fixedBytes
                    + " bytes cannot hold the message id");
        }
        if (contextOffset != NO_CONTEXT && (contextOffset < ApiFrame.MSG_ID_BYTES || contextOffset + 4 > fixedBytes)) {
            throw new IllegalArgumentException("api message '" + name + "': context at offset " + contextOffset
                    + " is outside its fixed part of " + fixedBytes + " bytes");
        }
        if (key(name, crc).length() > MAX_KEY_CHARS) {
            throw new IllegalArgumentException("api message '" + name + "': its key " + key(name, crc) + " is longer"
                    + " than the " + MAX_KEY_CHARS + " characters the message table's name field holds");
        }
    }

    /**
     * A request the server answers, laid out as most are ({@code u16 id, u32 client_index,
     * u32 context, ...}), run at the barrier.
     */
    public static ApiMessage request(String name, int crc, int fixedBytes, ApiHandler handler) {
        return new ApiMessage(name, crc, fixedBytes, ApiFrame.REQUEST_CONTEXT_OFFSET, false,
                Optional.of(handler));
    }

    /** A message the server only sends (a reply, details, an event) or does not handle. */
    public static ApiMessage sent(String name, int crc) {
        return new ApiMessage(name, crc, ApiFrame.MSG_ID_BYTES, NO_CONTEXT, true, Optional.empty());
    }

    /** This message with its handler marked safe to run while workers dispatch. */
    public ApiMessage asMpSafe() {
        return new ApiMessage(name, crc, fixedBytes, contextOffset, true, handler);
    }

    /** The message table's key: {@code name_crc}, the CRC as 8 lowercase hex digits. */
    public String key() {
        return key(name, crc);
    }

    /** {@code name + "_" + crc} as 8 lowercase hex digits. */
    public static String key(String name, int crc) {
        return name + "_" + String.format("%08x", crc);
    }
}
