/**
 * VPP's binary API over a unix socket: the transport that lets VPP's own clients (vpp_papi,
 * GoVPP, C clients) talk to the runtime, and the message table they bind by {@code name_crc}.
 *
 * <pre>
 *   socksvr { socket-name PATH }
 *        │
 *   ApiServer ── accept ──▶ ApiClient (one per connection: FrameAssembler in, OutputQueue out)
 *        │                      │ payloads, in arrival order
 *        ▼                      ▼
 *   MessageTable ◀── ApiRegistry ◀── ApiModule (memclnt first, then one block of ids each)
 *        │ id ─▶ ApiMessage ─▶ ApiHandler(payload, ApiReplySink)   on the main thread
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.api.ApiFrame}: the 16-byte frame header;
 *       {@link io.vecta.runtime.api.FrameAssembler} cuts a byte stream into payloads.</li>
 *   <li>{@link io.vecta.runtime.api.ApiMessage}, {@link io.vecta.runtime.api.ApiModule},
 *       {@link io.vecta.runtime.api.ApiRegistry}, {@link io.vecta.runtime.api.MessageTable}:
 *       what modules register (name, CRC, fixed size, handler) and the ids they get.</li>
 *   <li>{@link io.vecta.runtime.api.ApiHandler} and {@link io.vecta.runtime.api.ApiReplySink}:
 *       a handler gets the payload bytes and answers through the sink, which echoes the
 *       request's context to the {@link io.vecta.runtime.api.ApiRequester} that sent it: a
 *       socket client, or a replayed trace. {@code @ApiHandler} methods reach it through their
 *       generated bindings ({@code io.vecta.sdk.api.ApiHandlerBinding}), which
 *       {@link io.vecta.runtime.api.ApiModule#fromCodecs(String, int, java.util.List, java.util.List)}
 *       adapts; the sink is their {@code io.vecta.sdk.api.ApiReplies}.</li>
 *   <li>{@link io.vecta.runtime.api.ApiServer}, {@link io.vecta.runtime.api.ApiClient}: the
 *       socket, the registrations, the per-client limits and the counters
 *       ({@link io.vecta.runtime.api.ApiServerCounters}).</li>
 *   <li>{@link io.vecta.runtime.api.PluginApiModules}: the modules plugins contribute
 *       ({@code PluginRegistration.apiModules()}), registered after the runtime's own in plugin
 *       name order; a module whose name or message names are taken is refused, naming both
 *       owners.</li>
 *   <li>{@link io.vecta.runtime.api.Memclnt}: the bootstrap messages (handshake, ping,
 *       delete, first ids), encoded by the codecs generated from {@code memclnt.api}.</li>
 *   <li>{@link io.vecta.runtime.api.CoreApi} ({@code vlib}, {@code vpe}) and
 *       {@link io.vecta.runtime.api.InterfaceApi} ({@code interface}),
 *       {@link io.vecta.runtime.api.IpApi} ({@code ip}, its routes' paths through
 *       {@code ApiFibPaths}),
 *       {@link io.vecta.runtime.api.IpNeighborApi} ({@code ip_neighbor}),
 *       {@link io.vecta.runtime.api.L2Api} ({@code l2}): the runtime's own modules' handlers.</li>
 *   <li>{@link io.vecta.runtime.api.ShowApi}: {@code show api clients},
 *       {@code show api message-table}.</li>
 *   <li>{@link io.vecta.runtime.api.ApiTrace}, {@link io.vecta.runtime.api.ApiTraceFile},
 *       {@link io.vecta.runtime.api.ApiTraceReplay}, {@link io.vecta.runtime.api.ApiTraceText}:
 *       {@code api trace}: the ring of messages handled, its file (named by {@code name_crc}),
 *       replaying a file into the handlers, and printing one.</li>
 * </ul>
 *
 * <p>Threads: each client has a reader and a writer (virtual threads); handlers run only on the
 * runtime's main thread ({@link io.vecta.runtime.api.ApiMainThread}), so they may touch any
 * control-plane state, and, unless mp-safe, with the workers stopped at the barrier.
 */
package io.vecta.runtime.api;
