package io.vecta.runtime.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection to the API socket, which is one client registration, as in VPP.
 *
 * <pre>
 *   reader thread:  socket ─▶ FrameAssembler ─▶ payloads of one read
 *                     ─▶ server.dispatch (runs on the main thread; the reader waits for it)
 *   main thread:    handler ─▶ ApiReplySink ─▶ send ─▶ OutputQueue (bounded, never waits)
 *   writer thread:  OutputQueue ─▶ socket (blocks here, not on the main thread)
 * </pre>
 *
 * The reader hands the main thread the frames of one read and waits until they are handled
 * before reading on, so one client's messages are handled strictly in order and a client
 * that floods requests is slowed by its own socket. Either thread ending (end of stream, a
 * broken framing, an I/O error) or the server cutting the client off ends the registration.
 */
public final class ApiClient implements ApiRequester {

    /** Bit 31 marks a socket client's handle, as in VPP. */
    public static final int SOCKET_HANDLE_BIT = 0x80000000;

    /** Bad-input log lines per client before the rest are only counted. */
    private static final int LOG_BUDGET = 8;

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    /** Frames written by one gathering write at most. */
    private static final int WRITE_BATCH_FRAMES = 64;

    private final ApiServer server;
    private final SocketChannel channel;
    private final int index;
    private final OutputQueue output;
    private final FrameAssembler assembler;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger logBudget = new AtomicInteger(LOG_BUDGET);
    private volatile String name = "";

    ApiClient(ApiServer server, SocketChannel channel, int registration, ApiServerOptions options) {
        this.server = server;
        this.channel = channel;
        this.index = SOCKET_HANDLE_BIT | registration;
        this.output = new OutputQueue(options.maxQueuedBytes());
        this.assembler = new FrameAssembler(options.maxFrameBytes());
    }

    /** The client's handle: {@code 0x80000000 | registration number}, never 0. */
    @Override
    public int index() {
        return index;
    }

    /** The name it gave in {@code sockclnt_create}; empty before. */
    @Override
    public String name() {
        return name;
    }

    /** Messages received from it. */
    public long messagesReceived() {
        return received.get();
    }

    /** Messages queued for it. */
    public long messagesSent() {
        return sent.get();
    }

    /** Bytes waiting to be written to it. */
    public long queuedBytes() {
        return output.queuedBytes();
    }

    /** Whether the registration still lives. */
    public boolean isConnected() {
        return !ended.get();
    }

    /**
     * Queues one message (id at the buffer's position) for the client, behind everything queued
     * before; any thread, never waits. The client must know the message's id from its table.
     * The buffer is the sink's from then on. A client gone meanwhile loses it (counted); a client
     * whose queue would pass the limit is cut off.
     *
     * @return whether the message was queued
     */
    @Override
    public boolean send(ByteBuffer payload) {
        ByteBuffer body = payload.slice();
        ByteBuffer[] frame = {ApiFrame.header(body.remaining()), body};
        switch (output.offer(frame)) {
            case QUEUED -> {
                sent.incrementAndGet();
                return true;
            }
            case CLOSED -> {
                server.tally().repliesDropped.incrementAndGet();
                return false;
            }
            case OVER_LIMIT -> {
                server.tally().repliesDropped.incrementAndGet();
                server.tally().clientsCutOff.incrementAndGet();
                server.log(this, "cut off: it does not read its replies and more than "
                        + server.options().maxQueuedBytes() + " bytes wait for it", true);
                end();
                return false;
            }
        }
        throw new AssertionError();
    }

    /**
     * Sends {@code message} unsolicited, an event such as {@code sw_interface_event}: encoded by
     * its generated codec under the id the server's table gives it, queued as {@link #send(ByteBuffer)}
     * queues. Any thread.
     *
     * @return whether the message was queued
     * @throws IllegalStateException if the server's table lacks the message
     */
    public boolean send(io.vecta.sdk.api.ApiMessage message) {
        return send(ByteBuffer.wrap(server.table().encode(message)));
    }

    void setName(String name) {
        this.name = name;
    }

    /** Writes what is queued, then closes: the answer to {@code sockclnt_delete}. */
    void closeAfterQueued() {
        output.finish();
    }

    void start() {
        Thread.ofVirtual().name("api-client-" + Integer.toHexString(index) + "-read").start(this::readLoop);
        Thread.ofVirtual().name("api-client-" + Integer.toHexString(index) + "-write").start(this::writeLoop);
    }

    /** Ends the registration now: closes the socket, drops what waits; any thread, once. */
    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        server.tally().repliesDropped.addAndGet(output.close());
        try {
            channel.close();
        } catch (IOException e) {
            // the descriptor is released whatever close reports
        }
        server.clientEnded(this);
    }

    /** Whether a bad-input line may still be logged for this client. */
    boolean mayLog() {
        return logBudget.getAndDecrement() > 0;
    }

    private void readLoop() {
        ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
        List<ByteBuffer> batch = new ArrayList<>();
        try {
            while (!ended.get()) {
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    if (assembler.inFrame()) {
                        server.tally().truncatedFrames.incrementAndGet();
                        server.log(this, "closed the connection inside a frame, after " + assembler.bytesInFrame()
                                + " of its bytes", false);
                    }
                    return;
                }
                in.flip();
                assembler.feed(in, batch::add);
                if (!batch.isEmpty()) {
                    received.addAndGet(batch.size());
                    server.dispatch(this, batch);
                    batch.clear();
                }
            }
        } catch (ApiProtocolException e) {
            server.tally().protocolErrors.incrementAndGet();
            server.log(this, e.getMessage() + "; closing the connection", false);
        } catch (IOException e) {
            if (!ended.get()) {
                server.tally().ioErrors.incrementAndGet();
            }
        } catch (IllegalStateException e) {
            // the runtime is stopping: nothing handles messages any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    private void writeLoop() {
        List<ByteBuffer> pending = new ArrayList<>();
        try {
            while (output.take(pending, WRITE_BATCH_FRAMES)) {
                ByteBuffer[] buffers = pending.toArray(ByteBuffer[]::new);
                ByteBuffer last = buffers[buffers.length - 1];
                while (last.hasRemaining()) {
                    channel.write(buffers);
                }
                pending.clear();
            }
        } catch (IOException e) {
            if (!ended.get()) {
                server.tally().ioErrors.incrementAndGet();
            }
            // the batch in hand when the client went is lost too: count what of it was not written
            server.tally().repliesDropped.addAndGet(unwritten(pending));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    /** Frames of a taken batch (header, payload, header, ...) whose payload did not go out whole. */
    private static int unwritten(List<ByteBuffer> batch) {
        int frames = 0;
        for (int payload = 1; payload < batch.size(); payload += 2) {
            if (batch.get(payload).hasRemaining()) {
                frames++;
            }
        }
        return frames;
    }
}
