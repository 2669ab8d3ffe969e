package io.vecta.runtime.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the CLI listens ({@code unix { cli-listen ... }}), read with VPP's rules for socket
 * names: {@code unix:PATH} or a name starting with {@code /} is a unix socket;
 * {@code tcp:HOST:PORT} or {@code HOST:PORT} is a TCP socket ({@code :5002} listens on
 * localhost); any other name is a unix socket in the runtime directory.
 */
public sealed interface CliListen {

    /** A unix-domain socket at {@code path}. */
    record UnixSocket(Path path) implements CliListen {

        /** Checks the path. */
        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A TCP socket on {@code host}, port {@code port}. */
    record TcpSocket(String host, int port) implements CliListen {

        /** Checks the host and that the port is 1 to 65535. */
        public TcpSocket {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
            }
        }
    }

    /**
     * The socket {@code text} names, or empty if it is neither a path nor {@code HOST:PORT} with
     * a port from 1 to 65535.
     *
     * @param runtimeDirectory where relative names go
     */
    static Optional<CliListen> parse(String text, Path runtimeDirectory) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.startsWith("unix:")) {
            String path = text.substring("unix:".length());
            return path.isEmpty() ? Optional.empty() : Optional.of(new UnixSocket(runtimeDirectory.resolve(path)));
        }
        if (text.startsWith("/")) {
            return Optional.of(new UnixSocket(Path.of(text)));
        }
        boolean explicitTcp = text.startsWith("tcp:");
        String address = explicitTcp ? text.substring("tcp:".length()) : text;
        int colon = address.lastIndexOf(':');
        if (colon >= 0) {
            String host = address.substring(0, colon);
            String port = address.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return Optional.empty();
            }
            return Optional.of(new TcpSocket(host.isEmpty() ? "localhost" : host, Integer.parseInt(port)));
        }
        return explicitTcp ? Optional.empty() : Optional.of(new UnixSocket(runtimeDirectory.resolve(text)));
    }
}
