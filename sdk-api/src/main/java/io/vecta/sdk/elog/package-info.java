/**
 * What plugins need to log events into the runtime's event log (VPP's elog): event types
 * registered once in the {@link io.vecta.sdk.elog.EventCatalog} with a format such as
 * {@code "node %s: %d vectors"}, strings interned there for {@code %s}, and the
 * {@link io.vecta.sdk.elog.EventLogger} a node's context hands out. Events hold only numbers;
 * the catalog turns them into text when someone shows or saves the log.
 */
package io.vecta.sdk.elog;
