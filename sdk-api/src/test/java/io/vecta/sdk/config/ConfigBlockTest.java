package io.vecta.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigBlockTest {

    private static final ConfigKeys PLUGIN = ConfigKeys.builder().flag("enable").flag("disable").build();

    private static final ConfigKeys KEYS = ConfigKeys.builder()
            .flag("nodaemon")
            .flag("default")
            .value("default data-size", "N")
            .value("cli-listen", "PATH")
            .value("buffers-per-numa", "N")
            .value("size", "SIZE")
            .value("interval", "SECONDS")
            .value("counters", "on|off")
            .value("page-size", "4k|2m")
            .value("corelist-workers", "LIST")
            .namedBlock("plugin", "NAME", PLUGIN)
            .block("limits", ConfigKeys.builder().value("max", "N").build())
            .build();

    @Test
    void shouldReadFlagsValuesAndNamedBlocksInFileOrderWithPositions() {
        ConfigBlock block = ConfigText.section("""
                test {
                  nodaemon
                  cli-listen /run/vecta/cli.sock
                  plugin sample_plugin.so { disable }
                }""", KEYS);

        assertThat(block.key()).isEqualTo("test");
        assertThat(block.position()).hasToString("startup.conf:1:1");
        assertThat(block.items()).extracting(ConfigItem::key).containsExactly("nodaemon", "cli-listen", "plugin");
        assertThat(block.items()).extracting(item -> item.position().toString())
                .containsExactly("startup.conf:2:3", "startup.conf:3:3", "startup.conf:4:3");
        assertThat(block.flag("nodaemon")).isTrue();
        assertThat(block.flag("default")).isFalse();
        assertThat(block.value("cli-listen")).contains("/run/vecta/cli.sock");
        assertThat(block.item("cli-listen").orElseThrow().value().orElseThrow().position())
                .hasToString("startup.conf:3:14");

        List<ConfigBlock> plugins = block.blocks("plugin");
        assertThat(plugins).hasSize(1);
        assertThat(plugins.getFirst().label()).contains("sample_plugin.so");
        assertThat(plugins.getFirst().path()).isEqualTo("test plugin sample_plugin.so");
        assertThat(plugins.getFirst().flag("disable")).isTrue();
        assertThat(plugins.getFirst().flag("enable")).isFalse();
    }

    @Test
    void shouldReadASectionWrittenOnOneLine() {
        ConfigBlock block = ConfigText.section("test { nodaemon cli-listen /tmp/x.sock limits { max 3 } }", KEYS);

        assertThat(block.flag("nodaemon")).isTrue();
        assertThat(block.value("cli-listen")).contains("/tmp/x.sock");
        assertThat(block.blocks("limits").getFirst().intValue("max", 0, 9)).hasValue(3);
    }

    @Test
    void shouldLetTheLastOfARepeatedKeyWinAndListAllInOrder() {
        ConfigBlock block = ConfigText.section(
                "test { corelist-workers 2-3 buffers-per-numa 2048 corelist-workers 7 buffers-per-numa 4096 }", KEYS);

        assertThat(block.intValue("buffers-per-numa", 1024, 1 << 24)).hasValue(4096);
        assertThat(block.values("corelist-workers")).containsExactly("2-3", "7");
        assertThat(block.item("buffers-per-numa").orElseThrow().position()).hasToString("startup.conf:1:70");
    }

    @Test
    void shouldMatchAKeyOfTwoWordsBeforeAKeyOfItsFirstWord() {
        ConfigBlock block = ConfigText.section("test { default data-size 9216 default }", KEYS);

        assertThat(block.intValue("default data-size", 128, 65535)).hasValue(9216);
        assertThat(block.flag("default")).isTrue();
        assertThat(block.items()).extracting(ConfigItem::key).containsExactly("default data-size", "default");
    }

    @Test
    void shouldTakeTheWordAfterAValueKeyAsItsValueEvenIfItIsAKey() {
        ConfigBlock block = ConfigText.section("test { cli-listen nodaemon }", KEYS);

        assertThat(block.value("cli-listen")).contains("nodaemon");
        assertThat(block.flag("nodaemon")).isFalse();
    }

    @Test
    void shouldNameTheUnknownKeyItsPositionAClosestKeyAndTheValidKeys() {
        assertThatThrownBy(() -> ConfigText.section("test {\n  nodeamon\n}", KEYS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("startup.conf:2:3: test: unknown key 'nodeamon' (did you mean 'nodaemon'?); valid keys:"
                        + " nodaemon, default, default data-size N, cli-listen PATH, buffers-per-numa N, size SIZE,"
                        + " interval SECONDS, counters on|off, page-size 4k|2m, corelist-workers LIST,"
                        + " plugin NAME { ... }, limits { ... }");
        assertThatThrownBy(() -> ConfigText.section("test { plugin x { enable frobnicate } }", KEYS))
                .hasMessage("startup.conf:1:26: test plugin x: unknown key 'frobnicate'; valid keys: enable, disable");
        assertThatThrownBy(() -> ConfigText.section("test { limits { max 1 } }", ConfigKeys.NONE))
                .hasMessage("startup.conf:1:8: test: unexpected 'limits': this block takes no keys");
    }

    @Test
    void shouldSayWhatIsMissingAfterAKey() {
        assertThatThrownBy(() -> ConfigText.section("test {\n  nodaemon cli-listen\n}", KEYS))
                .hasMessage("startup.conf:3:1: test: cli-listen expects PATH, got the end of the block");
        assertThatThrownBy(() -> ConfigText.section("test { cli-listen { } }", KEYS))
                .hasMessage("startup.conf:1:19: test: cli-listen expects PATH, got '{'");
        assertThatThrownBy(() -> ConfigText.section("test { plugin sample enable }", KEYS))
                .hasMessage("startup.conf:1:22: test: plugin sample expects '{' after NAME, got 'enable'");
        assertThatThrownBy(() -> ConfigText.section("test { plugin { enable } }", KEYS))
                .hasMessage("startup.conf:1:15: test: plugin expects NAME { ... }, got '{'");
        assertThatThrownBy(() -> ConfigText.section("test { limits max 3 }", KEYS))
                .hasMessage("startup.conf:1:15: test: limits expects '{' after it, got 'max'");
    }

    @Test
    void shouldRejectABlockAfterAKeyThatTakesNone() {
        assertThatThrownBy(() -> ConfigText.section("test { nodaemon { } }", KEYS))
                .hasMessage("startup.conf:1:17: test: nodaemon takes no block");
        assertThatThrownBy(() -> ConfigText.section("test { cli-listen /x { } }", KEYS))
                .hasMessage("startup.conf:1:22: test: cli-listen PATH takes no block");
        assertThatThrownBy(() -> ConfigText.section("test { { } }", ConfigKeys.builder().flag("on").build()))
                .hasMessage("startup.conf:1:8: test: unexpected '{': a block follows a key that takes one;"
                        + " valid keys: on");
    }

    @Test
    void shouldAcceptBlocksUnderNamesThatAreNotKeys() {
        ConfigKeys variant = ConfigKeys.builder().value("variant", "NAME").build();
        ConfigKeys keys = ConfigKeys.builder().block("default", variant).otherBlocks("NODE", variant).build();

        ConfigBlock block = ConfigText.section(
                "node { default { variant avx512 } ip4-rewrite { variant avx2 } ip4-lookup { variant scalar } }", keys);

        assertThat(block.blocks("default").getFirst().value("variant")).contains("avx512");
        assertThat(block.otherBlocks()).extracting(ConfigBlock::key).containsExactly("ip4-rewrite", "ip4-lookup");
        assertThat(block.otherBlocks()).extracting(b -> b.value("variant").orElseThrow()).containsExactly("avx2", "scalar");
        assertThatThrownBy(() -> ConfigText.section("node { ip4-rewrite variant }", keys))
                .hasMessage("startup.conf:1:8: node: unknown key 'ip4-rewrite'; valid keys: default { ... }, NODE { ... }");
    }

    @Test
    void shouldReadNumbersInRangeAndNameTheRangeOtherwise() {
        assertThat(ConfigText.section("test { buffers-per-numa 1024 }", KEYS).intValue("buffers-per-numa", 1024, 1 << 24))
                .hasValue(1024);
        assertThat(ConfigText.section("test { buffers-per-numa -5 }", KEYS).longValue("buffers-per-numa", -10, 10))
                .hasValue(-5);
        assertThat(ConfigText.section("test { }", KEYS).intValue("buffers-per-numa", 1024, 1 << 24)).isEmpty();
        for (String bad : List.of("lots", "1023", "16777217", "12k", "-", "99999999999999999999", "0x400")) {
            ConfigBlock block = ConfigText.section("test {\n  buffers-per-numa " + bad + " }", KEYS);
            assertThatThrownBy(() -> block.intValue("buffers-per-numa", 1024, 16777216))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("startup.conf:2:20: test: buffers-per-numa expects a number from 1024 to 16777216, got '"
                            + bad + "'");
        }
    }

    @Test
    void shouldReadMemorySizesWithVppSuffixes() {
        long max = 64L << 30;
        assertThat(ConfigText.section("test { size 64M }", KEYS).sizeValue("size", 1, max)).hasValue(64L << 20);
        assertThat(ConfigText.section("test { size 1g }", KEYS).sizeValue("size", 1, max)).hasValue(1L << 30);
        assertThat(ConfigText.section("test { size 512k }", KEYS).sizeValue("size", 1, max)).hasValue(512L << 10);
        assertThat(ConfigText.section("test { size 4096 }", KEYS).sizeValue("size", 1, max)).hasValue(4096);
        for (String bad : List.of("32mb", "M", "65G", "1.5G", "-1M", "9999999999999G")) {
            ConfigBlock block = ConfigText.section("test { size " + bad + " }", KEYS);
            assertThatThrownBy(() -> block.sizeValue("size", 1L << 20, max))
                    .as(bad)
                    .hasMessage("startup.conf:1:13: test: size expects a size from 1M to 64G (a number with an optional"
                            + " K, M or G), got '" + bad + "'");
        }
        assertThat(ConfigBlock.formatSize(1536)).isEqualTo("1536");
        assertThat(ConfigBlock.formatSize(3L << 10)).isEqualTo("3K");
        assertThat(ConfigBlock.formatSize(0)).isEqualTo("0");
    }

    @Test
    void shouldReadSwitchesChoicesAndFractions() {
        ConfigBlock block = ConfigText.section("test { counters ON page-size 2M interval 2.5 }", KEYS);
        assertThat(block.booleanValue("counters")).contains(true);
        assertThat(block.choice("page-size", "4k", "2m")).contains("2m");
        assertThat(block.doubleValue("interval", 0.1, 60)).hasValue(2.5);
        assertThat(ConfigText.section("test { counters disable }", KEYS).booleanValue("counters")).contains(false);

        ConfigBlock bad = ConfigText.section("test { counters maybe page-size 1G interval 61 }", KEYS);
        assertThatThrownBy(() -> bad.booleanValue("counters"))
                .hasMessage("startup.conf:1:17: test: counters expects on or off, got 'maybe'");
        assertThatThrownBy(() -> bad.choice("page-size", "4k", "2m"))
                .hasMessage("startup.conf:1:33: test: page-size expects one of 4k, 2m, got '1G'");
        assertThatThrownBy(() -> bad.doubleValue("interval", 0.5, 60))
                .hasMessage("startup.conf:1:45: test: interval expects a number from 0.5 to 60, got '61'");
    }

    @Test
    void shouldCheckAValueWithAHandlersRule() {
        ConfigBlock block = ConfigText.section("test { cli-listen relative.sock }", KEYS);
        assertThat(block.value("cli-listen", v -> v.endsWith(".sock"), "a socket")).contains("relative.sock");
        assertThatThrownBy(() -> block.value("cli-listen", v -> v.startsWith("/"), "an absolute PATH"))
                .hasMessage("startup.conf:1:19: test: cli-listen expects an absolute PATH, got 'relative.sock'");
        assertThat(block.error(block.position(), "needs main-core"))
                .hasMessage("startup.conf:1:1: test: needs main-core");
    }

    @Test
    void shouldRefuseLookupsOfKeysTheBlockDoesNotDeclare() {
        ConfigBlock block = ConfigText.section("test { nodaemon }", KEYS);
        assertThatThrownBy(() -> block.flag("cli-listen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test: 'cli-listen' is not a flag key of this block; its keys: nodaemon,");
        assertThatThrownBy(() -> block.value("nodaemon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> block.blocks("nodaemon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> block.item("nosuchkey")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(block::otherBlocks).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadAnAbsentSectionAsEmptyAtTheWholeFile() {
        ConfigBlock block = ConfigBlock.absent("test", "startup.conf", KEYS);

        assertThat(block.isEmpty()).isTrue();
        assertThat(block.flag("nodaemon")).isFalse();
        assertThat(block.intValue("buffers-per-numa", 1, 2)).isEmpty();
        assertThat(block.error(block.position(), "needs cli-listen"))
                .hasMessage("startup.conf: test: needs cli-listen");
    }
}
