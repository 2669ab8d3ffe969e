package io.vecta.runtime.config;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigBraces;
import io.vecta.sdk.config.ConfigElement;
import io.vecta.sdk.config.ConfigException;
import io.vecta.sdk.config.ConfigKeys;
import io.vecta.sdk.config.ConfigSectionDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A startup.conf, read: the sections the runtime implements as typed records, and every other
 * section kept for the plugins that declare it.
 *
 * <pre>
 *   startup.conf ──StartupConfigParser──▶ StartupConfig
 *                                          ├─ unix() cpu() buffers() plugins() statseg()
 *                                          │  socksvr() apiTrace() logging() node()     read at once
 *                                          └─ configurePlugins(registrations)
 *                                               ├─ each declared section ─▶ its plugin's handler
 *                                               └─ the rest ─▶ ConfigWarning ("... ignored")
 * </pre>
 *
 * <p><b>A section given twice</b> is one section, its parts joined in file order, as VPP joins
 * them before its handler runs; with the rule that the later of two values wins, a second
 * {@code unix { }} at the end of a file overrides the first one key by key. Messages about the
 * joined section point into whichever part holds the mistake.
 *
 * <p><b>A section nobody implements</b> ({@code dpdk}, {@code session}, a plugin's section when
 * that plugin is not loaded) is not an error, unlike in VPP: the file can be shared with VPP and
 * plugins can come and go. It is reported as a {@link ConfigWarning}, once per name, by
 * {@link #configurePlugins}.
 *
 * <p>Immutable; {@link #configurePlugins} runs plugin handlers and so belongs to startup, once.
 */
public final class StartupConfig {

    /** The sections the runtime itself reads, in the order it reads them. */
    public static final List<String> RUNTIME_SECTIONS = List.of(UnixConfig.SECTION, CpuConfig.SECTION,
            BuffersSection.SECTION, PluginsConfig.SECTION, StatsegConfig.SECTION, SocksvrConfig.SECTION,
            ApiTraceConfig.SECTION, LoggingConfig.SECTION, NodeConfig.SECTION);

    private final String source;
    private final Map<String, List<ConfigSection>> sectionsByName;
    private final UnixConfig unix;
    private final CpuConfig cpu;
    private final BufferConfig buffers;
    private final PluginsConfig plugins;
    private final StatsegConfig statseg;
    private final SocksvrConfig socksvr;
    private final ApiTraceConfig apiTrace;
    private final LoggingConfig logging;
    private final NodeConfig node;

    StartupConfig(String source, List<ConfigSection> sections, RuntimeDirectory runtimeDirectory) {
        this.source = Objects.requireNonNull(source, "source");
        Map<String, List<ConfigSection>> byName = new LinkedHashMap<>();
        for (ConfigSection section : sections) {
            byName.computeIfAbsent(section.name().text(), name -> new ArrayList<>()).add(section);
        }
        byName.replaceAll((name, parts) -> List.copyOf(parts));
        this.sectionsByName = byName;
        this.unix = UnixConfig.from(section(UnixConfig.SECTION, UnixConfig.KEYS), runtimeDirectory);
        this.cpu = CpuConfig.from(section(CpuConfig.SECTION, CpuConfig.KEYS));
        this.buffers = BuffersSection.from(section(BuffersSection.SECTION, BuffersSection.KEYS));
        this.plugins = PluginsConfig.from(section(PluginsConfig.SECTION, PluginsConfig.KEYS));
        this.statseg = StatsegConfig.from(section(StatsegConfig.SECTION, StatsegConfig.KEYS), unix.runtimeDir());
        this.socksvr = SocksvrConfig.from(section(SocksvrConfig.SECTION, SocksvrConfig.KEYS), unix.runtimeDir());
        this.apiTrace = ApiTraceConfig.from(section(ApiTraceConfig.SECTION, ApiTraceConfig.KEYS));
        this.logging = LoggingConfig.from(section(LoggingConfig.SECTION, LoggingConfig.KEYS));
        this.node = NodeConfig.from(section(NodeConfig.SECTION, NodeConfig.KEYS));
    }

    /** The name messages give the file. */
    public String source() {
        return source;
    }

    /** The names of the sections the file holds, each once, in the order they first appear. */
    public List<String> sectionNames() {
        return List.copyOf(sectionsByName.keySet());
    }

    /** {@code unix { }}. */
    public UnixConfig unix() {
        return unix;
    }

    /** {@code cpu { }}. */
    public CpuConfig cpu() {
        return cpu;
    }

    /** {@code buffers { }}. */
    public BufferConfig buffers() {
        return buffers;
    }

    /** {@code plugins { }}. */
    public PluginsConfig plugins() {
        return plugins;
    }

    /** {@code statseg { }}. */
    public StatsegConfig statseg() {
        return statseg;
    }

    /** {@code socksvr { }}. */
    public SocksvrConfig socksvr() {
        return socksvr;
    }

    /** {@code api-trace { }}. */
    public ApiTraceConfig apiTrace() {
        return apiTrace;
    }

    /** {@code logging { }}. */
    public LoggingConfig logging() {
        return logging;
    }

    /** {@code node { }}. */
    public NodeConfig node() {
        return node;
    }

    /**
     * A section read with {@code keys}: all its parts joined, or an empty block positioned at
     * the whole file if the file does not have it.
     *
     * @throws ConfigException at the first word that does not fit {@code keys}
     */
    public ConfigBlock section(String name, ConfigKeys keys) {
        List<ConfigSection> parts = sectionsByName.get(name);
        if (parts == null) {
            return ConfigBlock.absent(name, source, keys);
        }
        List<ConfigElement> elements = new ArrayList<>();
        parts.forEach(part -> elements.addAll(part.body().elements()));
        ConfigBraces joined = new ConfigBraces(parts.getFirst().body().position(), parts.getLast().body().end(),
                elements);
        return ConfigBlock.read(parts.getFirst().name(), joined, keys);
    }

    /**
     * Hands each section the plugins declare to its handler, in the order of {@code plugins} and
     * of their declarations, and returns a warning for every section of the file that neither
     * the runtime nor any of these plugins reads. A handler runs even if its section is absent,
     * with an empty block, so that it sets its defaults.
     *
     * @param plugins the plugins that are loaded and enabled
     * @return the ignored sections, in file order, once per name
     * @throws ConfigException          if a section does not fit its keys or its handler refuses it
     *                                  (an {@link IllegalArgumentException} from a handler becomes one)
     * @throws IllegalArgumentException if a plugin declares a section of the runtime or one that
     *                                  another plugin declares
     */
    public List<ConfigWarning> configurePlugins(List<PluginRegistration> plugins) {
        Map<String, String> claimedBy = new LinkedHashMap<>();
        for (PluginRegistration plugin : plugins) {
            for (ConfigSectionDescriptor descriptor : plugin.configSections()) {
                String name = descriptor.section();
                if (RUNTIME_SECTIONS.contains(name)) {
                    throw new IllegalArgumentException("plugin '" + plugin.name() + "' declares startup.conf section '"
                            + name + "', which the runtime reads itself");
                }
                String other = claimedBy.putIfAbsent(name, plugin.name());
                if (other != null) {
                    throw new IllegalArgumentException("startup.conf section '" + name + "' is declared by plugin '"
                            + other + "' and by plugin '" + plugin.name() + "'");
                }
            }
        }
        for (PluginRegistration plugin : plugins) {
            for (ConfigSectionDescriptor descriptor : plugin.configSections()) {
                ConfigBlock block = section(descriptor.section(), descriptor.keys());
                try {
                    descriptor.handler().configure(block);
                } catch (IllegalArgumentException e) {
                    throw block.error(block.position(), "plugin '" + plugin.name() + "' refused the section: "
                            + e.getMessage());
                }
            }
        }
        Set<String> read = new LinkedHashSet<>(RUNTIME_SECTIONS);
        read.addAll(claimedBy.keySet());
        List<ConfigWarning> warnings = new ArrayList<>();
        sectionsByName.forEach((name, parts) -> {
            if (!read.contains(name)) {
                warnings.add(new ConfigWarning(parts.getFirst().name().position(), "section '" + name
                        + "' is not implemented by this runtime or any loaded plugin; ignored"));
            }
        });
        return List.copyOf(warnings);
    }

    @Override
    public String toString() {
        return "StartupConfig[" + source + ": " + String.join(", ", sectionNames()) + "]";
    }
}
