/**
 * startup.conf as plugin code sees it: sections of VPP's configuration syntax, read against
 * declared keys into blocks of items with positions, and errors that name file, line and column.
 *
 * <pre>
 *   startup.conf text ──parser (runtime)──▶ ConfigWord / ConfigBraces      the syntax only
 *                                               │ ConfigBlock.read(name, body, ConfigKeys)
 *                                               ▼
 *                                           ConfigBlock ─ items ─ ConfigItem (key, value, block)
 *                                               │ flag, value, intValue, sizeValue, blocks, ...
 *                                               ▼
 *                                           ConfigSectionHandler of the plugin
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.sdk.config.ConfigWord} and {@link io.vecta.sdk.config.ConfigBraces}
 *       ({@link io.vecta.sdk.config.ConfigElement}): what the grammar finds, words and braces.
 *       Like VPP, the syntax alone does not say which word is a key and which a value.</li>
 *   <li>{@link io.vecta.sdk.config.ConfigKeys} and {@link io.vecta.sdk.config.ConfigKey}: the
 *       keys a block accepts and what follows each (nothing, a value, a block, a name and a
 *       block). This is the knowledge that VPP keeps inside each handler's parsing loop.</li>
 *   <li>{@link io.vecta.sdk.config.ConfigBlock} and {@link io.vecta.sdk.config.ConfigItem}:
 *       a section or nested block read with its keys, with typed lookups.</li>
 *   <li>{@link io.vecta.sdk.config.ConfigException} and
 *       {@link io.vecta.sdk.config.ConfigPosition}: {@code startup.conf:12:17: buffers:
 *       buffers-per-numa expects a number from 1024 to 16777216, got 'lots'}.</li>
 *   <li>{@link io.vecta.sdk.config.ConfigSectionDescriptor} and
 *       {@link io.vecta.sdk.config.ConfigSectionHandler}: a section a plugin declares through
 *       {@link io.vecta.sdk.node.PluginRegistration#configSections()}.</li>
 * </ul>
 *
 * <h2>Rules shared with VPP</h2>
 * A key given twice is legal and the later one wins for single values; a value is the word
 * after its key, whatever that word is; a handler runs even when its section is absent. Unlike
 * VPP, an unknown key is reported with its position and the list of valid keys.
 *
 * <h2>Threads</h2>
 * Everything here is immutable once read; handlers run once, on the main thread, before the
 * graph starts.
 */
package io.vecta.sdk.config;
