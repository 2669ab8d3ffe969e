/**
 * The runtime's own nodes, written with the SDK's annotations like any plugin's and built by
 * the same processor: the proof that the SDK carries the real path.
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.node.ErrorDrop} ({@code error-drop}): where every dropped
 *       packet ends; counts it against the reason its buffer carries and frees it. A traced
 *       packet gets a {@link io.vecta.runtime.node.DropTrace}: rx interface and reason.</li>
 *   <li>{@link io.vecta.runtime.node.ErrorPunt} ({@code error-punt}): packets handed to the
 *       control plane; with no punt handler yet, traced and counted by reason and freed.</li>
 *   <li>{@link io.vecta.runtime.node.NullNode} ({@code null-node}): next index 0 of nodes
 *       that have no real next; counts and frees what reaches it.</li>
 * </ul>
 *
 * The three form the {@code builtin} plugin, found like any other through
 * {@link java.util.ServiceLoader}, together with the runtime's own CLI commands
 * ({@link io.vecta.runtime.cli.BuiltinCommands} and the show and clear commands of
 * {@link io.vecta.runtime.cli.commands}): the processor registers every {@code @CliCommand} of
 * the runtime's compilation here.
 */
@Plugin(name = "builtin", version = "0.1.0",
        description = "Nodes every graph needs (error-drop, error-punt, null-node) and the runtime's CLI commands")
package io.vecta.runtime.node;

import io.vecta.sdk.annotation.Plugin;
