/**
 * Logging: every record of the runtime, its plugins and the JDK goes through
 * {@code System.Logger} to one {@link io.vecta.runtime.log.LogRouter}, which keeps the newest
 * in a ring for {@code show logging}, appends them to the log file, and writes warnings to
 * stderr, filtered by VPP's levels ({@link io.vecta.runtime.log.LogLevel}) set by default and
 * per class.
 *
 * <pre>
 *   System.getLogger("io.vecta.runtime.buffer")     (any code, any thread)
 *        │  via META-INF/services/java.lang.System$LoggerFinder
 *        v
 *   VectaLoggerFinder ──&gt; LogRouter.global() ──&gt; ring ──&gt; show logging
 *                                             ├─&gt; log file
 *                                             └─&gt; stderr (warn and worse, not interactive)
 * </pre>
 *
 * Library code never writes to {@code System.out} or {@code System.err} itself.
 */
package io.vecta.runtime.log;
