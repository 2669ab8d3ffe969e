package io.vecta.runtime.cli.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI socket is when nobody says: {@code $XDG_RUNTIME_DIR/vecta/cli.sock} when the
 * session has a runtime directory (systemd sets it, per user and private), else
 * {@code /tmp/vecta-$USER/cli.sock}. The runtime listens there and {@code vectactl} connects
 * there unless given {@code -s}.
 */
public final class DefaultSockets {

    /** The file name of the CLI socket in the runtime directory. */
    public static final String CLI_SOCKET_NAME = "cli.sock";

    private DefaultSockets() {
    }

    /** The default CLI socket for this process's environment and user. */
    public static Path cliSocket() {
        return cliSocket(System.getenv(), System.getProperty("user.name"));
    }

    /**
     * The default CLI socket for {@code environment}; {@code userName} stands in for a missing
     * {@code USER}.
     */
    public static Path cliSocket(Map<String, String> environment, String userName) {
        return runtimeDirectory(environment, userName).resolve(CLI_SOCKET_NAME);
    }

    private static Path runtimeDirectory(Map<String, String> environment, String userName) {
        String xdg = environment.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "vecta");
        }
        String user = environment.get("USER");
        if (user == null || user.isBlank()) {
            user = userName;
        }
        return Path.of("/tmp", "vecta-" + user);
    }
}
