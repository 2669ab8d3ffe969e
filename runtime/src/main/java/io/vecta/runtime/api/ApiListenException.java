package io.vecta.runtime.api;

import java.nio.file.Path;

/** The API socket cannot be served; the message names the path and the reason. */
public final class ApiListenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code socksvr socket-name PATH: reason}. */
    public ApiListenException(Path socket, String reason, Throwable cause) {
        super("socksvr socket-name " + socket + ": " + reason, cause);
    }
}
