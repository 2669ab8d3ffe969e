package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigItem;
import io.vecta.sdk.config.ConfigKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code plugins { }} section: where plugin jars are, and which plugins load.
 * <pre>
 * plugins {
 *   path /opt/vecta/plugins:/usr/lib/vecta/plugins   # directories, separated by ':'
 *   add-path /tmp/vecta_plugins                       # one more directory
 *   plugin default { disable }                        # load only those enabled below
 *   plugin sample { enable }                          # or sample_plugin.so, VPP's file name
 *   plugin acl_plugin.so { disable }
 * }
 * </pre>
 * A plugin loads if it is enabled by name; otherwise if it is not disabled by name, not
 * disabled by {@code plugin default { disable }} and enabled by default in its registration.
 * VPP names plugins by their file, {@code acl_plugin.so}; Vecta by their registered name,
 * {@code acl}. Both forms are accepted and mean the same plugin.
 *
 * @param path            the plugin directories in order: those of {@code path}, then {@code add-path}
 * @param defaultDisabled {@code plugin default { disable }} was given
 * @param settings        plugin name to enabled (true) or disabled (false), for plugins named
 *                        with {@code enable} or {@code disable}
 */
public record PluginsConfig(List<Path> path, boolean defaultDisabled, Map<String, Boolean> settings) {

    /** The section's name. */
    public static final String SECTION = "plugins";

    /** What VPP's plugin file names end with. */
    public static final String VPP_SUFFIX = "_plugin.so";

    private static final ConfigKeys ENABLE_DISABLE = ConfigKeys.builder().flag("enable").flag("disable").build();

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .value("path", "DIR[:DIR]")
            .value("add-path", "DIR")
            .namedBlock("plugin", "NAME", ENABLE_DISABLE)
            .build();

    /** Copies the list and the map, keeping the map's order. */
    public PluginsConfig {
        path = List.copyOf(path);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Reads the section. */
    public static PluginsConfig from(ConfigBlock plugins) {
        List<Path> path = new ArrayList<>();
        plugins.value("path").ifPresent(dirs -> {
            for (String dir : dirs.split(":")) {
                if (!dir.isEmpty()) {
                    path.add(Path.of(dir));
                }
            }
        });
        plugins.values("add-path").forEach(dir -> path.add(Path.of(dir)));

        boolean defaultDisabled = false;
        Map<String, Boolean> settings = new LinkedHashMap<>();
        Map<String, ConfigItem> seen = new LinkedHashMap<>();
        for (ConfigItem item : plugins.items()) {
            if (!item.key().equals("plugin")) {
                continue;
            }
            ConfigBlock block = item.block().orElseThrow();
            String name = pluginName(block.label().orElseThrow());
            ConfigItem first = seen.putIfAbsent(name, item);
            if (first != null) {
                throw plugins.error(item.position(), "plugin '" + name + "' is configured twice (first at "
                        + first.position().lineAndColumn() + ")");
            }
            boolean enable = block.flag("enable");
            boolean disable = block.flag("disable");
            if (enable && disable) {
                throw block.error(block.position(), "give either enable or disable");
            }
            if (name.equals("default")) {
                defaultDisabled = disable;
            } else if (enable || disable) {
                settings.put(name, enable);
            }
        }
        return new PluginsConfig(path, defaultDisabled, settings);
    }

    /**
     * Whether a plugin loads.
     *
     * @param name              its registered name
     * @param enabledByDefault  what its registration says when nothing else decides
     */
    public boolean isEnabled(String name, boolean enabledByDefault) {
        Boolean setting = settings.get(name);
        if (setting != null) {
            return setting;
        }
        return enabledByDefault && !defaultDisabled;
    }

    /** The explicit setting for a plugin, if any. */
    public Optional<Boolean> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** A plugin's registered name from either form: {@code sample_plugin.so} and {@code sample} give {@code sample}. */
    public static String pluginName(String configured) {
        if (configured.endsWith(VPP_SUFFIX) && configured.length() > VPP_SUFFIX.length()) {
            return configured.substring(0, configured.length() - VPP_SUFFIX.length());
        }
        return configured;
    }
}
