package io.vecta.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a Vecta instance keeps its sockets (CLI, binary API, stats) when the configuration does
 * not say: VPP uses {@code /run/vpp}, which needs root; Vecta uses a directory the user owns,
 * {@code $XDG_RUNTIME_DIR/vecta} (the per-user tmpfs that systemd provides, e.g.
 * {@code /run/user/1000/vecta}), or {@code /tmp/vecta-$USER} where that variable is not set.
 *
 * <p>This only computes the path; whoever opens the first socket creates the directory.
 *
 * @param path the directory
 */
public record RuntimeDirectory(Path path) {

    /** The name of the directory under {@code $XDG_RUNTIME_DIR}. */
    public static final String NAME = "vecta";

    /** Checks the path. */
    public RuntimeDirectory {
        Objects.requireNonNull(path, "path");
    }

    /** The directory for this process's user and environment. */
    public static RuntimeDirectory fromEnvironment() {
        return of(System.getenv(), System.getProperty("user.name", "unknown"));
    }

    /**
     * The directory for an environment: {@code XDG_RUNTIME_DIR/vecta} if that variable holds an
     * absolute path, else {@code /tmp/vecta-USER} with {@code USER} from the environment or,
     * failing that, {@code userName}.
     */
    public static RuntimeDirectory of(Map<String, String> environment, String userName) {
        String xdg = environment.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new RuntimeDirectory(Path.of(xdg, NAME));
        }
        String user = environment.get("USER");
        if (user == null || user.isBlank()) {
            user = userName;
        }
        // a user name never holds a slash, but one from the environment must not climb out of /tmp
        return new RuntimeDirectory(Path.of("/tmp", NAME + "-" + user.replace('/', '_')));
    }

    /**
     * A file of this directory, or {@code name} itself if absolute: VPP's rule for socket names,
     * which are relative to the runtime directory.
     */
    public Path resolve(String name) {
        return path.resolve(name);
    }
}
