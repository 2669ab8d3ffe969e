package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowPluginsTest {

    @Test
    void shouldNumberThePluginsInLoadOrderWithVersionDescriptionAndOrigin() {
        List<LoadedPlugin> plugins = new ArrayList<>(PluginLoader.current().fromClassPath(getClass().getClassLoader()));
        plugins.add(new LoadedPlugin(TestPlugins.plugin("acl-with-a-name-longer-than-forty-characters"),
                "/opt/vecta/plugins/acl.jar"));

        String text = ShowPlugins.format(plugins, List.of(Path.of("/opt/vecta/plugins")));

        assertThat(text.split("\n", -1)).containsExactly(
                " Plugin path is: /opt/vecta/plugins, plugins shown in load order",
                "",
                "     Plugin                                   Version                          Description",
                "  1. builtin                                  0.1.0                            "
                        + "Nodes every graph needs (error-drop, error-punt, null-node) and the runtime's CLI commands",
                "     from class path",
                "  2. acl-with-a-name-longer-than-forty-charac 1.0.0                            "
                        + "test plugin acl-with-a-name-longer-than-forty-characters",
                "     from /opt/vecta/plugins/acl.jar",
                "");
    }

    @Test
    void shouldSayWhenThereIsNoPluginPath() {
        String text = ShowPlugins.format(List.of(), List.of());

        assertThat(text).isEqualTo(" Plugin path is: none (class path only), plugins shown in load order\n\n"
                + "     Plugin                                   Version                          Description\n");
    }

    @Test
    void shouldJoinThePluginDirectoriesAsThePluginsSectionTakesThem() {
        String text = ShowPlugins.format(List.of(), List.of(Path.of("/opt/vecta/plugins"), Path.of("/tmp/vecta")));

        assertThat(text).startsWith(" Plugin path is: /opt/vecta/plugins:/tmp/vecta, plugins shown in load order\n");
    }
}
