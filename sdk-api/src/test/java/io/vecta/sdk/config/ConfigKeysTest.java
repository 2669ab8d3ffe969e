package io.vecta.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void shouldDescribeEveryKeyAsItIsWritten() {
        ConfigKeys keys = ConfigKeys.builder()
                .flag("nodaemon")
                .value("default data-size", "N")
                .block("default", ConfigKeys.NONE)
                .namedBlock("plugin", "NAME", ConfigKeys.builder().flag("disable").build())
                .otherBlocks("NODE", ConfigKeys.NONE)
                .build();

        assertThat(keys.usage()).isEqualTo("nodaemon, default data-size N, default { ... }, plugin NAME { ... }, NODE { ... }");
        assertThat(keys.key("plugin").orElseThrow().inner().usage()).isEqualTo("disable");
        assertThat(keys.key("nodaemon").orElseThrow().kind()).isEqualTo(ConfigKey.Kind.FLAG);
        assertThat(keys.key("missing")).isEmpty();
        assertThat(ConfigKeys.NONE.usage()).isEqualTo("none");
    }

    @Test
    void shouldRejectKeysThatCannotBeWritten() {
        assertThatThrownBy(() -> ConfigKeys.builder().flag("a").flag("a"))
                .hasMessage("config key 'a' is declared twice");
        for (String bad : List.of("", " a", "a  b", "a{", "a#b", "\"a\"")) {
            assertThatThrownBy(() -> ConfigKeys.builder().flag(bad)).as(bad)
                    .hasMessage("config key '" + bad + "' is invalid: a key is one or more bare words separated by one space");
        }
        assertThatThrownBy(() -> ConfigKeys.builder().value("size", ""))
                .hasMessage("config key 'size' of kind VALUE needs an argument name");
        assertThatThrownBy(() -> new ConfigKey("on", ConfigKey.Kind.FLAG, "", ConfigKeys.builder().flag("x").build()))
                .hasMessage("config key 'on' of kind FLAG has no nested block");
    }

    @Test
    void shouldCheckSectionDescriptorsAndPositions() {
        ConfigSectionHandler ignore = section -> { };
        assertThat(new ConfigSectionDescriptor("sample", "counts packets", ConfigKeys.NONE, ignore).section())
                .isEqualTo("sample");
        assertThatThrownBy(() -> new ConfigSectionDescriptor("two words", "", ConfigKeys.NONE, ignore))
                .hasMessage("config section 'two words' is invalid: a section name is one word without blanks, braces,"
                        + " quotes or '#'");
        assertThat(new ConfigPosition("a.conf", 3, 7)).hasToString("a.conf:3:7");
        assertThat(ConfigPosition.wholeFile("a.conf")).hasToString("a.conf");
        assertThatThrownBy(() -> new ConfigPosition("a.conf", 0, 4)).isInstanceOf(IllegalArgumentException.class);
        ConfigException error = new ConfigException(new ConfigPosition("a.conf", 3, 7), "unix: bad");
        assertThat(error).hasMessage("a.conf:3:7: unix: bad");
        assertThat(error.detail()).isEqualTo("unix: bad");
    }
}
