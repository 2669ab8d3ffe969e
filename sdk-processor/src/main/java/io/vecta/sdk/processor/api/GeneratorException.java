package io.vecta.sdk.processor.api;

/** An {@code .api} construct the Java generator cannot express, such as two definitions that map to one class name. */
public final class GeneratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GeneratorException(String message) {
        super(message);
    }
}
