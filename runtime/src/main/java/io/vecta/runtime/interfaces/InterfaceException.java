package io.vecta.runtime.interfaces;

/** A change to the interface table that cannot be made; the message says what and why. */
public final class InterfaceException extends RuntimeException {

    /** With a message naming the interface and what is wrong. */
    public InterfaceException(String message) {
        super(message);
    }

    /** With a message naming the interface and what is wrong, and the failure underneath. */
    public InterfaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
