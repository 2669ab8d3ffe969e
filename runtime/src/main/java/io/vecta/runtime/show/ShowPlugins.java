package io.vecta.runtime.show;

import io.vecta.runtime.graph.LoadedPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code show plugins}: the loaded plugins in load order, in VPP's layout, each followed by
 * where it came from (the class path, or its jar in the plugin path).
 *
 * <pre>
 *  Plugin path is: /usr/lib/vecta/plugins, plugins shown in load order
 *
 *      Plugin                                   Version                          Description
 *   1. builtin                                  0.1.0                            Nodes every graph needs
 *      from class path
 * </pre>
 */
public final class ShowPlugins {

    private ShowPlugins() {
    }

    /**
     * The text of {@code show plugins} for plugins loaded from the class path and the directories
     * of {@code pluginPath}, printed as {@code plugins { path }} takes them: separated by
     * {@code :}; an empty path prints as {@code none (class path only)}.
     */
    public static String format(List<LoadedPlugin> plugins, List<Path> pluginPath) {
        return format(plugins, pluginPath.isEmpty() ? "none (class path only)"
                : pluginPath.stream().map(Path::toString).collect(Collectors.joining(":")));
    }

    private static String format(List<LoadedPlugin> plugins, String pluginPath) {
        StringBuilder out = new StringBuilder();
        out.append(" Plugin path is: ").append(pluginPath).append(", plugins shown in load order\n\n");
        out.append("     ").append(Columns.left("Plugin", 41)).append(Columns.left("Version", 33)).append("Description\n");
        for (int i = 0; i < plugins.size(); i++) {
            LoadedPlugin plugin = plugins.get(i);
            out.append(Columns.right(Integer.toString(i + 1), 3)).append(". ")
                    .append(Columns.left(plugin.name(), 40)).append(' ')
                    .append(Columns.left(plugin.registration().version(), 32)).append(' ')
                    .append(plugin.registration().description()).append('\n');
            out.append("     from ").append(plugin.origin()).append('\n');
        }
        return out.toString();
    }
}
