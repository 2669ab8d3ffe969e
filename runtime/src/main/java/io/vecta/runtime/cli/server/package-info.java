/**
 * The CLI served on sockets, as VPP's {@code cli-listen}: unix sockets and loopback TCP, human
 * sessions for {@code socat}/{@code nc}, and a framed mode for {@code vectactl}.
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.cli.server.CliServer}: listens, runs one session per client
 *       on a virtual thread, hands every line to the
 *       {@link io.vecta.runtime.cli.CommandRunner} one at a time, counts sessions.</li>
 *   <li>{@link io.vecta.runtime.cli.server.CliProtocol}: the wire format, human and framed,
 *       shared with the client in {@code io.vecta.runtime.ctl}.</li>
 *   <li>{@link io.vecta.runtime.cli.server.CliEndpoint}: a socket path or {@code host:port},
 *       spelled the same in startup.conf and on vectactl's command line.</li>
 *   <li>{@link io.vecta.runtime.cli.server.DefaultSockets}: the socket used when none is
 *       given.</li>
 *   <li>{@link io.vecta.runtime.cli.server.CliServerOptions},
 *       {@link io.vecta.runtime.cli.server.CliServerCounters},
 *       {@link io.vecta.runtime.cli.server.CliListenException}: what the server is given,
 *       what it counts, how it fails to start.</li>
 * </ul>
 *
 * <p>Threads: each endpoint has an accept thread and each session a virtual thread; the
 * runner is called by one of them at a time. {@code listen} and {@code close} may be called
 * from any thread.
 */
package io.vecta.runtime.cli.server;
