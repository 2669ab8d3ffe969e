package io.vecta.runtime.config;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigKeys;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code unix { }} section: how the process runs and where its CLI listens.
 * <pre>
 * unix {
 *   nodaemon                        # stay in the foreground
 *   interactive                     # a CLI on stdin/stdout
 *   cli-listen /run/vecta/cli.sock  # or HOST:PORT for TCP; a bare name goes in runtime-dir
 *   cli-prompt "vecta# "
 *   cli-no-banner  nobanner  nocolor
 *   log /var/log/vecta.log
 *   startup-config setup.cli        # CLI commands run at startup; exec is the same key
 *   full-coredump
 *   gid vecta                       # group name or number for the sockets
 *   poll-sleep-usec 100             # sleep between polls of an idle main thread
 *   runtime-dir /run/vecta
 * }
 * </pre>
 *
 * @param nodaemon       stay in the foreground
 * @param interactive    run a CLI on the terminal
 * @param nocolor        no colours in terminal output
 * @param nobanner       no banner on the terminal
 * @param cliListen      where the CLI listens, if anywhere
 * @param cliPrompt      the CLI prompt, if not the default
 * @param cliNoBanner    no banner for CLI sessions
 * @param log            the log file, if any
 * @param startupConfig  a file of CLI commands to run at startup, if any
 * @param fullCoredump   dump all memory, not just the default parts, on a crash
 * @param gid            the group (name or number) sockets belong to, if given
 * @param pollSleepUsec  microseconds the idle main thread sleeps between polls, 0 to 1000000
 * @param runtimeDir     the directory for sockets and other run-time files
 */
public record UnixConfig(boolean nodaemon, boolean interactive, boolean nocolor, boolean nobanner,
        Optional<CliEndpoint> cliListen, Optional<String> cliPrompt, boolean cliNoBanner, Optional<Path> log,
        Optional<Path> startupConfig, boolean fullCoredump, Optional<String> gid, int pollSleepUsec,
        Path runtimeDir) {

    /** The section's name. */
    public static final String SECTION = "unix";

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .flag("nodaemon")
            .flag("interactive")
            .flag("nocolor")
            .flag("nobanner")
            .value("cli-listen", "PATH|HOST:PORT")
            .value("cli-prompt", "TEXT")
            .flag("cli-no-banner")
            .value("log", "FILE")
            .value("startup-config", "FILE")
            .value("exec", "FILE")
            .flag("full-coredump")
            .value("gid", "NAME|NUMBER")
            .value("poll-sleep-usec", "N")
            .value("runtime-dir", "DIR")
            .build();

    /** The longest sleep between polls, one second. */
    public static final int MAX_POLL_SLEEP_USEC = 1_000_000;

    /**
     * Reads the section.
     *
     * @param defaultRuntimeDir the runtime directory if the section does not set one
     */
    public static UnixConfig from(ConfigBlock unix, RuntimeDirectory defaultRuntimeDir) {
        Path runtimeDir = unix.value("runtime-dir").map(Path::of).orElse(defaultRuntimeDir.path());
        Optional<CliEndpoint> cliListen = unix.item("cli-listen").map(item -> {
            var word = item.value().orElseThrow();
            return CliListen.parse(word.text(), runtimeDir).orElseThrow(() -> unix.expected(word, "cli-listen",
                    "a PATH or HOST:PORT with a port from 1 to 65535"));
        });
        // startup-config and exec set one file in VPP; the later of the two wins
        Optional<Path> startupConfig = unix.items().stream()
                .filter(item -> item.key().equals("startup-config") || item.key().equals("exec"))
                .reduce((first, second) -> second)
                .map(item -> Path.of(item.value().orElseThrow().text()));
        return new UnixConfig(
                unix.flag("nodaemon"),
                unix.flag("interactive"),
                unix.flag("nocolor"),
                unix.flag("nobanner"),
                cliListen,
                unix.value("cli-prompt"),
                unix.flag("cli-no-banner"),
                unix.value("log").map(Path::of),
                startupConfig,
                unix.flag("full-coredump"),
                unix.value("gid", UnixConfig::isGroup, "a group NAME or NUMBER"),
                unix.intValue("poll-sleep-usec", 0, MAX_POLL_SLEEP_USEC).orElse(0),
                runtimeDir);
    }

    /** A decimal group id, or a name as useradd accepts it. */
    private static boolean isGroup(String text) {
        return text.matches("[0-9]{1,10}") && Long.parseLong(text) <= Integer.MAX_VALUE
                || text.matches("[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?");
    }
}
