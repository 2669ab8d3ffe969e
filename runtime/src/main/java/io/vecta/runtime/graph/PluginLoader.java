package io.vecta.runtime.graph;

import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds plugins: every {@link PluginRegistration} on the class path, then those of each jar in
 * the plugin directory ({@code plugins { path DIR }}), each jar with a class loader of its own
 * (VPP's {@code dlopen} of each {@code .so} in the plugin path).
 *
 * <p>A plugin built against an SDK version this runtime cannot run is refused with
 * {@link SdkVersion#checkCompatible}'s message, naming both versions, before any of its code
 * beyond the registration runs. Two plugins of one name are refused too.
 *
 * <p>A jar's class loader delegates to the class path first, so the SDK's classes are shared;
 * from each jar only the registrations that jar itself defines are taken, so that a plugin on
 * both the class path and in a jar is not found twice by accident but reported as a duplicate.
 *
 * <p>The loader owns the jars' class loaders and closes them (their open jar files) when it is
 * closed, at runtime shutdown; a jar that registers no plugin has its class loader closed at once.
 */
public final class PluginLoader implements AutoCloseable {

    private final SdkVersion runtimeVersion;
    private final List<URLClassLoader> jarLoaders = new ArrayList<>();

    /** A loader for a runtime of SDK version {@code runtimeVersion}. */
    public PluginLoader(SdkVersion runtimeVersion) {
        this.runtimeVersion = runtimeVersion;
    }

    /** A loader for this runtime's SDK version. */
    public static PluginLoader current() {
        return new PluginLoader(SdkVersion.CURRENT);
    }

    /** Plugins on {@code classPath}'s class path. */
    public List<LoadedPlugin> fromClassPath(ClassLoader classPath) {
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (PluginRegistration plugin : ServiceLoader.load(PluginRegistration.class, classPath)) {
            plugins.add(check(new LoadedPlugin(plugin, "class path")));
        }
        return plugins;
    }

    /**
     * Plugins of every {@code *.jar} in {@code directory}, in name order.
     *
     * @throws IllegalArgumentException if {@code directory} is not a directory
     */
    public List<LoadedPlugin> fromDirectory(Path directory, ClassLoader parent) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("plugin path " + directory + " is not a directory");
        }
        List<Path> jars;
        try (Stream<Path> entries = Files.list(directory)) {
            jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin path " + directory, e);
        }
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (Path jar : jars) {
            URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, parent);
            jarLoaders.add(loader);
            int found = 0;
            for (ServiceLoader.Provider<PluginRegistration> provider
                    : ServiceLoader.load(PluginRegistration.class, loader).stream().toList()) {
                if (provider.type().getClassLoader() == loader) {
                    plugins.add(check(new LoadedPlugin(provider.get(), jar.toString())));
                    found++;
                }
            }
            if (found == 0) {
                jarLoaders.remove(loader);
                closeQuietly(loader);
            }
        }
        return plugins;
    }

    /**
     * The class path's plugins and, if {@code directory} is not null, the plugin directory's,
     * with their names checked for duplicates.
     */
    public List<LoadedPlugin> load(ClassLoader classPath, Path directory) {
        return load(classPath, directory == null ? List.of() : List.of(directory));
    }

    /**
     * The class path's plugins and those of each directory of the plugin path in turn
     * ({@code plugins { path A:B }}), with their names checked for duplicates.
     */
    public List<LoadedPlugin> load(ClassLoader classPath, List<Path> directories) {
        List<LoadedPlugin> all = new ArrayList<>(fromClassPath(classPath));
        for (Path directory : directories) {
            all.addAll(fromDirectory(directory, classPath));
        }
        Map<String, LoadedPlugin> byName = new LinkedHashMap<>();
        for (LoadedPlugin plugin : all) {
            LoadedPlugin first = byName.putIfAbsent(plugin.name(), plugin);
            if (first != null) {
                throw new GraphException("VectaDuplicatePlugin", "plugin '" + plugin.name() + "' is registered twice: by "
                        + first.origin() + " and by " + plugin.origin(),
                        "remove one copy from the class path or the plugin path");
            }
        }
        return List.copyOf(byName.values());
    }

    /** How many plugin jars' class loaders are open. */
    public int openJars() {
        return jarLoaders.size();
    }

    /** Closes the class loaders of the plugin jars: their classes must not run after this. */
    @Override
    public void close() {
        for (URLClassLoader loader : jarLoaders) {
            closeQuietly(loader);
        }
        jarLoaders.clear();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            System.getLogger(PluginLoader.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot close the class loader of " + loader.getName() + ": " + e.getMessage());
        }
    }

    private LoadedPlugin check(LoadedPlugin plugin) {
        runtimeVersion.checkCompatible(plugin.name(), plugin.registration().sdkVersion());
        return plugin;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin jar " + jar + " has no URL", e);
        }
    }
}
