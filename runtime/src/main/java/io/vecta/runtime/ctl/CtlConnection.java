package io.vecta.runtime.ctl;

import io.vecta.runtime.cli.server.CliEndpoint;
import io.vecta.runtime.cli.server.CliProtocol;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;

/**
 * A framed session with a runtime's CLI (see {@link CliProtocol}): connects, shakes hands,
 * then runs one line at a time and returns each reply whole, with its status.
 * Not thread-safe: one caller at a time, as one person types.
 */
public final class CtlConnection implements AutoCloseable {

    /** How long a peer may take to answer the handshake before it is judged not a Vecta CLI. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** Greeting bytes skipped before the handshake's answer: far more than any banner. */
    private static final int MAX_GREETING_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 4096;

    private final CliEndpoint endpoint;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private String prompt;
    private boolean ended;

    private CtlConnection(CliEndpoint endpoint, SocketChannel channel) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects to the CLI at {@code endpoint} and shakes hands. */
    public static CtlConnection open(CliEndpoint endpoint) throws CtlConnectException {
        return open(endpoint, HANDSHAKE_TIMEOUT);
    }

    /** Connects to the CLI at {@code endpoint}, waiting at most {@code handshakeTimeout} for its answer. */
    public static CtlConnection open(CliEndpoint endpoint, Duration handshakeTimeout) throws CtlConnectException {
        CtlConnection connection = new CtlConnection(endpoint, connect(endpoint));
        try {
            connection.shakeHands(handshakeTimeout);
            return connection;
        } catch (CtlConnectException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Where this connection goes. */
    public CliEndpoint endpoint() {
        return endpoint;
    }

    /** The prompt the runtime shows people, for an interactive client to show. */
    public String prompt() {
        return prompt;
    }

    /**
     * Runs one command line and waits for its whole reply, however long the command takes.
     *
     * @throws IllegalArgumentException when {@code line} holds a line break (it would be two commands)
     * @throws CtlConnectException      when the runtime went away, or already ended the session
     */
    public CtlReply run(String line) throws CtlConnectException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a command is one line; this one holds a line break");
        }
        if (ended) {
            throw new CtlConnectException("the runtime at " + endpoint + " ended the session");
        }
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String headerLine = readLine(MAX_HEADER_BYTES);
            if (headerLine == null) {
                throw new CtlConnectException("the runtime at " + endpoint + " closed the connection before answering;"
                        + " it may have stopped");
            }
            CliProtocol.ReplyHeader header = CliProtocol.ReplyHeader.parse(headerLine);
            byte[] output = in.readNBytes(header.length());
            if (output.length < header.length()) {
                throw new CtlConnectException("the runtime at " + endpoint + " closed the connection after "
                        + output.length + " of " + header.length() + " bytes of output; it may have stopped");
            }
            ended = header.sessionEnds();
            return new CtlReply(output, header.failed(), header.sessionEnds());
        } catch (IllegalArgumentException e) {
            throw new CtlConnectException("the peer at " + endpoint + " broke the CLI protocol: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CtlConnectException("lost the connection to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing fails only when the socket is already gone
        }
    }

    private static SocketChannel connect(CliEndpoint endpoint) throws CtlConnectException {
        SocketChannel channel = null;
        try {
            switch (endpoint) {
                case CliEndpoint.UnixSocket unix -> {
                    if (Files.notExists(unix.path(), LinkOption.NOFOLLOW_LINKS)) {
                        throw new CtlConnectException("cannot connect to " + endpoint + ": no socket there; the runtime is"
                                + " not running, or listens elsewhere (vectactl -s SOCKET)");
                    }
                    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                    channel.connect(UnixDomainSocketAddress.of(unix.path()));
                }
                case CliEndpoint.Tcp tcp -> {
                    InetSocketAddress address = new InetSocketAddress(tcp.host(), tcp.port());
                    if (address.isUnresolved()) {
                        throw new CtlConnectException("cannot connect to " + endpoint + ": unknown host '" + tcp.host() + "'");
                    }
                    channel = SocketChannel.open(address);
                }
            }
            return channel;
        } catch (ConnectException e) {
            closeQuietly(channel);
            throw new CtlConnectException("cannot connect to " + endpoint + ": connection refused; the runtime is not"
                    + " running" + (endpoint instanceof CliEndpoint.UnixSocket
                            ? " (the socket file was left by one that stopped)"
                            : ", or does not listen there"), e);
        } catch (IOException | UnresolvedAddressException e) {
            closeQuietly(channel);
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            String hint = reason.contains("Permission denied")
                    ? "; the runtime may be running as another user, run vectactl as that user" : "";
            throw new CtlConnectException("cannot connect to " + endpoint + ": " + reason + hint, e);
        } catch (CtlConnectException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private void shakeHands(Duration timeout) throws CtlConnectException {
        // a peer that is not a Vecta CLI may never answer: closing the channel ends the wait
        Thread watchdog = Thread.ofVirtual().name("vectactl-handshake").start(() -> {
            try {
                Thread.sleep(timeout);
                close();
            } catch (InterruptedException answered) {
                // the handshake finished in time
            }
        });
        try {
            out.write((CliProtocol.HANDSHAKE + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            skipGreeting();
            String answer = readLine(MAX_HEADER_BYTES);
            if (answer == null) {
                throw new CtlConnectException(notAnswered("closed the connection"));
            }
            prompt = CliProtocol.acceptedPrompt(CliProtocol.MARK + answer);
        } catch (IllegalArgumentException e) {
            throw new CtlConnectException("cannot use " + endpoint + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CtlConnectException(notAnswered(channel.isOpen() ? "broke the connection during the handshake ("
                    + e.getMessage() + ")" : "gave no answer to the handshake within " + timeout.toSeconds() + " s"), e);
        } finally {
            watchdog.interrupt();
        }
    }

    private String notAnswered(String what) {
        return "cannot use " + endpoint + ": the peer " + what + "; is it a Vecta CLI socket?";
    }

    /** Skips what the server sent before it read the handshake (banner, prompt), through the mark. */
    private void skipGreeting() throws IOException, CtlConnectException {
        for (int skipped = 0; skipped < MAX_GREETING_BYTES; skipped++) {
            int b = in.read();
            if (b == CliProtocol.MARK) {
                return;
            }
            if (b < 0) {
                throw new CtlConnectException(notAnswered("closed the connection before answering the handshake"));
            }
        }
        throw new CtlConnectException(notAnswered("sent " + MAX_GREETING_BYTES + " bytes and no handshake answer"));
    }

    /** The next line without its {@code \n}, null at the end of the stream before any byte. */
    private String readLine(int maxBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new IOException("the stream ended inside a line");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() == maxBytes) {
                throw new IllegalArgumentException("a protocol line longer than " + maxBytes + " bytes");
            }
            line.write(b);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // it never connected
            }
        }
    }
}
