package io.vecta.runtime.l2;

/** A bridge-domain, L2 mode or L2 FIB change that cannot be made; the message says why. */
public final class L2Exception extends RuntimeException {

    /** An exception with {@code message}. */
    public L2Exception(String message) {
        super(message);
    }
}
