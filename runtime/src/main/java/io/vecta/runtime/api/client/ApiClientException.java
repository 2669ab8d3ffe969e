package io.vecta.runtime.api.client;

/**
 * What went wrong between an {@link ApiConnection} and the runtime: no runtime at the socket,
 * the connection lost, a message the server does not have (or has under another CRC), a reply
 * that did not come in time or was not the one expected. The message says which.
 */
public class ApiClientException extends RuntimeException {

    public ApiClientException(String message) {
        super(message);
    }

    public ApiClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
