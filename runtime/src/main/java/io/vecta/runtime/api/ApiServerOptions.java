package io.vecta.runtime.api;

/**
 * Limits that keep one client from hurting the others or the runtime.
 *
 * @param maxFrameBytes  the largest payload a client may announce; a larger length is taken
 *                       for garbage and the connection is closed
 * @param maxQueuedBytes bytes that may wait for a client that does not read; past this it is
 *                       cut off, so the main thread never waits for a client
 */
public record ApiServerOptions(int maxFrameBytes, long maxQueuedBytes) {

    /** 64 MiB frames and 64 MiB of queued replies per client. */
    public static final ApiServerOptions DEFAULTS = new ApiServerOptions(64 << 20, 64L << 20);

    /** Checks the limits. */
    public ApiServerOptions {
        if (maxFrameBytes < ApiFrame.MSG_ID_BYTES) {
            throw new IllegalArgumentException("api server: frame limit of " + maxFrameBytes
                    + " bytes cannot hold a message id");
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("api server: output limit of " + maxQueuedBytes + " bytes");
        }
    }

    /** These options with another per-client output limit. */
    public ApiServerOptions withMaxQueuedBytes(long bytes) {
        return new ApiServerOptions(maxFrameBytes, bytes);
    }

    /** These options with another frame limit. */
    public ApiServerOptions withMaxFrameBytes(int bytes) {
        return new ApiServerOptions(bytes, maxQueuedBytes);
    }
}
