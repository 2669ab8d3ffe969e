package io.vecta.runtime.api;

/**
 * A client broke the framing so that its byte stream cannot be followed any further (a length
 * beyond the limit, a stream that ended inside a frame): the connection is closed and counted.
 */
public final class ApiProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With the message that names the limit or the state the stream was in. */
    public ApiProtocolException(String message) {
        super(message);
    }
}
