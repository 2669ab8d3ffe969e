package io.vecta.runtime.socket;

/** A socket path that cannot be listened on; the message says why, as the OS words it. */
public final class SocketFileException extends RuntimeException {

    /** With the reason and the OS error behind it, if any. */
    public SocketFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
