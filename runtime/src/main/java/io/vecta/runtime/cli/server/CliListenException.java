package io.vecta.runtime.cli.server;

/**
 * An endpoint the CLI cannot listen on. The message starts with {@code cli-listen ENDPOINT:},
 * as the startup.conf line that asked for it, and says why: the path is in use by a live
 * runtime, a directory cannot be made, the OS refused (with its reason), the address is not
 * loopback, the socket cannot be given to the configured group.
 */
public final class CliListenException extends IllegalStateException {

    CliListenException(CliEndpoint endpoint, String reason) {
        super("cli-listen " + endpoint + ": " + reason);
    }

    /** The endpoint {@code endpoint} cannot be served as configured, because of {@code cause}. */
    public CliListenException(CliEndpoint endpoint, String reason, Throwable cause) {
        super("cli-listen " + endpoint + ": " + reason, cause);
    }
}
