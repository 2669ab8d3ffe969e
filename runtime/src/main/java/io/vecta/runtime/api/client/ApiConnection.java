package io.vecta.runtime.api.client;

import io.vecta.runtime.api.core.memclnt.ControlPing;
import io.vecta.runtime.api.core.memclnt.ControlPingReply;
import io.vecta.runtime.api.core.memclnt.SockclntCreate;
import io.vecta.runtime.api.core.memclnt.SockclntCreateReply;
import io.vecta.runtime.api.core.memclnt.SockclntDelete;
import io.vecta.runtime.api.core.memclnt.SockclntDeleteReply;
import io.vecta.sdk.api.ApiCaller;
import io.vecta.sdk.api.ApiCodecException;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiErrors;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client registration on a runtime's API socket.
 *
 * <p>{@link #connect} sends {@code sockclnt_create} and keeps the message table the reply
 * carries; the client's codecs are then checked against it by name ({@link #tableCheck()}).
 * A message is sent only if the server has it under the same {@code name_crc}; anything else
 * is refused before a byte is written.
 *
 * <p>Every request gets a fresh context (and the connection's {@code client_index}); a reader
 * thread hands what the server sends to the call waiting on that context:
 * <ul>
 * <li>{@link #call}/{@link #callAsync}: the first message with the context is the reply;</li>
 * <li>{@link #dump}/{@link #dumpAsync}/{@link #dumpStream}: the request, then a
 *     {@code control_ping} with the same context; details are collected, or streamed, until the
 *     {@code control_ping_reply};</li>
 * <li>{@link #getAll}: VPP's cursor gets ({@code X_get} answered by details and an
 *     {@code X_get_reply} with a cursor), page after page while the reply says
 *     -165, as one stream of details;</li>
 * <li>anything no call waits for goes to the {@linkplain #addEventListener event listeners}.</li>
 * </ul>
 * All methods may be called from several threads. When the runtime restarts the connection
 * fails its calls and refuses new ones until {@link #reconnect()} redoes the handshake and the
 * check (ids may differ in the new table).
 */
public final class ApiConnection implements ApiCaller, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** memclnt's static ids: the only ones a client may use before it has the table. */
    static final int SOCKCLNT_CREATE_ID = 15;
    static final int SOCKCLNT_CREATE_REPLY_ID = 16;

    /** What the connection itself sends and reads besides the client's messages. */
    private static final List<MessageCodec<?>> OWN_CODECS = List.of(ControlPing.CODEC, ControlPingReply.CODEC,
            SockclntDelete.CODEC, SockclntDeleteReply.CODEC);

    private final Path socketPath;
    private final String clientName;
    private final ApiCodecs codecs;
    private final Duration timeout;
    private final AtomicInteger contexts = new AtomicInteger();
    private final List<Consumer<ApiEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private volatile Session session;

    private ApiConnection(Path socketPath, String clientName, ApiCodecs codecs, Duration timeout) {
        this.socketPath = socketPath;
        this.clientName = clientName;
        this.codecs = codecs;
        this.timeout = timeout;
    }

    /** Connects with {@link #DEFAULT_TIMEOUT}. */
    public static ApiConnection connect(Path socketPath, String clientName, ApiCodecs codecs) {
        return connect(socketPath, clientName, codecs, DEFAULT_TIMEOUT);
    }

    /**
     * Connects and registers as {@code clientName} (at most 63 bytes are sent).
     *
     * @param codecs the messages the client means to send and receive
     * @param timeout how long a call waits for its reply (and the handshake for its own)
     * @throws ApiClientException if no runtime answers at {@code socketPath}
     */
    public static ApiConnection connect(Path socketPath, String clientName, ApiCodecs codecs, Duration timeout) {
        Objects.requireNonNull(socketPath, "socketPath");
        Objects.requireNonNull(clientName, "clientName");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("api connection: timeout must be positive, got " + timeout);
        }
        List<MessageCodec<?>> all = new ArrayList<>(OWN_CODECS);
        codecs.all().stream().filter(codec -> !OWN_CODECS.contains(codec)).forEach(all::add);
        ApiConnection connection = new ApiConnection(socketPath, clientName, ApiCodecs.of(all), timeout);
        connection.session = connection.handshake();
        return connection;
    }

    /** How the client's codecs matched the server's table at the last (re)connect. */
    public TableCheck tableCheck() {
        return live().check;
    }

    /** The server's table from the last handshake. */
    public ServerMessageTable table() {
        return live().table;
    }

    /** The {@code client_index} the server gave this registration. */
    public int clientIndex() {
        return live().handle;
    }

    public Path socketPath() {
        return socketPath;
    }

    /** Whether the connection is open and its reader has not seen the server go away. */
    public boolean isOpen() {
        Session current = session;
        return current != null && !current.lost;
    }

    /** Sends {@code request} and waits for its reply, which must be of {@code replyCodec}'s type. */
    @Override
    public <R extends ApiMessage> R call(ApiMessage request, MessageCodec<R> replyCodec) {
        Session current = live();
        int context = nextContext();
        CompletableFuture<R> reply = startCall(current, context, request, replyCodec);
        return await(current, context, reply, request.messageName() + " (context " + context + ")",
                replyCodec.name());
    }

    /**
     * Sends {@code request}; the future completes with its reply, or fails with an
     * {@link ApiClientException} ({@link ApiTimeoutException} after the connection's timeout).
     *
     * @throws ApiMismatchException at once if the server does not have the request or the reply
     */
    public <R extends ApiMessage> CompletableFuture<R> callAsync(ApiMessage request, MessageCodec<R> replyCodec) {
        Session current = live();
        int context = nextContext();
        CompletableFuture<R> reply = startCall(current, context, request, replyCodec);
        failLater(current, context, request.messageName() + " (context " + context + ")", replyCodec.name());
        return reply;
    }

    /**
     * Sends a dump request and a {@code control_ping}, and returns the details that came before
     * its reply: {@link #dumpStream} collected. Waits at most the timeout for each message.
     */
    @Override
    public <D extends ApiMessage> List<D> dump(ApiMessage request, MessageCodec<D> detailsCodec) {
        try (Stream<D> details = dumpStream(request, detailsCodec)) {
            return details.toList();
        }
    }

    /**
     * Sends a dump request and a {@code control_ping} now, and streams the details as they
     * arrive, up to the {@code control_ping_reply}: each element waits at most the timeout
     * ({@link ApiTimeoutException}), a failure of the exchange is thrown as an
     * {@link ApiClientException} from the stream. Details arriving before the stream reads them
     * are buffered. Closing the stream early drops the rest of the dump as it arrives, so
     * nothing of it reaches the event listeners and the connection goes on serving calls.
     *
     * @throws ApiMismatchException at once if the server does not have the request or the details
     */
    @Override
    public <D extends ApiMessage> Stream<D> dumpStream(ApiMessage request, MessageCodec<D> detailsCodec) {
        Session current = live();
        DetailsStream<D, ControlPingReply> details = new DetailsStream<>(current, request.messageName(), detailsCodec,
                ControlPingReply.CODEC, end -> Optional.empty());
        details.startPage(request, true);
        return details.stream();
    }

    /**
     * Every page of a cursor get ({@code X_get} with a {@code u32 cursor}, answered by
     * {@code X_details*} and an {@code X_get_reply} with {@code retval} and {@code cursor}), as
     * one lazy stream of details. {@code requestAt} makes the request for a cursor; the first
     * is sent now with cursor 0, each further one only when the stream needs the next page:
     * while the reply says -165 ({@code VNET_API_ERROR_EAGAIN}), from
     * the cursor it gives. Retval 0 ends the stream; any other is thrown from the stream as an
     * {@link ApiClientException} naming it and the cursor. Each element waits at most the
     * timeout. Closing the stream early drops the rest of the current page as it arrives and
     * asks for no more.
     *
     * @throws ApiMismatchException at once if the server does not have the request, reply or details
     * @throws IllegalArgumentException if {@code replyCodec}'s message has no {@code retval} and
     *         {@code cursor} fields
     */
    @Override
    public <D extends ApiMessage, R extends ApiMessage> Stream<D> getAll(LongFunction<? extends ApiMessage> requestAt,
                                                                        MessageCodec<R> replyCodec,
                                                                        MessageCodec<D> detailsCodec) {
        CursorReply steering = CursorReply.of(replyCodec.type()).orElseThrow(() -> new IllegalArgumentException(
                "message " + replyCodec.name() + " has no retval and cursor fields: it is not a cursor get's reply"));
        Session current = live();
        ApiMessage first = requestAt.apply(0);
        String what = first.messageName();
        DetailsStream<D, R> details = new DetailsStream<>(current, what, detailsCodec, replyCodec, reply -> {
            int retval = steering.retval(reply);
            long cursor = steering.cursor(reply);
            if (retval == ApiErrors.EAGAIN) {
                return Optional.of(requestAt.apply(cursor));
            }
            if (retval != 0) {
                throw new ApiClientException(what + ": " + replyCodec.name() + " has retval " + retval
                        + " (cursor " + cursor + ")");
            }
            return Optional.empty();
        });
        details.startPage(first, false);
        return details.stream();
    }

    /** {@link #dump} without waiting. */
    public <D extends ApiMessage> CompletableFuture<List<D>> dumpAsync(ApiMessage request, MessageCodec<D> detailsCodec) {
        Session current = live();
        int context = nextContext();
        CompletableFuture<List<D>> details = startDump(current, context, request, detailsCodec);
        failLater(current, context, request.messageName() + " (context " + context + ")", "control_ping_reply");
        return details;
    }

    /** Round trip through the server's API thread. */
    public ControlPingReply controlPing() {
        return call(new ControlPing(0, 0), ControlPingReply.CODEC);
    }

    /**
     * Sends {@code message} with a fresh context and does not wait: whatever answers it goes to
     * the event listeners. Returns the context used.
     */
    @Override
    public int send(ApiMessage message) {
        Session current = live();
        int context = nextContext();
        current.socket.write(encode(current, message, context));
        return context;
    }

    /** {@code listener} gets, on the reader thread, every message no call waits for. */
    public void addEventListener(Consumer<ApiEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeEventListener(Consumer<ApiEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * Drops the current socket (failing its calls) and connects again to the same path:
     * handshake, new table, new check. Use it after the runtime restarted.
     *
     * @return the new table check
     */
    public TableCheck reconnect() {
        synchronized (lifecycle) {
            Session old = session;
            session = null;
            if (old != null) {
                old.shutdown("the connection was replaced by reconnect()");
            }
            session = handshake();
            return session.check;
        }
    }

    /** Unregisters ({@code sockclnt_delete}, if the server is still there) and closes the socket. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            Session old = session;
            session = null;
            if (old == null) {
                return;
            }
            if (!old.lost) {
                int context = nextContext();
                try {
                    CompletableFuture<SockclntDeleteReply> reply = startCall(old, context,
                            new SockclntDelete(0, 0, Integer.toUnsignedLong(old.handle)), SockclntDeleteReply.CODEC);
                    reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RuntimeException | ExecutionException | TimeoutException e) {
                    // the server may already be gone; the socket is closed below either way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            old.shutdown("the connection was closed");
        }
    }

    private <D extends ApiMessage> CompletableFuture<List<D>> startDump(Session current, int context,
                                                                        ApiMessage request, MessageCodec<D> details) {
        current.bind(details);
        current.bind(ControlPingReply.CODEC);
        byte[] dump = encode(current, request, context);
        byte[] ping = encode(current, new ControlPing(0, 0), context);
        DumpCollector<D> collector = new DumpCollector<>(request.messageName(), details);
        current.start(context, collector, dump);
        CompletableFuture<List<D>> result = collector.future;
        try {
            current.socket.write(ping);
        } catch (ApiClientException e) {
            current.fail(context, e);
        }
        return result;
    }

    private <R extends ApiMessage> CompletableFuture<R> startCall(Session current, int context, ApiMessage request,
                                                                  MessageCodec<R> replyCodec) {
        byte[] payload = encode(current, request, context);
        current.bind(replyCodec);
        SingleReply<R> waiter = new SingleReply<>(request.messageName(), replyCodec);
        current.start(context, waiter, payload);
        return waiter.future;
    }

    /** After the timeout, fails the exchange on {@code context} if it is still waiting. */
    private void failLater(Session current, int context, String what, String expected) {
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() ->
                current.fail(context, new ApiTimeoutException(what + ": no " + expected + " within "
                        + timeout.toMillis() + " ms from the runtime at " + socketPath)));
    }

    private <T> T await(Session current, int context, CompletableFuture<T> result, String what, String expected) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            current.pending.remove(context);
            throw new ApiTimeoutException(what + ": no " + expected + " within " + timeout.toMillis()
                    + " ms from the runtime at " + socketPath);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiClientException failure) {
                throw failure;
            }
            throw new ApiClientException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            current.pending.remove(context);
            Thread.currentThread().interrupt();
            throw new ApiClientException(what + ": interrupted while waiting for " + expected, e);
        }
    }

    private int nextContext() {
        int context;
        do {
            context = contexts.incrementAndGet();
        } while (context == 0);
        return context;
    }

    /** The payload with the server's id, this client's index and {@code context} in place. */
    @SuppressWarnings("unchecked")
    private static byte[] encode(Session current, ApiMessage message, int context) {
        MessageCodec<ApiMessage> codec = (MessageCodec<ApiMessage>) message.codec();
        byte[] payload = codec.encode(message, current.bind(codec));
        ByteBuffer fields = ByteBuffer.wrap(payload);
        switch (ContextLayout.of(codec.type())) {
            case REQUEST -> fields.putInt(ContextLayout.CLIENT_INDEX_OFFSET, current.handle)
                    .putInt(ContextLayout.REQUEST_CONTEXT_OFFSET, context);
            case REPLY -> fields.putInt(ContextLayout.REPLY_CONTEXT_OFFSET, context);
            case OTHER -> throw new ApiClientException("message '" + codec.name()
                    + "' has no context field up front, so no reply could be matched to it");
        }
        return payload;
    }

    private Session live() {
        Session current = session;
        if (current == null) {
            throw new ApiClientException("the connection to " + socketPath + " is closed");
        }
        if (current.lost) {
            throw new ApiClientException("the connection to the runtime at " + socketPath + " was lost ("
                    + current.lostBecause + "); reconnect() when it is back");
        }
        return current;
    }

    private Session handshake() {
        FrameSocket socket = FrameSocket.open(socketPath);
        try {
            int context = nextContext();
            socket.write(SockclntCreate.CODEC.encode(new SockclntCreate(Integer.toUnsignedLong(context), clientName),
                    SOCKCLNT_CREATE_ID));
            CompletableFuture<byte[]> replyBytes = CompletableFuture.supplyAsync(() -> readHandshakeReply(socket),
                    command -> Thread.ofVirtual().name("api-client-handshake").start(command));
            byte[] payload = replyBytes.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            SockclntCreateReply reply = SockclntCreateReply.CODEC.decode(payload);
            ServerMessageTable table = ServerMessageTable.of(reply.messageTable());
            Session fresh = new Session(socket, (int) reply.index_(), table, TableCheck.of(codecs, table));
            fresh.startReader();
            return fresh;
        } catch (TimeoutException e) {
            socket.close();
            throw new ApiTimeoutException("no sockclnt_create_reply within " + timeout.toMillis()
                    + " ms from the runtime at " + socketPath);
        } catch (ExecutionException e) {
            socket.close();
            throw new ApiClientException("handshake with the runtime at " + socketPath + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ApiCodecException e) {
            socket.close();
            throw new ApiClientException("handshake with the runtime at " + socketPath + ": bad sockclnt_create_reply: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            socket.close();
            Thread.currentThread().interrupt();
            throw new ApiClientException("interrupted during the handshake with " + socketPath, e);
        }
    }

    private static byte[] readHandshakeReply(FrameSocket socket) {
        try {
            while (true) {
                byte[] payload = socket.read();
                if (payload == null) {
                    throw new ApiClientException("the server closed the connection before sockclnt_create_reply");
                }
                if (payload.length >= 2 && Short.toUnsignedInt(ByteBuffer.wrap(payload).getShort(0))
                        == SOCKCLNT_CREATE_REPLY_ID) {
                    return payload;
                }
            }
        } catch (IOException e) {
            throw new ApiClientException("read failed: " + e.getMessage(), e);
        }
    }

    private void deliverEvent(String key, byte[] payload) {
        Optional<ApiMessage> message = codecs.forKey(key).flatMap(codec -> {
            try {
                return Optional.<ApiMessage>of(codec.decode(payload));
            } catch (ApiCodecException e) {
                return Optional.empty();
            }
        });
        ApiEvent event = new ApiEvent(key, message, payload);
        for (Consumer<ApiEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // a listener's failure must not stop the reader, which serves every call
            }
        }
    }

    /** What waits for the messages of one context. */
    private interface Pending {
        /** Takes one message; true when the exchange is over. */
        boolean accept(String key, byte[] payload);

        void fail(Throwable failure);
    }

    private static final class SingleReply<R extends ApiMessage> implements Pending {
        final CompletableFuture<R> future = new CompletableFuture<>();
        private final String request;
        private final MessageCodec<R> replyCodec;

        SingleReply(String request, MessageCodec<R> replyCodec) {
            this.request = request;
            this.replyCodec = replyCodec;
        }

        @Override
        public boolean accept(String key, byte[] payload) {
            if (!key.equals(replyCodec.key())) {
                future.completeExceptionally(new ApiClientException(request + ": the server answered " + key
                        + ", not " + replyCodec.key()));
                return true;
            }
            try {
                future.complete(replyCodec.decode(payload));
            } catch (ApiCodecException e) {
                future.completeExceptionally(new ApiClientException(request + ": bad reply: " + e.getMessage(), e));
            }
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            future.completeExceptionally(failure);
        }
    }

    private static final class DumpCollector<D extends ApiMessage> implements Pending {
        final CompletableFuture<List<D>> future = new CompletableFuture<>();
        private final String request;
        private final MessageCodec<D> detailsCodec;
        private final List<D> details = new ArrayList<>();

        DumpCollector(String request, MessageCodec<D> detailsCodec) {
            this.request = request;
            this.detailsCodec = detailsCodec;
        }

        @Override
        public boolean accept(String key, byte[] payload) {
            try {
                if (key.equals(detailsCodec.key())) {
                    details.add(detailsCodec.decode(payload));
                    return false;
                }
                if (key.equals(ControlPingReply.CODEC.key())) {
                    future.complete(List.copyOf(details));
                    return true;
                }
                future.completeExceptionally(new ApiClientException(request + ": the server sent " + key
                        + " in a stream of " + detailsCodec.key()));
            } catch (ApiCodecException e) {
                future.completeExceptionally(new ApiClientException(request + ": bad details: " + e.getMessage(), e));
            }
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            future.completeExceptionally(failure);
        }
    }

    /**
     * One page of a streamed answer: the details on one context, queued as the reader takes
     * them, up to the message that ends the page. Abandoned, it drops details until that end,
     * so a stream closed early leaves nothing behind on the connection.
     */
    private static final class StreamPage<D extends ApiMessage, E extends ApiMessage> implements Pending {
        /** What the queue holds besides details. */
        private record End<E>(E message) {
        }

        private record Failed(Throwable failure) {
        }

        private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
        private final String request;
        private final MessageCodec<D> detailsCodec;
        private final MessageCodec<E> endCodec;
        private volatile boolean abandoned;

        StreamPage(String request, MessageCodec<D> detailsCodec, MessageCodec<E> endCodec) {
            this.request = request;
            this.detailsCodec = detailsCodec;
            this.endCodec = endCodec;
        }

        @Override
        public boolean accept(String key, byte[] payload) {
            try {
                if (key.equals(detailsCodec.key())) {
                    if (!abandoned) {
                        arrived.add(detailsCodec.decode(payload));
                    }
                    return false;
                }
                if (key.equals(endCodec.key())) {
                    arrived.add(new End<>(endCodec.decode(payload)));
                    return true;
                }
                arrived.add(new Failed(new ApiClientException(request + ": the server sent " + key
                        + " in a stream of " + detailsCodec.key())));
            } catch (ApiCodecException e) {
                arrived.add(new Failed(new ApiClientException(request + ": bad " + key + ": " + e.getMessage(), e)));
            }
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            arrived.add(new Failed(failure));
        }

        void abandon() {
            abandoned = true;
            arrived.clear();
        }
    }

    /**
     * The details of a dump or of a cursor get's pages, read as the stream asks: one
     * {@link StreamPage} at a time, the next page's request made from the end of the last.
     */
    private final class DetailsStream<D extends ApiMessage, E extends ApiMessage> implements Iterator<D> {
        /** The request for the next page after a page's end message, or none at the end. */
        interface NextPage<E> {
            Optional<ApiMessage> after(E end);
        }

        private final Session session;
        private final String what;
        private final MessageCodec<D> detailsCodec;
        private final MessageCodec<E> endCodec;
        private final NextPage<E> nextPage;
        private StreamPage<D, E> page;
        private int context;
        private D next;
        private boolean finished;

        DetailsStream(Session session, String what, MessageCodec<D> detailsCodec, MessageCodec<E> endCodec,
                      NextPage<E> nextPage) {
            this.session = session;
            this.what = what;
            this.detailsCodec = detailsCodec;
            this.endCodec = endCodec;
            this.nextPage = nextPage;
        }

        /** Sends {@code request} (and a ping behind it for a dump) and makes its answer the current page. */
        void startPage(ApiMessage request, boolean dump) {
            session.bind(detailsCodec);
            session.bind(endCodec);
            int pageContext = nextContext();
            byte[] payload = encode(session, request, pageContext);
            byte[] ping = dump ? encode(session, new ControlPing(0, 0), pageContext) : null;
            page = new StreamPage<>(what, detailsCodec, endCodec);
            context = pageContext;
            session.start(pageContext, page, payload);
            if (ping != null) {
                try {
                    session.socket.write(ping);
                } catch (ApiClientException e) {
                    session.fail(pageContext, e);
                }
            }
        }

        Stream<D> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !finished) {
                Object item = take();
                if (item instanceof StreamPage.Failed failed) {
                    finished = true;
                    throw failed.failure() instanceof ApiClientException client ? client
                            : new ApiClientException(what + ": " + failed.failure().getMessage(), failed.failure());
                }
                if (item instanceof StreamPage.End<?> end) {
                    @SuppressWarnings("unchecked")
                    E message = (E) end.message();
                    Optional<ApiMessage> request;
                    try {
                        request = nextPage.after(message);
                    } catch (RuntimeException e) {
                        finished = true;
                        throw e;
                    }
                    if (request.isEmpty()) {
                        finished = true;
                    } else {
                        startPage(request.get(), false);
                    }
                } else {
                    @SuppressWarnings("unchecked")
                    D details = (D) item;
                    next = details;
                }
            }
            return next != null;
        }

        @Override
        public D next() {
            if (!hasNext()) {
                throw new NoSuchElementException(what + ": the stream has ended");
            }
            D details = next;
            next = null;
            return details;
        }

        private Object take() {
            try {
                Object item = page.arrived.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                if (item == null) {
                    finished = true;
                    session.pending.remove(context);
                    throw new ApiTimeoutException(what + " (context " + context + "): nothing more within "
                            + timeout.toMillis() + " ms from the runtime at " + socketPath + "; no "
                            + endCodec.name() + " yet");
                }
                return item;
            } catch (InterruptedException e) {
                finished = true;
                page.abandon();
                Thread.currentThread().interrupt();
                throw new ApiClientException(what + ": interrupted while waiting for details", e);
            }
        }

        /** The rest of the current page is dropped as it arrives; no further page is asked for. */
        private void close() {
            if (!finished) {
                finished = true;
                page.abandon();
            }
            next = null;
        }
    }

    /** One socket and the registration, table and pending calls that belong to it. */
    private final class Session {
        final FrameSocket socket;
        final int handle;
        final ServerMessageTable table;
        final TableCheck check;
        final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
        volatile boolean lost;
        volatile String lostBecause = "";

        Session(FrameSocket socket, int handle, ServerMessageTable table, TableCheck check) {
            this.socket = socket;
            this.handle = handle;
            this.table = table;
            this.check = check;
        }

        /** The server's id for {@code codec}, or the reason it may not be used. */
        int bind(MessageCodec<?> codec) {
            Optional<Integer> id = table.id(codec.key());
            if (id.isPresent()) {
                return id.get();
            }
            String why = table.keyOfName(codec.name())
                    .map(serverKey -> "the server has it as " + serverKey + " (another layout)")
                    .orElse("the server has no message of that name");
            throw new ApiMismatchException("message " + codec.key() + " cannot be used with the runtime at "
                    + socketPath + ": " + why);
        }

        /** Sends {@code request}; what comes back on {@code context} goes to {@code waiter}, as does a failure. */
        void start(int context, Pending waiter, byte[] request) {
            pending.put(context, waiter);
            if (lost) {
                fail(context, new ApiClientException("the connection to the runtime at " + socketPath
                        + " was lost (" + lostBecause + ")"));
                return;
            }
            try {
                socket.write(request);
            } catch (ApiClientException e) {
                fail(context, e);
            }
        }

        void fail(int context, Throwable failure) {
            Pending waiter = pending.remove(context);
            if (waiter != null) {
                waiter.fail(failure);
            }
        }

        void startReader() {
            Thread.ofVirtual().name("api-client-reader " + socketPath).start(this::readLoop);
        }

        private void readLoop() {
            String why = "the server closed the connection";
            try {
                byte[] payload;
                while ((payload = socket.read()) != null) {
                    dispatch(payload);
                }
            } catch (IOException e) {
                why = e.getMessage();
            } catch (RuntimeException e) {
                why = "the reader failed: " + e;
            } finally {
                shutdown(why);
            }
        }

        private void dispatch(byte[] payload) {
            if (payload.length < MessageCodec.ID_SIZE) {
                return;
            }
            ByteBuffer fields = ByteBuffer.wrap(payload);
            int id = Short.toUnsignedInt(fields.getShort(0));
            String key = table.key(id).orElse("unknown message id " + id);
            Optional<MessageCodec<?>> codec = codecs.forKey(key);
            if (codec.isPresent()) {
                int offset = ContextLayout.of(codec.get().type()).contextOffset();
                if (offset >= 0 && payload.length >= offset + Integer.BYTES) {
                    int context = fields.getInt(offset);
                    Pending waiter = pending.get(context);
                    if (waiter != null) {
                        if (waiter.accept(key, payload)) {
                            pending.remove(context);
                        }
                        return;
                    }
                }
            }
            deliverEvent(key, payload);
        }

        void shutdown(String why) {
            if (!lost) {
                lostBecause = why;
                lost = true;
            }
            socket.close();
            ApiClientException failure = new ApiClientException("the connection to the runtime at " + socketPath
                    + " ended before the reply: " + lostBecause);
            for (Integer context : List.copyOf(pending.keySet())) {
                fail(context, failure);
            }
        }
    }
}
