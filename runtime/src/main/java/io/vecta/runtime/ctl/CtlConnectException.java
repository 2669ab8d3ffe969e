package io.vecta.runtime.ctl;

/**
 * The runtime's CLI cannot be reached, or stopped answering. The message names the socket
 * and, when it can tell, whether the runtime is running.
 */
public final class CtlConnectException extends Exception {

    CtlConnectException(String message) {
        super(message);
    }

    CtlConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
