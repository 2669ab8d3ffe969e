package io.vecta.runtime.cli.server;

/**
 * A snapshot of a {@link CliServer}'s counters, each counted since the server was made.
 *
 * @param sessionsOpened clients accepted, on every endpoint
 * @param sessionsClosed sessions that ended, for any reason; {@code opened - closed} are open
 * @param sessionErrors  sessions that ended on an I/O error (a client gone while its reply
 *                       was written, a reset) or a protocol error (a refused handshake)
 * @param linesRun       lines handed to the command runner
 * @param linesRejected  lines dropped for being longer than {@link CliProtocol#MAX_LINE_BYTES}
 */
public record CliServerCounters(long sessionsOpened, long sessionsClosed, long sessionErrors, long linesRun,
                                long linesRejected) {
}
