package io.vecta.runtime.cli.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** A client that speaks bytes, to check what a server really sends. */
final class RawClient implements AutoCloseable {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    static RawClient connect(CliEndpoint endpoint) throws IOException {
        return switch (endpoint) {
            case CliEndpoint.UnixSocket unix -> {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(unix.path()));
                yield new RawClient(channel);
            }
            case CliEndpoint.Tcp tcp -> new RawClient(SocketChannel.open(new InetSocketAddress(tcp.host(), tcp.port())));
        };
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Everything up to and including the first occurrence of {@code end}. */
    String readThrough(String end) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("stream ended before '" + end + "'; got: " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(b);
            String text = seen.toString(StandardCharsets.UTF_8);
            if (text.endsWith(end)) {
                return text;
            }
        }
    }

    /** Exactly {@code count} bytes, as UTF-8. */
    String readBytes(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException("stream ended after " + bytes.length + " of " + count + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Everything until the server closes. */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
