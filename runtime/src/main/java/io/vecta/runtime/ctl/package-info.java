/**
 * {@code vectactl}, the runtime's CLI from a shell (VPP's {@code vppctl}): one command for
 * scripts, with an exit code that says whether it failed; one command per line of piped
 * input; an interactive session with history and completion on a terminal.
 *
 * <ul>
 *   <li>{@link io.vecta.runtime.ctl.VectaCtl}: the command line, modes and exit codes.</li>
 *   <li>{@link io.vecta.runtime.ctl.CtlConnection}: a framed session with the runtime
 *       ({@link io.vecta.runtime.cli.server.CliProtocol}); {@link io.vecta.runtime.ctl.CtlReply}
 *       is one answer; {@link io.vecta.runtime.ctl.CtlConnectException} says why the runtime
 *       cannot be reached.</li>
 *   <li>{@code InteractiveShell}, {@code ServerCompleter} and {@code HelpListing}: the
 *       terminal session, on JLine, with completion asked of the runtime's command tree.</li>
 * </ul>
 */
package io.vecta.runtime.ctl;
