/**
 * The event log (VPP's elog): cheap, fixed-size rings of timestamped binary events, one per
 * dispatch thread, turned into text only when someone looks.
 *
 * <pre>
 *   EventCatalog (sdk, process)         EventLog per thread (track = thread index)
 *     type id ─▶ EventFormat            [ time | type,track | a | b ] × capacity, oldest overwritten
 *     string id ─▶ text                          │
 *                                                ▼  under the barrier
 *                         EventLogText (show event-logger)   ChromeTrace (event-logger save, Perfetto)
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.sdk.elog.EventCatalog} (in the SDK, so plugins declare their own): event types registered once with a format
 *       ({@code "node %s: %d vectors"}), and interned strings for {@code %s};</li>
 *   <li>{@link io.vecta.runtime.elog.EventLog}: a thread's ring; {@code log(type, a, b)} writes
 *       four longs and allocates nothing;</li>
 *   <li>{@link io.vecta.runtime.elog.DispatchEvents}: the node call and return events the
 *       dispatch loop logs when {@code elog trace dispatch} turns them on;</li>
 *   <li>{@link io.vecta.runtime.elog.EventLogText} and {@link io.vecta.runtime.elog.ChromeTrace}:
 *       the two ways out.</li>
 * </ul>
 *
 * <p>Rings are read, cleared and resized only under the barrier (on the main thread between
 * turns), never while their thread logs; see {@link io.vecta.runtime.elog.EventLog}.
 */
package io.vecta.runtime.elog;

