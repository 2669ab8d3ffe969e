package io.vecta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import java.nio.file.Path;

/**
 * A runtime started for a test from startup.conf text, and a CLI shell into it: {@link #run}
 * expects a command to succeed, {@link #fail} expects it to fail, each returning what it
 * printed. The test turns the main thread's loop itself.
 */
public final class CliRuntime implements AutoCloseable {

    /** The configuration of {@link #CliRuntime(Path)}: 4K pages, 4096 buffers. */
    public static final String SMALL_BUFFERS = "buffers { page-size 4k buffers-per-numa 4096 }";

    private final VectaRuntime runtime;
    private final CliShell cli;

    /** Starts a runtime on {@link #SMALL_BUFFERS} whose runtime directory is {@code runtimeDir}. */
    public CliRuntime(Path runtimeDir) {
        this(runtimeDir, SMALL_BUFFERS);
    }

    /** Starts a runtime from startup.conf text {@code config}, its runtime directory {@code runtimeDir}. */
    public CliRuntime(Path runtimeDir, String config) {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(runtimeDir)).parse("test.conf", config));
        cli = runtime.newShell(false);
    }

    /** The runtime. */
    public VectaRuntime runtime() {
        return runtime;
    }

    /** Runs {@code line}, which must succeed, and returns its output. */
    public String run(String line) {
        CommandOutcome outcome = cli.run(line);
        assertThat(outcome.failed()).as("'%s' failed: %s", line, outcome.output()).isFalse();
        return outcome.output();
    }

    /** Runs {@code line}, which must fail, and returns its output. */
    public String fail(String line) {
        CommandOutcome outcome = cli.run(line);
        assertThat(outcome.failed()).as("'%s' should fail", line).isTrue();
        return outcome.output();
    }

    /** Vectors node {@code name} has processed on the main thread. */
    public long vectors(String name) {
        return runtime.mainThread().node(name).vectors();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
