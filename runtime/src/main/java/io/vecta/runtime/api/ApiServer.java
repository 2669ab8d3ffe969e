package io.vecta.runtime.api;

import io.vecta.runtime.socket.SocketFileException;
import io.vecta.runtime.socket.UnixSocketFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * VPP's binary API over a unix stream socket ({@code socksvr { socket-name PATH }}), so that
 * VPP's own clients (vpp_papi, GoVPP, VAT-style C clients) can talk to the runtime.
 *
 * <pre>
 *   listen(path) ──▶ accept thread ──▶ ApiClient per connection (registration 0x80000001, ...)
 *                                         │ frames of one read, in order
 *                                         ▼
 *                    main thread: id ─▶ MessageTable ─▶ ApiHandler(payload, ApiReplySink)
 *                                         │ replies, details: context echoed
 *                                         ▼
 *                                   client's bounded OutputQueue ─▶ its writer thread
 * </pre>
 *
 * <h2>Bad input</h2>
 * Handled as VPP does where VPP has an answer, and counted in every case
 * ({@link #counters()}); no client's misbehaviour reaches another client or the runtime:
 * <ul>
 *   <li>an id without a handler, or a payload shorter than its message's fixed part: dropped,
 *       logged, no reply (VPP drops it too); the connection goes on;</li>
 *   <li>a frame length past {@link ApiServerOptions#maxFrameBytes()} (garbage): the connection
 *       is closed, since its stream cannot be followed;</li>
 *   <li>a connection that ends inside a frame: counted as truncated;</li>
 *   <li>a client that does not read: cut off once {@link ApiServerOptions#maxQueuedBytes()}
 *       wait for it; the main thread never waits for a socket;</li>
 *   <li>a client gone while its answer is being produced (mid-dump): the rest is dropped and
 *       counted; the registration is freed.</li>
 * </ul>
 * Log lines about one client's bad input stop after a few; the counters keep counting.
 *
 * <h2>Routing</h2>
 * Answers go back on the connection the request came in on. VPP routes by the request's
 * {@code client_index}; for clients that send their own handle, as vpp_papi does, the two agree.
 */
public final class ApiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private static final int BACKLOG = 64;

    private final MessageTable table;
    private final ApiMainThread mainThread;
    private final ApiServerOptions options;
    private final ServerTally tally = new ServerTally();
    private final ApiTrace trace = new ApiTrace();
    private final Map<Integer, ApiClient> clients = new ConcurrentHashMap<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private volatile ServerSocketChannel listener;
    private volatile Path socket;
    private Object socketKey;
    private volatile boolean closed;
    private boolean replaying;

    /**
     * A server for {@code table}'s messages, not yet listening.
     *
     * @param mainThread where handlers run
     */
    public ApiServer(MessageTable table, ApiMainThread mainThread, ApiServerOptions options) {
        this.table = Objects.requireNonNull(table, "table");
        this.mainThread = Objects.requireNonNull(mainThread, "mainThread");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Listens on {@code path} and accepts clients until {@link #close()}; the socket file is
     * made group-writable and, if {@code gid} is given, belongs to that group.
     *
     * @throws ApiListenException naming the path and why it cannot be served
     */
    public synchronized void listen(Path path, Optional<String> gid) {
        if (closed || listener != null) {
            throw new IllegalStateException("socksvr socket-name " + path + ": the api server "
                    + (closed ? "is closed" : "already listens on " + socket));
        }
        try {
            // the directory may be entered by the group, whose members are the API's clients
            UnixSocketFiles.prepare(path, "rwxr-x---");
        } catch (SocketFileException e) {
            throw new ApiListenException(path, e.getMessage(), e.getCause());
        }
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(path), BACKLOG);
            Object key = UnixSocketFiles.fileKey(path);
            // read and write for owner and group: the group's members are API clients
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            gid.ifPresent(g -> UnixSocketFiles.giveToGroup(path, g));
            socketKey = key;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // it never served
                }
                UnixSocketFiles.deleteIfSame(path, UnixSocketFiles.fileKey(path));
            }
            if (e instanceof ApiListenException listen) {
                throw listen;
            }
            if (e instanceof SocketFileException socketFile) {
                throw new ApiListenException(path, socketFile.getMessage(), socketFile.getCause());
            }
            throw new ApiListenException(path, "cannot listen: " + e.getMessage(), e);
        }
        listener = channel;
        socket = path;
        ServerSocketChannel accepting = channel;
        Thread.ofVirtual().name("api-listen " + path).start(() -> acceptLoop(accepting));
    }

    /** Where it listens, if it does. */
    public Optional<Path> socket() {
        return Optional.ofNullable(socket);
    }

    /** The message table clients get at their handshake. */
    public MessageTable table() {
        return table;
    }

    /** The limits. */
    public ApiServerOptions options() {
        return options;
    }

    /** The counters now. */
    public ApiServerCounters counters() {
        return tally.snapshot();
    }

    /** The connected clients, by handle. */
    public List<ApiClient> clients() {
        return clients.values().stream().sorted(Comparator.comparingInt(c -> c.index() & ~ApiClient.SOCKET_HANDLE_BIT))
                .toList();
    }

    /** Stops listening, removes the socket file and disconnects every client. Again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                // it stops accepting either way
            }
            UnixSocketFiles.deleteIfSame(socket, socketKey);
        }
        for (ApiClient client : clients.values()) {
            client.end();
        }
    }

    /** The trace of messages handled ({@code api trace}); read and changed on the main thread. */
    public ApiTrace trace() {
        return trace;
    }

    ServerTally tally() {
        return tally;
    }

    /** From a client's reader: handles {@code payloads} on the main thread, in order, and waits. */
    void dispatch(ApiClient client, List<ByteBuffer> payloads) throws InterruptedException {
        tally.messagesReceived.addAndGet(payloads.size());
        mainThread.run(() -> {
            for (ByteBuffer payload : payloads) {
                if (!client.isConnected()) {
                    return;
                }
                handle(client, payload);
            }
        });
    }

    /** On the main thread: one message. */
    private void handle(ApiClient client, ByteBuffer payload) {
        if (payload.remaining() < ApiFrame.MSG_ID_BYTES) {
            tally.shortMessages.incrementAndGet();
            log(client, "sent a message of " + payload.remaining() + " bytes, too short for a message id; dropped",
                    false);
            return;
        }
        int id = ApiFrame.messageId(payload);
        Optional<ApiMessage> known = table.message(id);
        if (known.isEmpty() || known.get().handler().isEmpty()) {
            tally.unknownMessages.incrementAndGet();
            log(client, "sent message id " + id + (known.isEmpty() ? ", which is not in the message table"
                    : " (" + known.get().key() + "), which this server does not handle") + "; dropped", false);
            return;
        }
        ApiMessage message = known.get();
        if (payload.remaining() < message.fixedBytes()) {
            tally.shortMessages.incrementAndGet();
            log(client, "sent " + message.key() + " in " + payload.remaining() + " bytes, its fixed part needs "
                    + message.fixedBytes() + "; dropped", false);
            return;
        }
        trace.record(client.index(), message.key(), payload);
        Optional<RuntimeException> failure = handleAs(client, message, payload);
        if (failure.isEmpty()) {
            tally.messagesHandled.incrementAndGet();
        } else {
            tally.handlerErrors.incrementAndGet();
            log(client, message.key() + " (context " + contextOf(message, payload) + ") failed: " + failure.get(),
                    true);
        }
    }

    /**
     * On the main thread: runs {@code message}'s handler for {@code payload} (a message of this
     * server's table, id first, at least its fixed part) as sent by {@code from}, with the workers
     * stopped unless the message is mp-safe. A socket client's messages come through here after
     * being checked, traced and counted; a replayed trace's come straight here.
     *
     * @return what the handler threw, if it failed
     */
    Optional<RuntimeException> handleAs(ApiRequester from, ApiMessage message, ByteBuffer payload) {
        boolean hasContext = message.contextOffset() != ApiMessage.NO_CONTEXT;
        ApiReplySink sink = new ApiReplySink(from, table, message, contextOf(message, payload), hasContext,
                mainThread.services());
        ByteBuffer request = payload.asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
        ApiHandler handler = message.handler().orElseThrow();
        try {
            if (message.mpSafe()) {
                handler.handle(request, sink);
            } else {
                mainThread.withWorkersStopped(() -> handler.handle(request, sink));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** Whether a trace is being replayed: a replay does not start another. Main thread only. */
    boolean replaying() {
        return replaying;
    }

    void replaying(boolean now) {
        replaying = now;
    }

    private static int contextOf(ApiMessage message, ByteBuffer payload) {
        return message.contextOffset() == ApiMessage.NO_CONTEXT ? 0
                : payload.getInt(payload.position() + message.contextOffset());
    }

    void clientEnded(ApiClient client) {
        if (clients.remove(client.index(), client)) {
            tally.clientsClosed.incrementAndGet();
        }
    }

    void log(ApiClient client, String what, boolean warning) {
        if (client.mayLog()) {
            LOG.log(warning ? Level.WARNING : Level.INFO, "api client " + describe(client) + " " + what);
        }
    }

    private static String describe(ApiClient client) {
        String handle = String.format("0x%08x", client.index());
        return client.name().isEmpty() ? handle : "'" + client.name() + "' (" + handle + ")";
    }

    private void acceptLoop(ServerSocketChannel channel) {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // out of descriptors, or a connection reset before it was accepted: keep serving
                tally.ioErrors.incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            int registration = registrations.incrementAndGet() & ~ApiClient.SOCKET_HANDLE_BIT;
            ApiClient client = new ApiClient(this, connection, registration == 0 ? 1 : registration, options);
            tally.clientsAccepted.incrementAndGet();
            clients.put(client.index(), client);
            if (closed) {
                client.end();
                return;
            }
            client.start();
        }
    }
}
