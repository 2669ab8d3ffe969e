package io.vecta.runtime.cli;

import io.vecta.sdk.cli.CliContext;
import java.util.Optional;

/**
 * The context of a command run by a {@link CliShell}: the runtime's services, and the shell and
 * its tree for the built-in commands that list or run commands themselves.
 */
final class ShellContext implements CliContext {

    private final CliShell shell;
    private final CliServices services;

    ShellContext(CliShell shell, CliServices services) {
        this.shell = shell;
        this.services = services;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        if (type == CliShell.class) {
            return Optional.of(type.cast(shell));
        }
        if (type == CommandTree.class) {
            return Optional.of(type.cast(shell.tree()));
        }
        return services.find(type);
    }

    @Override
    public boolean interactive() {
        return shell.interactive();
    }
}
