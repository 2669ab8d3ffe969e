package io.vecta.runtime.cli.server;

import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandOutcome.Action;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One client connection, on its own virtual thread: greets, then serves lines in human or
 * framed mode (see {@link CliProtocol}) until the client leaves, a command ends the session, or
 * the server closes. Every line goes through {@link CliServer#runLine}, which runs one line at
 * a time across all sessions.
 */
final class CliSession implements Runnable {

    private static final String TOO_LONG_MESSAGE = "line too long: more than " + CliProtocol.MAX_LINE_BYTES
            + " bytes; the line was dropped\n";

    private final CliServer server;
    private final SocketChannel channel;

    CliSession(CliServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    @Override
    public void run() {
        Action last = Action.CONTINUE;
        boolean failed = false;
        try (channel) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            CliLineReader lines = new CliLineReader(new BufferedInputStream(Channels.newInputStream(channel)),
                    CliProtocol.MAX_LINE_BYTES);
            out.write(server.greeting());
            out.flush();
            String first = lines.readLine();
            if (first == null) {
                return;
            }
            if (first != CliLineReader.TOO_LONG && CliProtocol.isHandshake(first)) {
                String answer = CliProtocol.answerHandshake(first, server.options().prompt());
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!CliProtocol.accepts(answer)) {
                    failed = true;
                    return;
                }
                last = serveFramed(lines.readLine(), lines, out);
            } else {
                last = serveHuman(first, lines, out);
            }
        } catch (IOException e) {
            // the client went away (reset, broken pipe), or close() shut the channel
            failed = !server.isClosed();
        } finally {
            server.sessionEnded(this, failed);
        }
        if (last == Action.STOP_RUNTIME) {
            server.stopRuntimeRequested();
        }
    }

    /** Closes the connection; the session's thread then ends at its next read or write. */
    void disconnect() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket fails only when it is already gone
        }
    }

    private Action serveHuman(String first, CliLineReader lines, OutputStream out) throws IOException {
        byte[] prompt = server.options().prompt().getBytes(StandardCharsets.UTF_8);
        for (String line = first; line != null; line = lines.readLine()) {
            CommandOutcome outcome = run(line);
            if (outcome == null) {
                return Action.CONTINUE;
            }
            out.write(outputBytes(outcome));
            if (outcome.action() != Action.CONTINUE) {
                out.flush();
                return outcome.action();
            }
            out.write(prompt);
            out.flush();
        }
        return Action.CONTINUE;
    }

    private Action serveFramed(String first, CliLineReader lines, OutputStream out) throws IOException {
        for (String line = first; line != null; line = lines.readLine()) {
            CommandOutcome outcome = run(line);
            if (outcome == null) {
                return Action.CONTINUE;
            }
            byte[] output = outputBytes(outcome);
            boolean ends = outcome.action() != Action.CONTINUE;
            out.write(new CliProtocol.ReplyHeader(outcome.failed(), output.length, ends).encode());
            out.write(output);
            out.flush();
            if (ends) {
                return outcome.action();
            }
        }
        return Action.CONTINUE;
    }

    /** The line's outcome, or null when the server closed while the line waited its turn. */
    private CommandOutcome run(String line) {
        if (line == CliLineReader.TOO_LONG) {
            server.lineRejected();
            return CommandOutcome.error(TOO_LONG_MESSAGE);
        }
        return server.runLine(line);
    }

    /** The output as UTF-8, ending with a newline unless empty, so a prompt starts its own line. */
    private static byte[] outputBytes(CommandOutcome outcome) {
        String text = outcome.output();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
