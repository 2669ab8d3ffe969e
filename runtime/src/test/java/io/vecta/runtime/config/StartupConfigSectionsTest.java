package io.vecta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.log.LogLevel;
import io.vecta.sdk.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each section the runtime implements: a good file read into its record, and bad values named exactly. */
class StartupConfigSectionsTest {

    private static final Path RUN = Path.of("/run/user/1000/vecta");
    private final StartupConfigParser parser = new StartupConfigParser(new RuntimeDirectory(RUN));

    private StartupConfig parse(String text) {
        return parser.parse("startup.conf", text);
    }

    @Test
    void shouldReadEveryUnixKey() {
        UnixConfig unix = parse("""
                unix {
                  nodaemon
                  interactive
                  nocolor
                  nobanner
                  cli-listen localhost:5002
                  cli-prompt vecta#
                  cli-no-banner
                  log /var/log/vecta.log
                  startup-config /etc/vecta/setup.cli
                  full-coredump
                  gid 1001
                  poll-sleep-usec 100
                  runtime-dir /run/vecta
                }
                """).unix();

        assertThat(unix).isEqualTo(new UnixConfig(true, true, true, true,
                Optional.of(new CliEndpoint.Tcp("localhost", 5002)), Optional.of("vecta"), true,
                Optional.of(Path.of("/var/log/vecta.log")), Optional.of(Path.of("/etc/vecta/setup.cli")), true,
                Optional.of("1001"), 100, Path.of("/run/vecta")));
    }

    @Test
    void shouldDefaultUnixToTheForegroundOfNothingInTheRuntimeDirectory() {
        UnixConfig unix = parse("").unix();

        assertThat(unix).isEqualTo(new UnixConfig(false, false, false, false, Optional.empty(), Optional.empty(),
                false, Optional.empty(), Optional.empty(), false, Optional.empty(), 0, RUN));
    }

    @Test
    void shouldReadCliListenAsVppReadsSocketNames() {
        Map<String, CliEndpoint> expected = Map.of(
                "/run/vecta/cli.sock", new CliEndpoint.UnixSocket(Path.of("/run/vecta/cli.sock")),
                "cli.sock", new CliEndpoint.UnixSocket(RUN.resolve("cli.sock")),
                "unix:cli.sock", new CliEndpoint.UnixSocket(RUN.resolve("cli.sock")),
                "127.0.0.1:5002", new CliEndpoint.Tcp("127.0.0.1", 5002),
                ":5002", new CliEndpoint.Tcp("localhost", 5002),
                "tcp:vecta.example:65535", new CliEndpoint.Tcp("vecta.example", 65535));
        expected.forEach((text, socket) -> assertThat(parse("unix { cli-listen " + text + " }").unix().cliListen())
                .as(text).contains(socket));
        for (String bad : List.of("localhost:0", "localhost:65536", "tcp:vecta.example", "host:port", "unix:")) {
            assertThatThrownBy(() -> parse("unix { cli-listen " + bad + " }")).as(bad)
                    .hasMessage("startup.conf:1:19: unix: cli-listen expects a PATH or HOST:PORT with a port from 1"
                            + " to 65535, got '" + bad + "'");
        }
    }

    @Test
    void shouldLetTheLaterOfExecAndStartupConfigWin() {
        assertThat(parse("unix { startup-config a.cli exec b.cli }").unix().startupConfig()).contains(Path.of("b.cli"));
        assertThat(parse("unix { exec b.cli startup-config a.cli }").unix().startupConfig()).contains(Path.of("a.cli"));
    }

    @Test
    void shouldNameTheBadUnixValue() {
        assertThatThrownBy(() -> parse("unix { gid \"my group\" }"))
                .hasMessage("startup.conf:1:12: unix: gid expects a group NAME or NUMBER, got 'my group'");
        assertThatThrownBy(() -> parse("unix {\n  poll-sleep-usec 2000000\n}"))
                .hasMessage("startup.conf:2:19: unix: poll-sleep-usec expects a number from 0 to 1000000,"
                        + " got '2000000'");
    }

    @Test
    void shouldListTheValidKeysForAnUnknownOne() {
        assertThatThrownBy(() -> parse("unix { nodaemon pidfile /run/vpp.pid }"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("startup.conf:1:17: unix: unknown key 'pidfile'; valid keys: nodaemon, interactive,"
                        + " nocolor, nobanner, cli-listen PATH|HOST:PORT, cli-prompt TEXT, cli-no-banner, log FILE,"
                        + " startup-config FILE, exec FILE, full-coredump, gid NAME|NUMBER, poll-sleep-usec N,"
                        + " runtime-dir DIR");
        assertThatThrownBy(() -> parse("unix { nodeamon }"))
                .hasMessageStartingWith("startup.conf:1:8: unix: unknown key 'nodeamon' (did you mean 'nodaemon'?);");
    }

    @Test
    void shouldReadCpuPlacementByHandAndByCount() {
        assertThat(parse("cpu { main-core 1 corelist-workers 2-5,7,3 }").cpu()).isEqualTo(new CpuConfig(
                OptionalInt.of(1), List.of(2, 3, 4, 5, 7), 5, 0, false, Optional.empty(), OptionalInt.empty()));
        assertThat(parse("cpu { main-core 0 workers 3 skip-cores 2 relative scheduler-policy fifo"
                + " scheduler-priority 50 }").cpu()).isEqualTo(new CpuConfig(
                OptionalInt.of(0), List.of(), 3, 2, true, Optional.of("fifo"), OptionalInt.of(50)));
        assertThat(parse("cpu { workers 2 }").cpu().mainCore()).isEmpty();
    }

    @Test
    void shouldApplyVppsRulesForCpuPlacement() {
        assertThatThrownBy(() -> parse("cpu { corelist-workers 2-3 }"))
                .hasMessage("startup.conf:1:7: cpu: corelist-workers needs main-core");
        assertThatThrownBy(() -> parse("cpu { workers 2 skip-cores 1 }"))
                .hasMessage("startup.conf:1:17: cpu: skip-cores needs main-core");
        assertThatThrownBy(() -> parse("cpu { main-core 1 workers 2 corelist-workers 2-3 }"))
                .hasMessage("startup.conf:1:29: cpu: workers and corelist-workers both set the number of workers;"
                        + " keep one");
        assertThatThrownBy(() -> parse("cpu { main-core 2 corelist-workers 1-3 }"))
                .hasMessage("startup.conf:1:36: cpu: corelist-workers 1-3 includes main-core 2");
        assertThatThrownBy(() -> parse("cpu { scheduler-priority 50 }"))
                .hasMessage("startup.conf:1:7: cpu: scheduler-priority needs scheduler-policy fifo or rr");
        assertThatThrownBy(() -> parse("cpu { main-core 9000 }"))
                .hasMessage("startup.conf:1:17: cpu: main-core expects a number from 0 to 8191, got '9000'");
        for (String bad : List.of("5-2", "2-", "a", "1,,2", "2-3-4", "8192", "-1")) {
            assertThatThrownBy(() -> parse("cpu { main-core 0 corelist-workers " + bad + " }")).as(bad)
                    .hasMessage("startup.conf:1:36: cpu: corelist-workers expects cores and ranges of cores such as"
                            + " 2-5,7, from 0 to 8191, got '" + bad + "'");
        }
    }

    @Test
    void shouldMapBuffersToTheBufferPoolsConfig() {
        assertThat(parse("buffers { buffers-per-numa 128000 default data-size 9216 page-size 4k }").buffers())
                .isEqualTo(new BufferConfig(128000, 9216, BufferPageSize.SIZE_4K));
        assertThat(parse("buffers { page-size default-hugepage }").buffers().pageSize())
                .isEqualTo(BufferPageSize.DEFAULT_HUGEPAGE);
        assertThat(parse("").buffers()).isEqualTo(BufferConfig.defaults());
    }

    @Test
    void shouldNameTheBadBuffersValue() {
        assertThatThrownBy(() -> parse("""
                buffers {
                  buffers-per-numa lots
                }
                """))
                .hasMessage("startup.conf:2:20: buffers: buffers-per-numa expects a number from 1024 to 16777216,"
                        + " got 'lots'");
        assertThatThrownBy(() -> parse("buffers { page-size 1G }"))
                .hasMessage("startup.conf:1:21: buffers: page-size expects one of 4k, 2m, default, default-hugepage,"
                        + " got '1G'");
        assertThatThrownBy(() -> parse("buffers { default data-size 65536 }"))
                .hasMessage("startup.conf:1:29: buffers: default data-size expects a number from 128 to 65535,"
                        + " got '65536'");
        assertThatThrownBy(() -> parse("buffers { default 2048 }"))
                .hasMessageStartingWith("startup.conf:1:11: buffers: unknown key 'default' (did you mean 'default data-size'?);");
        // each value is in range, the pool they make together is not
        assertThatThrownBy(() -> parse("\nbuffers { buffers-per-numa 16777216 default data-size 65535 }"))
                .hasMessageStartingWith("startup.conf:2:1: buffers: buffers-per-numa 16777216 of data-size 65535 need ")
                .hasMessageEndingWith("bytes, more than the 256 GiB that 32-bit buffer indices address");
    }

    @Test
    void shouldReadPluginPathsAndSettingsInBothNameForms() {
        PluginsConfig plugins = parse("""
                plugins {
                  path /opt/vecta/plugins:/usr/lib/vecta/plugins
                  add-path /tmp/more
                  plugin default { disable }
                  plugin sample { enable }
                  plugin acl_plugin.so { disable }
                  plugin nat_plugin.so { }
                }
                """).plugins();

        assertThat(plugins.path()).containsExactly(Path.of("/opt/vecta/plugins"), Path.of("/usr/lib/vecta/plugins"),
                Path.of("/tmp/more"));
        assertThat(plugins.defaultDisabled()).isTrue();
        assertThat(plugins.settings()).containsExactly(Map.entry("sample", true), Map.entry("acl", false));
        assertThat(plugins.isEnabled("sample", false)).isTrue();
        assertThat(plugins.isEnabled("acl", true)).isFalse();
        assertThat(plugins.isEnabled("nat", true)).isFalse();
        assertThat(PluginsConfig.pluginName("_plugin.so")).isEqualTo("_plugin.so");
    }

    @Test
    void shouldLoadPluginsByTheirOwnDefaultWithoutPluginDefault() {
        PluginsConfig plugins = parse("plugins { plugin acl { disable } }").plugins();

        assertThat(plugins.path()).isEmpty();
        assertThat(plugins.isEnabled("sample", true)).isTrue();
        assertThat(plugins.isEnabled("sample", false)).isFalse();
        assertThat(plugins.isEnabled("acl", true)).isFalse();
        assertThat(plugins.setting("acl")).contains(false);
    }

    @Test
    void shouldRefuseAPluginConfiguredTwiceOrBothWays() {
        assertThatThrownBy(() -> parse("""
                plugins {
                  plugin sample { enable }
                  plugin sample_plugin.so { disable }
                }
                """))
                .hasMessage("startup.conf:3:3: plugins: plugin 'sample' is configured twice (first at 2:3)");
        assertThatThrownBy(() -> parse("plugins { plugin sample { enable disable } }"))
                .hasMessage("startup.conf:1:11: plugins plugin sample: give either enable or disable");
        assertThatThrownBy(() -> parse("plugins { plugin sample { skip-version-check } }"))
                .hasMessage("startup.conf:1:27: plugins plugin sample: unknown key 'skip-version-check';"
                        + " valid keys: enable, disable");
    }

    @Test
    void shouldReadStatsegAndPutItsSocketInTheRuntimeDirectory() {
        assertThat(parse("statseg { socket-name /run/vecta/stats.sock size 64M page-size 2m per-node-counters on"
                + " update-interval 0.5 }").statseg())
                .isEqualTo(new StatsegConfig(Path.of("/run/vecta/stats.sock"), 64L << 20, "2m", true, 0.5));
        assertThat(parse("statseg { default }").statseg())
                .isEqualTo(new StatsegConfig(RUN.resolve("stats.sock"), 32L << 20, "4k", false, 10.0));
        assertThat(parse("unix { runtime-dir /srv/v } statseg { socket-name s.sock }").statseg().socketName())
                .isEqualTo(Path.of("/srv/v/s.sock"));
        assertThatThrownBy(() -> parse("statseg { size 32mb }"))
                .hasMessage("startup.conf:1:16: statseg: size expects a size from 1M to 64G (a number with an"
                        + " optional K, M or G), got '32mb'");
        assertThatThrownBy(() -> parse("statseg { per-node-counters maybe }"))
                .hasMessage("startup.conf:1:29: statseg: per-node-counters expects on or off, got 'maybe'");
    }

    @Test
    void shouldReadSocksvrWithVppsDefaultKeyword() {
        assertThat(parse("socksvr { default }").socksvr()).isEqualTo(new SocksvrConfig(RUN.resolve("api.sock")));
        assertThat(parse("socksvr { socket-name /run/vecta/api.sock }").socksvr().socketName())
                .isEqualTo(Path.of("/run/vecta/api.sock"));
        assertThat(parse("unix { runtime-dir /srv/v } socksvr { }").socksvr().socketName())
                .isEqualTo(Path.of("/srv/v/api.sock"));
    }

    @Test
    void shouldReadApiTrace() {
        assertThat(parse("api-trace { on nitems 1024 save-api-table api.table }").apiTrace())
                .isEqualTo(new ApiTraceConfig(true, 1024, Optional.of("api.table")));
        assertThat(parse("api-trace { enable }").apiTrace().on()).isTrue();
        assertThat(parse("").apiTrace()).isEqualTo(new ApiTraceConfig(false, 262144, Optional.empty()));
        assertThatThrownBy(() -> parse("api-trace { save-api-table /etc/passwd }"))
                .hasMessage("startup.conf:1:28: api-trace: save-api-table expects a FILE name without '/' (it is"
                        + " written in /tmp), got '/etc/passwd'");
    }

    @Test
    void shouldReadLoggingLevelsAndClasses() {
        LoggingConfig logging = parse("""
                logging {
                  size 1024
                  default-log-level debug
                  default-syslog-log-level info
                  class dpdk/cryptodev { rate-limit 100 level debug syslog-level error }
                  class ip4 { level warn }
                }
                """).logging();

        assertThat(logging.size()).isEqualTo(1024);
        assertThat(logging.defaultLogLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(logging.defaultSyslogLogLevel()).isEqualTo(LogLevel.INFO);
        assertThat(logging.classes()).containsExactly(
                Map.entry("dpdk/cryptodev", new LoggingConfig.LogClass("dpdk/cryptodev", Optional.of(LogLevel.DEBUG),
                        Optional.of(LogLevel.ERROR), OptionalInt.of(100))),
                Map.entry("ip4", new LoggingConfig.LogClass("ip4", Optional.of(LogLevel.WARN), Optional.empty(),
                        OptionalInt.empty())));
        assertThat(parse("").logging()).isEqualTo(new LoggingConfig(512, LogLevel.INFO, LogLevel.WARN, Map.of()));
    }

    @Test
    void shouldNameTheBadLoggingValue() {
        assertThatThrownBy(() -> parse("logging { default-log-level verbose }"))
                .hasMessage("startup.conf:1:29: logging: default-log-level expects one of emerg, alert, crit, error,"
                        + " warn, notice, info, debug, disabled, got 'verbose'");
        assertThatThrownBy(() -> parse("logging { class ip4 { level warn }\n class ip4 { level info } }"))
                .hasMessage("startup.conf:2:2: logging: class 'ip4' is configured twice (first at 1:11)");
        assertThatThrownBy(() -> parse("logging { class ip4 { colour red } }"))
                .hasMessage("startup.conf:1:23: logging class ip4: unknown key 'colour'; valid keys:"
                        + " level emerg|alert|crit|error|warn|notice|info|debug|disabled,"
                        + " syslog-level emerg|alert|crit|error|warn|notice|info|debug|disabled, rate-limit N");
    }

    @Test
    void shouldKeepNodeVariantsAsTheBlockReadsThem() {
        NodeConfig node = parse("""
                node {
                  default { variant avx512 }
                  ip4-rewrite { variant avx2 }
                  ip4-lookup { variant scalar }
                }
                """).node();

        assertThat(node.defaultVariant()).contains("avx512");
        assertThat(node.nodeVariants()).containsExactly(Map.entry("ip4-rewrite", "avx2"),
                Map.entry("ip4-lookup", "scalar"));
        assertThat(node.block().items()).hasSize(3);
        assertThat(parse("").node().defaultVariant()).isEmpty();
        assertThatThrownBy(() -> parse("node { default { varient avx2 } }"))
                .hasMessage("startup.conf:1:18: node default: unknown key 'varient' (did you mean 'variant'?);"
                        + " valid keys: variant NAME");
    }

    @Test
    void shouldJoinASectionGivenTwiceWithTheLaterValueWinning() {
        StartupConfig config = parse("""
                unix { nodaemon cli-listen /a.sock }
                buffers { page-size 4k }
                unix { cli-listen /b.sock interactive }
                """);

        assertThat(config.sectionNames()).containsExactly("unix", "buffers");
        assertThat(config.unix().nodaemon()).isTrue();
        assertThat(config.unix().interactive()).isTrue();
        assertThat(config.unix().cliListen()).contains(new CliEndpoint.UnixSocket(Path.of("/b.sock")));
        assertThatThrownBy(() -> parse("unix { nodaemon }\nunix { bogus }"))
                .hasMessageStartingWith("startup.conf:2:8: unix: unknown key 'bogus';");
    }
}
