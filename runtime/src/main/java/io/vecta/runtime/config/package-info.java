/**
 * startup.conf: VPP's configuration file, parsed with the ANTLR grammar
 * {@code src/main/antlr4/io/vecta/runtime/config/StartupConf.g4}, read into typed records for
 * the sections the runtime implements, with the other sections handed to the plugins that
 * declare them.
 *
 * <pre>
 *   text ─StartupConfLexer/StartupConfParser (generated)─▶ parse tree
 *        ─ConfigTreeBuilder─▶ sections of ConfigWord / ConfigBraces (io.vecta.sdk.config)
 *        ─StartupConfig─▶ UnixConfig CpuConfig BufferConfig PluginsConfig StatsegConfig
 *                         SocksvrConfig ApiTraceConfig LoggingConfig NodeConfig
 *                       └ configurePlugins(plugins) ─▶ plugin handlers, ConfigWarning for the rest
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.config.StartupConfigParser}: file or text to
 *       {@link io.vecta.runtime.config.StartupConfig}; syntax errors become a
 *       {@link io.vecta.sdk.config.ConfigException} naming file, line, column and what was
 *       expected. Also the embedded default configuration ({@code default-startup.conf}):
 *       no root, no hugepages, sockets in the {@link io.vecta.runtime.config.RuntimeDirectory}.</li>
 *   <li>{@link io.vecta.runtime.config.StartupConfig}: the read configuration; joins a section
 *       given twice, as VPP does.</li>
 *   <li>One record per section, each with its {@code SECTION} name, its {@code KEYS} and a
 *       {@code from(ConfigBlock)} reader; {@link io.vecta.runtime.config.BuffersSection} reads
 *       {@code buffers { }} into the buffer pools' own
 *       {@link io.vecta.runtime.buffer.BufferConfig}.</li>
 *   <li>{@link io.vecta.runtime.config.ConfigWarning}: what is ignored, said once.</li>
 * </ul>
 *
 * <h2>Differences from VPP, on purpose</h2>
 * <ul>
 *   <li>A section that nothing implements is a warning, not a fatal error.</li>
 *   <li>Unknown keys are reported with their position and the valid keys, not as
 *       {@code unknown input}.</li>
 *   <li>Quoted strings ({@code cli-prompt "vecta# "}) may hold blanks, braces and {@code #};
 *       VPP has no quoting, so VPP files never use them.</li>
 *   <li>Default sockets go in a per-user runtime directory instead of {@code /run/vpp}.</li>
 *   <li>Keys of VPP's sections that the runtime has no use for (for example {@code unix
 *       pidfile}, {@code buffers layout}) are unknown keys rather than silently ignored.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Parsing and {@code configurePlugins} run once on the main thread at startup; the records are
 * immutable and may then be read from any thread.
 */
package io.vecta.runtime.config;
