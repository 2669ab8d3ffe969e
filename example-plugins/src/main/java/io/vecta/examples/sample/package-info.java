/**
 * The {@code sample} plugin: the smallest real plugin, a node that counts IPv4 packets by
 * protocol and passes every packet on. Read it as the pattern for a first plugin: the
 * {@code @Plugin} here, a {@code @GraphNode} class with its nexts, error counters, per-packet
 * method and trace record, and nothing else; the processor writes the dispatcher and the
 * registration the runtime finds.
 */
@Plugin(name = "sample", version = "0.1.0", description = "Counts IPv4 packets by protocol")
package io.vecta.examples.sample;

import io.vecta.sdk.annotation.Plugin;
