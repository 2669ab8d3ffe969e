package io.vecta.runtime.api.client;

/**
 * A message the client may not use with this server: the server's table lacks its name, or has
 * it under another CRC (another layout). Raised before anything is sent.
 */
public final class ApiMismatchException extends ApiClientException {

    public ApiMismatchException(String message) {
        super(message);
    }
}
