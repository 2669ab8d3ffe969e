package io.vecta.runtime.api.client;

/** A reply (or the end of a dump) that did not come within the connection's timeout. */
public final class ApiTimeoutException extends ApiClientException {

    public ApiTimeoutException(String message) {
        super(message);
    }
}
