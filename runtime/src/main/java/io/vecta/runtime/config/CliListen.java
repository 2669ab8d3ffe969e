package io.vecta.runtime.config;

import io.vecta.runtime.cli.server.CliEndpoint;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the CLI listens ({@code unix { cli-listen ... }}), read with VPP's rules for socket
 * names: {@code unix:PATH} or a name starting with {@code /} is a unix socket;
 * {@code tcp:HOST:PORT} or {@code HOST:PORT} is a TCP socket ({@code :5002} listens on
 * localhost); any other name is a unix socket in the runtime directory.
 */
final class CliListen {

    private CliListen() {
    }

    static Optional<CliEndpoint> parse(String text, Path runtimeDirectory) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.startsWith("unix:")) {
            String path = text.substring("unix:".length());
            return path.isEmpty() ? Optional.empty()
                    : Optional.of(new CliEndpoint.UnixSocket(runtimeDirectory.resolve(path)));
        }
        if (text.startsWith("/")) {
            return Optional.of(new CliEndpoint.UnixSocket(Path.of(text)));
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
            return Optional.of(new CliEndpoint.Tcp(host.isEmpty() ? "localhost" : host, Integer.parseInt(port)));
        }
        return explicitTcp ? Optional.empty() : Optional.of(new CliEndpoint.UnixSocket(runtimeDirectory.resolve(text)));
    }
}
