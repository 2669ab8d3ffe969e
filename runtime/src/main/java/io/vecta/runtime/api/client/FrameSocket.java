package io.vecta.runtime.api.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The socket transport's frames on one connection: a 16-byte header, then the payload.
 *
 * <pre>
 *  0        8               12        16
 *  | unused | length u32 BE | unused  | payload (length bytes) |
 * </pre>
 * Writes are whole frames under a lock, so callers on several threads never interleave; reads
 * belong to the one reader thread.
 */
final class FrameSocket implements AutoCloseable {

    static final int HEADER_BYTES = 16;
    static final int LENGTH_OFFSET = 8;
    /** Larger than any message the runtime sends; a larger length means the stream is garbage. */
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    private final SocketChannel channel;
    private final Path path;
    private final ReentrantLock writeLock = new ReentrantLock();

    private FrameSocket(SocketChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    static FrameSocket open(Path path) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(path));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new FrameSocket(channel, path);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ApiClientException("no runtime at " + path + ": " + e.getMessage(), e);
        }
    }

    void write(byte[] payload) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(LENGTH_OFFSET, payload.length);
        ByteBuffer[] frame = {header, ByteBuffer.wrap(payload)};
        writeLock.lock();
        try {
            while (frame[1].hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            throw new ApiClientException("api socket " + path + ": write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The next payload, or null at the end of the stream. */
    byte[] read() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (!fill(header)) {
            return null;
        }
        int length = header.getInt(LENGTH_OFFSET);
        if (length < 0 || length > MAX_PAYLOAD_BYTES) {
            throw new IOException("frame length " + Integer.toUnsignedString(length) + " is over the "
                    + MAX_PAYLOAD_BYTES + " bytes a message may have");
        }
        byte[] payload = new byte[length];
        return fill(ByteBuffer.wrap(payload)) ? payload : null;
    }

    private boolean fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing only releases the descriptor; nothing is lost if it complains
        }
    }
}
