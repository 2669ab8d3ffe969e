package io.vecta.runtime.cli.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CLI is served: a unix socket path, or a TCP {@code host:port}. One spelling for
 * both sides, as in VPP: {@code unix { cli-listen ... }} and {@code vectactl -s ...} take the
 * same text.
 *
 * <ul>
 *   <li>{@code host:port} with a decimal port is TCP: {@code localhost:5002},
 *       {@code 127.0.0.1:5002}, {@code [::1]:5002}. Port 0 asks the server for any free
 *       port.</li>
 *   <li>Anything else is a unix socket path: {@code /run/vecta/cli.sock},
 *       {@code ./cli.sock}.</li>
 * </ul>
 */
public sealed interface CliEndpoint permits CliEndpoint.UnixSocket, CliEndpoint.Tcp {

    /** The largest TCP port. */
    int MAX_PORT = 65535;

    /** A unix socket at {@code path}. */
    record UnixSocket(Path path) implements CliEndpoint {

        /** Checks the path. */
        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A TCP socket at {@code host:port}; {@code host} is a name or an address, without brackets. */
    record Tcp(String host, int port) implements CliEndpoint {

        /** Checks the host and port. */
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (host.isEmpty()) {
                throw new IllegalArgumentException("CLI endpoint: empty host before ':" + port + "'");
            }
            if (port < 0 || port > MAX_PORT) {
                throw new IllegalArgumentException(
                        "CLI endpoint " + host + ":" + port + ": port out of range 0.." + MAX_PORT);
            }
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Reads {@code text} as {@code host:port} when it has that shape, else as a socket path. */
    static CliEndpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("CLI endpoint: empty; give a socket path or host:port");
        }
        // host:port, the host possibly an IPv6 address in brackets
        Matcher hostPort = Pattern.compile("(?:\\[([0-9A-Za-z:.%]+)]|([^:/\\[\\]]+)):([0-9]{1,6})").matcher(text);
        if (hostPort.matches()) {
            String host = hostPort.group(1) != null ? hostPort.group(1) : hostPort.group(2);
            return new Tcp(host, Integer.parseInt(hostPort.group(3)));
        }
        return new UnixSocket(Path.of(text));
    }
}
