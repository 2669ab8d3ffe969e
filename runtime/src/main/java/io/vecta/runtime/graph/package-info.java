/**
 * The packet graph: finding plugins, numbering their nodes, resolving next arcs by name,
 * adding arcs at run time, and the feature arcs whose features are switched per interface.
 *
 * <pre>
 *   PluginLoader ── class path + plugin jars ──&gt; LoadedPlugin (SDK version checked)
 *        │
 *        v
 *   Graph.build ──&gt; GraphNodeEntry per node: index, plugin, NextArcs (shared by siblings),
 *        │           error base in the global error table
 *        v
 *   FeatureArcs ──&gt; per arc: features in declared order; per interface: FeatureChain
 *        ^
 *   FeatureArcEntry ── a start node's way into an arc: one check per frame while no interface
 *                      has a feature of it, then each packet to its interface's first feature
 * </pre>
 *
 * Graph errors carry a stable tag, the node and plugin, and a {@code help:} line
 * ({@link io.vecta.runtime.graph.GraphException}). The graph is built and changed on the
 * main thread; dispatch threads ({@code io.vecta.runtime.dispatch}) read it.
 */
package io.vecta.runtime.graph;
