/**
 * The annotations a plugin author writes: graph nodes, their next nodes, errors and traces,
 * feature arcs and features, CLI commands, binary-API messages and handlers, and the plugin
 * itself.
 *
 * <p>Each annotation replaces one of VPP's registration macros ({@code VLIB_REGISTER_NODE},
 * {@code VNET_FEATURE_ARC_INIT}, {@code VNET_FEATURE_INIT}, {@code VLIB_CLI_COMMAND},
 * {@code VLIB_PLUGIN_REGISTER}). The
 * annotation processor of {@code sdk-processor} reads them at compile time, checks them, and
 * writes the dispatch loop of every node and the plugin's registration; nothing here is read
 * by reflection at run time, so the annotations have {@code CLASS} retention.
 *
 * <p>A node in full:
 * <pre>{@code
 * @GraphNode(name = "ttl-check", errors = TtlCheck.Error.class)
 * public final class TtlCheck {
 *     @Next("ip4-lookup") static final int NEXT_LOOKUP = 0;
 *     @Next("error-drop") static final int NEXT_DROP = 1;
 *
 *     enum Error {
 *         @ErrorCounter(description = "ttl expired") TTL_EXPIRED
 *     }
 *
 *     @PerPacket
 *     int process(NodeContext ctx, int bi) {
 *         Buffers b = ctx.buffers();
 *         int ttl = Ip4.ttl(b.memory(), b.dataOffset(bi));
 *         return ttl > 1 ? NEXT_LOOKUP : Outcome.withError(NEXT_DROP, Error.TTL_EXPIRED);
 *     }
 *
 *     @Trace
 *     TtlTrace trace(NodeContext ctx, int bi, int next) {
 *         return new TtlTrace(next);
 *     }
 * }
 * }</pre>
 *
 * <p>A CLI command is a public method; see {@link io.vecta.sdk.annotation.CliCommand}:
 * <pre>{@code
 * @CliCommand(path = "show ttl-check", shortHelp = "show ttl-check [verbose]")
 * public static void show(CliInput in, CliOutput out) {
 *     boolean verbose = in.keyword("verbose");
 *     in.expectEnd();
 *     out.println(verbose ? "ttl-check: drops packets whose ttl has run out" : "ttl-check");
 * }
 * }</pre>
 *
 * <p>{@link io.vecta.sdk.annotation.ApiModule} generates the messages of a binary-API {@code .api}
 * file, and {@link io.vecta.sdk.annotation.ApiHandler} binds a method to the request it answers
 * ({@code vl_api_X_t_handler}); the processor checks it against the file's services:
 * <pre>{@code
 * @ApiHandler
 * ShowVersionReply showVersion(ShowVersion request) {
 *     return new ShowVersionReply(0, 0, "acme", "1.0", "", "");   // the server fills in the context
 * }
 * }</pre>
 */
package io.vecta.sdk.annotation;
