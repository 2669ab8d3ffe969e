/**
 * The annotation processor that turns annotated nodes into dispatch code and a plugin
 * registration.
 *
 * <p>It works in two steps, as JMH's and AutoValue's processors do: first every annotated
 * element is read and checked into plain models ({@link io.vecta.sdk.processor.NodeModel} by
 * {@link io.vecta.sdk.processor.NodeReader}, {@link io.vecta.sdk.processor.CommandModel} by
 * {@link io.vecta.sdk.processor.CommandReader}, {@link io.vecta.sdk.processor.PluginModel}),
 * reporting every problem found, each on its
 * element with a stable tag and a {@code help:} line ({@link io.vecta.sdk.processor.Diagnostics});
 * only when a model is clean are the writers run:
 * <ul>
 *   <li>{@link io.vecta.sdk.processor.DispatcherWriter}: {@code <Node>_Dispatch}, the frame
 *       loop of one node;</li>
 *   <li>{@link io.vecta.sdk.processor.RegistrationWriter}: the plugin's
 *       {@code PluginRegistration}, with a descriptor per CLI command whose handler calls the
 *       command's method, and its {@code META-INF/services} entry.</li>
 * </ul>
 *
 * <p>The generated code refers to sdk-api by name only, so the processor itself depends on
 * sdk-annotations, JavaPoet and the {@code .api} compiler, and runs from a build's annotation
 * processor path without putting any of them on the plugin's class path.
 *
 * <p>{@code @ApiModule} (Java from VPP {@code .api} files) has its own processor in
 * {@link io.vecta.sdk.processor.api}.
 */
package io.vecta.sdk.processor;
