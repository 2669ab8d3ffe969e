package io.vecta.runtime.cli.server;

import io.vecta.runtime.Version;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandRunner;
import io.vecta.runtime.socket.SocketFileException;
import io.vecta.runtime.socket.UnixSocketFiles;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves the CLI on unix sockets and loopback TCP, as VPP's {@code unix { cli-listen ... }}:
 * people connect with {@code socat - UNIX-CONNECT:PATH}, {@code nc -U PATH} or {@code vectactl},
 * scripts run one command with {@code vectactl COMMAND}. The wire format is
 * {@link CliProtocol}'s.
 *
 * <pre>
 *   listen(endpoint) ──&gt; one accept thread per endpoint
 *                          │ each client
 *                          v
 *                      CliSession (a virtual thread) ── line ──&gt; runLine ──&gt; CommandRunner
 *                                                          one line at a time, in arrival order
 * </pre>
 *
 * <h2>Use</h2>
 * <pre>{@code
 * CliServer cli = new CliServer(runnerOnMainThread, runtime::requestStop, CliServerOptions.DEFAULTS);
 * cli.listen(CliEndpoint.parse("/run/vecta/cli.sock"));   // unix { cli-listen ... }
 * cli.listen(CliEndpoint.parse("localhost:5002"));        // as many endpoints as wanted
 * ...
 * cli.close();                                            // at shutdown
 * }</pre>
 *
 * <h2>Threads and the runner</h2>
 * The server calls the runner for one line at a time across all sessions, in the order the
 * lines arrived (a fair lock), so the runner needs no thread safety of its own; calls come
 * from the sessions' virtual threads, and each call happens-before the next. The runner may
 * take as long as it likes (the runtime's runner waits for the main thread); other sessions'
 * lines wait their turn meanwhile, as they do in VPP, whose CLI runs on the main thread.
 *
 * <h2>Sessions</h2>
 * A client that leaves while its command runs costs nothing but that command's output:
 * the command finishes, the write fails or goes nowhere, the session is counted closed (and
 * as an error when the write failed). A command whose outcome is
 * {@link CommandOutcome.Action#CLOSE_SESSION} ends its session after the output;
 * {@link CommandOutcome.Action#STOP_RUNTIME} ends it and then calls the {@code stopRuntime}
 * callback given to the constructor, on the session's thread.
 *
 * <h2>Unix sockets</h2>
 * A missing directory is made (owner-only). A socket file that nothing listens on (left by
 * a runtime that died) is replaced; one that a live process listens on is refused with
 * {@code cli-listen PATH: in use by another process}. {@link #close()} removes the socket
 * files this server made.
 *
 * <h2>TCP</h2>
 * Loopback only: the CLI runs any command, {@code halt} included, without a password.
 * {@code localhost:5002}, {@code 127.0.0.1:5002} and {@code [::1]:5002} listen; any other
 * address is refused with a message that says why.
 */
public final class CliServer implements AutoCloseable {

    private static final int BACKLOG = 64;

    private final CommandRunner runner;
    private final Runnable stopRuntime;
    private final CliServerOptions options;
    private final byte[] greeting;
    private final ReentrantLock runnerTurn = new ReentrantLock(true);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Set<CliSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionsOpened = new AtomicLong();
    private final AtomicLong sessionsClosed = new AtomicLong();
    private final AtomicLong sessionErrors = new AtomicLong();
    private final AtomicLong linesRun = new AtomicLong();
    private final AtomicLong linesRejected = new AtomicLong();
    private volatile boolean closed;

    /**
     * A server with no endpoint yet; {@link #listen} opens them.
     *
     * @param runner      runs every line of every session, one at a time
     * @param stopRuntime called once a session's command asked to stop the whole runtime
     *                    ({@code halt}), after that session closed; should return promptly
     * @param options     the banner and prompt of human sessions
     */
    public CliServer(CommandRunner runner, Runnable stopRuntime, CliServerOptions options) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.stopRuntime = Objects.requireNonNull(stopRuntime, "stopRuntime");
        this.options = Objects.requireNonNull(options, "options");
        String banner = options.banner() ? CliBanner.text(Version.VERSION) : "";
        this.greeting = (banner + options.prompt()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts serving on {@code endpoint} and returns where it listens: the same path for a
     * unix socket; for TCP, the address it resolved to and the port (the one the OS chose
     * when asked for port 0).
     *
     * @throws CliListenException naming the endpoint and the reason it cannot be served
     */
    public CliEndpoint listen(CliEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (closed) {
            throw new IllegalStateException("cli-listen " + endpoint + ": the CLI server is closed");
        }
        Listener listener = switch (endpoint) {
            case CliEndpoint.UnixSocket unix -> listenUnix(unix);
            case CliEndpoint.Tcp tcp -> listenTcp(tcp);
        };
        listeners.add(listener);
        Thread.ofVirtual().name("cli-listen " + listener.bound).start(() -> acceptLoop(listener));
        return listener.bound;
    }

    /** The endpoints being served, as {@link #listen} returned them. */
    public List<CliEndpoint> endpoints() {
        List<CliEndpoint> bound = new ArrayList<>();
        for (Listener listener : listeners) {
            bound.add(listener.bound);
        }
        return List.copyOf(bound);
    }

    /** The counters now. */
    public CliServerCounters counters() {
        return new CliServerCounters(sessionsOpened.get(), sessionsClosed.get(), sessionErrors.get(), linesRun.get(),
                linesRejected.get());
    }

    /**
     * Stops listening, removes this server's socket files and disconnects every session.
     * Does not wait for a command in flight (the caller may be the thread that runs it): its
     * output is dropped. Lines waiting their turn are not run. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Listener listener : listeners) {
            listener.close();
        }
        for (CliSession session : sessions) {
            session.disconnect();
        }
    }

    CliServerOptions options() {
        return options;
    }

    byte[] greeting() {
        return greeting;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code line} when its turn comes; null when the server closed meanwhile. A runner
     * that throws, against its contract, fails the line instead of the session.
     */
    CommandOutcome runLine(String line) {
        runnerTurn.lock();
        try {
            if (closed) {
                return null;
            }
            linesRun.incrementAndGet();
            return runner.run(line);
        } catch (RuntimeException e) {
            return CommandOutcome.error("internal error running '" + CliProtocol.printable(line) + "': " + e);
        } finally {
            runnerTurn.unlock();
        }
    }

    void lineRejected() {
        linesRejected.incrementAndGet();
    }

    void sessionEnded(CliSession session, boolean failed) {
        sessions.remove(session);
        if (failed) {
            sessionErrors.incrementAndGet();
        }
        sessionsClosed.incrementAndGet();
    }

    void stopRuntimeRequested() {
        stopRuntime.run();
    }

    private Listener listenUnix(CliEndpoint.UnixSocket endpoint) {
        try {
            UnixSocketFiles.prepare(endpoint.path(), "rwx------");
        } catch (SocketFileException e) {
            throw new CliListenException(endpoint, e.getMessage(), e.getCause());
        }
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(endpoint.path()), BACKLOG);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CliListenException(endpoint, "cannot listen: " + UnixSocketFiles.osReason(e), e);
        }
        return new Listener(channel, endpoint, endpoint.path(), UnixSocketFiles.fileKey(endpoint.path()));
    }

    private Listener listenTcp(CliEndpoint.Tcp endpoint) {
        InetAddress address;
        try {
            address = InetAddress.getByName(endpoint.host());
        } catch (UnknownHostException e) {
            throw new CliListenException(endpoint, "unknown host '" + endpoint.host() + "'", e);
        }
        if (!address.isLoopbackAddress()) {
            throw new CliListenException(endpoint, address.getHostAddress() + " is not a loopback address; the CLI"
                    + " runs any command without a password, so it listens on loopback only (localhost, 127.0.0.1,"
                    + " [::1]); use a unix socket for anything else");
        }
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(
                    address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(address, endpoint.port()), BACKLOG);
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            return new Listener(channel, new CliEndpoint.Tcp(address.getHostAddress(), port), null, null);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CliListenException(endpoint, "cannot listen: " + UnixSocketFiles.osReason(e), e);
        }
    }

    private void acceptLoop(Listener listener) {
        while (!closed) {
            SocketChannel client;
            try {
                client = listener.channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // out of file descriptors, or a connection reset before it was accepted:
                // count it and keep serving, without spinning on a persistent failure
                sessionErrors.incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            CliSession session = new CliSession(this, client);
            sessions.add(session);
            sessionsOpened.incrementAndGet();
            if (closed) {
                session.disconnect();
            }
            Thread.ofVirtual().name("cli-session").start(session);
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // it never listened
            }
        }
    }

    /** One endpoint being served. */
    private static final class Listener {
        final ServerSocketChannel channel;
        final CliEndpoint bound;
        final Path socketFile;
        final Object socketFileKey;

        Listener(ServerSocketChannel channel, CliEndpoint bound, Path socketFile, Object socketFileKey) {
            this.channel = channel;
            this.bound = bound;
            this.socketFile = socketFile;
            this.socketFileKey = socketFileKey;
        }

        void close() {
            closeQuietly(channel);
            if (socketFile != null) {
                UnixSocketFiles.deleteIfSame(socketFile, socketFileKey);
            }
        }
    }
}
