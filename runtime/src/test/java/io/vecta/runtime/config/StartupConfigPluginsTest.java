package io.vecta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigException;
import io.vecta.sdk.config.ConfigKeys;
import io.vecta.sdk.config.ConfigSectionDescriptor;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sections that plugins declare: handed to their handlers; sections nobody reads: warned about. */
class StartupConfigPluginsTest {

    private final StartupConfigParser parser =
            new StartupConfigParser(new RuntimeDirectory(Path.of("/run/user/1000/vecta")));


    private static final ConfigKeys SAMPLE_KEYS = ConfigKeys.builder()
            .value("table-size", "N")
            .flag("verbose")
            .build();

    private StartupConfig parse(String text) {
        return parser.parse("startup.conf", text);
    }

    @Test
    void shouldHandADeclaredSectionToItsHandlerAndWarnAboutTheRest() {
        List<ConfigBlock> received = new ArrayList<>();
        PluginRegistration sample = TestPlugins.withConfigSections("sample", List.of(
                new ConfigSectionDescriptor("sample", "counts packets", SAMPLE_KEYS, received::add)));
        StartupConfig config = parse("""
                unix { nodaemon }
                sample {
                  table-size 4096
                  verbose
                }
                dpdk { dev 0000:02:00.0 { num-rx-queues 3 } }
                """);

        List<ConfigWarning> warnings = config.configurePlugins(List.of(sample));

        assertThat(received).hasSize(1);
        assertThat(received.getFirst().intValue("table-size", 1, 1 << 20)).hasValue(4096);
        assertThat(received.getFirst().flag("verbose")).isTrue();
        assertThat(received.getFirst().position()).hasToString("startup.conf:2:1");
        assertThat(warnings).extracting(ConfigWarning::toString).containsExactly(
                "startup.conf:6:1: section 'dpdk' is not implemented by this runtime or any loaded plugin; ignored");
    }

    @Test
    void shouldWarnAboutEveryUnclaimedSectionOnceInFileOrder() {
        StartupConfig config = parse("""
                session { enable }
                dpdk { no-multi-seg }
                sample { verbose }
                dpdk { uio-driver vfio-pci }
                """);

        assertThat(config.configurePlugins(List.of())).extracting(ConfigWarning::toString).containsExactly(
                "startup.conf:1:1: section 'session' is not implemented by this runtime or any loaded plugin; ignored",
                "startup.conf:2:1: section 'dpdk' is not implemented by this runtime or any loaded plugin; ignored",
                "startup.conf:3:1: section 'sample' is not implemented by this runtime or any loaded plugin; ignored");
    }

    @Test
    void shouldRunAHandlerWithAnEmptyBlockWhenTheFileLacksItsSection() {
        List<ConfigBlock> received = new ArrayList<>();
        PluginRegistration sample = TestPlugins.withConfigSections("sample", List.of(
                new ConfigSectionDescriptor("sample", "counts packets", SAMPLE_KEYS, received::add)));

        assertThat(parse("unix { nodaemon }").configurePlugins(List.of(sample))).isEmpty();

        assertThat(received).hasSize(1);
        assertThat(received.getFirst().isEmpty()).isTrue();
        assertThat(received.getFirst().intValue("table-size", 1, 1 << 20)).isEmpty();
        assertThat(received.getFirst().position()).hasToString("startup.conf");
    }

    @Test
    void shouldHandSectionsInPluginOrderWithTheirPartsJoined() {
        List<String> calls = new ArrayList<>();
        PluginRegistration first = TestPlugins.withConfigSections("first", List.of(
                new ConfigSectionDescriptor("alpha", "", ConfigKeys.builder().value("n", "N").build(),
                        block -> calls.add("alpha " + block.values("n")))));
        PluginRegistration second = TestPlugins.withConfigSections("second", List.of(
                new ConfigSectionDescriptor("beta", "", ConfigKeys.NONE, block -> calls.add("beta")),
                new ConfigSectionDescriptor("gamma", "", ConfigKeys.NONE, block -> calls.add("gamma"))));

        parse("gamma { } alpha { n 1 } beta { } alpha { n 2 }").configurePlugins(List.of(first, second));

        assertThat(calls).containsExactly("alpha [1, 2]", "beta", "gamma");
    }

    @Test
    void shouldReportMistakesInAPluginSectionWithTheirPosition() {
        PluginRegistration strict = TestPlugins.withConfigSections("sample", List.of(new ConfigSectionDescriptor("sample", "", SAMPLE_KEYS,
                block -> {
                    if (block.intValue("table-size", 1, 1 << 20).orElse(1024) % 2 != 0) {
                        throw block.expected(block.item("table-size").orElseThrow().value().orElseThrow(),
                                "table-size", "an even number");
                    }
                    if (block.flag("verbose")) {
                        throw new IllegalArgumentException("verbose needs a trace buffer");
                    }
                })));

        assertThatThrownBy(() -> parse("sample {\n  table-sise 8\n}").configurePlugins(List.of(strict)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("startup.conf:2:3: sample: unknown key 'table-sise' (did you mean 'table-size'?);"
                        + " valid keys: table-size N, verbose");
        assertThatThrownBy(() -> parse("sample { table-size 7 }").configurePlugins(List.of(strict)))
                .hasMessage("startup.conf:1:21: sample: table-size expects an even number, got '7'");
        assertThatThrownBy(() -> parse("sample { verbose }").configurePlugins(List.of(strict)))
                .hasMessage("startup.conf:1:1: sample: plugin 'sample' refused the section: verbose needs a trace buffer");
    }

    @Test
    void shouldRefuseASectionThatTheRuntimeOrAnotherPluginReads() {
        ConfigSectionDescriptor unix = new ConfigSectionDescriptor("unix", "", ConfigKeys.NONE, block -> { });
        assertThatThrownBy(() -> parse("").configurePlugins(List.of(TestPlugins.withConfigSections("thief", List.of(unix)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugin 'thief' declares startup.conf section 'unix', which the runtime reads itself");

        ConfigSectionDescriptor shared = new ConfigSectionDescriptor("shared", "", ConfigKeys.NONE, block -> { });
        assertThatThrownBy(() -> parse("").configurePlugins(List.of(TestPlugins.withConfigSections("a", List.of(shared)),
                TestPlugins.withConfigSections("b", List.of(shared)))))
                .hasMessage("startup.conf section 'shared' is declared by plugin 'a' and by plugin 'b'");
    }

    @Test
    void shouldDeclareNoSectionsForAPluginThatDoesNotOverrideTheDefault() {
        PluginRegistration shape = TestPlugins.withConfigSections("plain", List.of());
        PluginRegistration plain = new PluginRegistration() {
            @Override
            public String name() {
                return shape.name();
            }

            @Override
            public String version() {
                return shape.version();
            }

            @Override
            public String description() {
                return shape.description();
            }

            @Override
            public boolean enabledByDefault() {
                return true;
            }

            @Override
            public SdkVersion sdkVersion() {
                return shape.sdkVersion();
            }

            @Override
            public List<NodeDescriptor> nodes() {
                return List.of();
            }

            @Override
            public List<FeatureArcDescriptor> featureArcs() {
                return List.of();
            }

            @Override
            public List<FeatureDescriptor> features() {
                return List.of();
            }
        };

        assertThat(plain.configSections()).isEmpty();
        assertThat(parse("plain { x }").configurePlugins(List.of(plain))).extracting(ConfigWarning::message)
                .containsExactly("section 'plain' is not implemented by this runtime or any loaded plugin; ignored");
    }
}
