package io.vecta.runtime.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client that speaks the socket transport byte by byte, written from the protocol description
 * rather than from the server's classes: 16-byte headers with the big-endian length at offset 8,
 * and memclnt's messages laid out field by field.
 */
final class RawApiClient implements AutoCloseable {

    static final int SOCKCLNT_CREATE = 15;
    static final int SOCKCLNT_CREATE_REPLY = 16;

    /** Long enough for a loaded machine; a reply that never comes fails the test rather than hanging it. */
    private static final long READ_TIMEOUT_SECONDS = 20;

    final SocketChannel channel;
    /** The table from the handshake: name_crc to id. */
    final Map<String, Integer> table = new LinkedHashMap<>();
    int handle;

    private RawApiClient(SocketChannel channel) {
        this.channel = channel;
    }

    static RawApiClient connect(Path socket) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new RawApiClient(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and completes the handshake as vpp_papi does (context 124). */
    static RawApiClient handshake(Path socket, String name) {
        RawApiClient client = connect(socket);
        client.send(sockclntCreate(124, name));
        ByteBuffer reply = client.read();
        if (reply == null || reply.getShort(0) != SOCKCLNT_CREATE_REPLY) {
            throw new IllegalStateException("no sockclnt_create_reply");
        }
        client.readTable(reply);
        return client;
    }

    void readTable(ByteBuffer reply) {
        handle = reply.getInt(14);
        int count = Short.toUnsignedInt(reply.getShort(18));
        for (int i = 0; i < count; i++) {
            int at = 20 + i * 66;
            table.put(cString(reply, at + 2, 64), Short.toUnsignedInt(reply.getShort(at)));
        }
    }

    int id(String nameCrc) {
        Integer id = table.get(nameCrc);
        if (id == null) {
            throw new IllegalStateException(nameCrc + " is not in the table");
        }
        return id;
    }

    static ByteBuffer sockclntCreate(int context, String name) {
        ByteBuffer m = payload(70).putShort(0, (short) SOCKCLNT_CREATE).putInt(2, context);
        m.put(6, name.getBytes(StandardCharsets.US_ASCII));
        return m;
    }

    /** {@code u16 id | u32 client_index | u32 context}: control_ping, api_versions, keepalive, ... */
    ByteBuffer plain(String nameCrc, int context) {
        return payload(10).putShort(0, (short) id(nameCrc)).putInt(2, handle).putInt(6, context);
    }

    ByteBuffer controlPing(int context) {
        return plain("control_ping_51077d14", context);
    }

    ByteBuffer sockclntDelete(int context, int index) {
        return payload(14).putShort(0, (short) id("sockclnt_delete_8ac76db6")).putInt(2, handle).putInt(6, context)
                .putInt(10, index);
    }

    ByteBuffer getFirstMsgId(int context, String range) {
        ByteBuffer m = payload(74).putShort(0, (short) id("get_first_msg_id_ebf79a66")).putInt(2, handle)
                .putInt(6, context);
        m.put(10, range.getBytes(StandardCharsets.US_ASCII));
        return m;
    }

    static ByteBuffer payload(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
    }

    /** One frame's bytes: header, then payload. */
    static byte[] frame(ByteBuffer payload) {
        byte[] bytes = new byte[16 + payload.capacity()];
        ByteBuffer.wrap(bytes).putInt(8, payload.capacity()).put(16, payload.array());
        return bytes;
    }

    void send(ByteBuffer payload) {
        write(frame(payload));
    }

    void write(byte[] bytes) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame's payload, or null at the end of the stream (also when reset by the server). */
    ByteBuffer read() {
        CompletableFuture<ByteBuffer> next = CompletableFuture.supplyAsync(this::readBlocking,
                command -> Thread.ofVirtual().start(command));
        try {
            return next.get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no frame from the server within " + READ_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private ByteBuffer readBlocking() {
        ByteBuffer header = ByteBuffer.allocate(16);
        if (!fill(header)) {
            return null;
        }
        ByteBuffer payload = payload(header.getInt(8));
        if (!fill(payload)) {
            return null;
        }
        return payload.flip();
    }

    private boolean fill(ByteBuffer buffer) {
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String cString(ByteBuffer b, int offset, int max) {
        int n = 0;
        while (n < max && b.get(offset + n) != 0) {
            n++;
        }
        byte[] text = new byte[n];
        b.get(offset, text);
        return new String(text, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
