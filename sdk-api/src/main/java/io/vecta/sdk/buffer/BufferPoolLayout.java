package io.vecta.sdk.buffer;

/**
 * Where one buffer pool lies in buffer memory: its buffers are {@link #bufferCount()} slots of
 * {@link #strideBytes()} bytes each, the first at buffer index {@link #firstIndex()}.
 *
 * <pre>
 *   buffer index:  firstIndex        firstIndex + strideLines   ...
 *                  |                 |
 *                  v                 v
 *   memory:        [meta|pre|data....][meta|pre|data....] ... (bufferCount slots)
 *                  &lt;--- strideBytes --&gt;
 * </pre>
 *
 * <p>A slot holds the 128-byte metadata, the 128-byte headroom and {@link #dataSize()} bytes
 * of data, rounded up to whole cache lines and then to an odd number of them, as VPP does:
 * with an even stride every buffer's metadata would fall into the same few cache sets, an odd
 * stride spreads them over all sets. With the default 2048-byte data size the stride is 37
 * cache lines (2368 bytes).
 *
 * @param name        the pool's name, e.g. {@code default-numa-0}
 * @param firstIndex  buffer index of the first buffer; never 0, which means "no buffer"
 * @param bufferCount how many buffers the pool has, at least 1
 * @param dataSize    bytes of packet data per buffer, {@link Buffers#MIN_DATA_SIZE} to
 *                    {@link Buffers#MAX_DATA_SIZE}
 */
public record BufferPoolLayout(String name, int firstIndex, int bufferCount, int dataSize) {

    /** Checks the values; the messages name the pool and the limit. */
    public BufferPoolLayout {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("buffer pool name must not be empty");
        }
        checkDataSize(name, dataSize);
        if (bufferCount < 1) {
            throw new IllegalArgumentException("buffer pool '" + name + "' needs at least 1 buffer, got "
                    + bufferCount);
        }
        if (firstIndex == Buffers.NO_BUFFER) {
            throw new IllegalArgumentException("buffer pool '" + name + "': index 0 means no buffer and cannot be"
                    + " its first buffer");
        }
        long end = Integer.toUnsignedLong(firstIndex) + (long) bufferCount * strideLines(dataSize);
        if (end > 1L << 32) {
            throw new IllegalArgumentException("buffer pool '" + name + "' of " + bufferCount + " buffers from index 0x"
                    + Integer.toHexString(firstIndex) + " ends past the 2^32 cache lines (256 GiB) that 32-bit buffer"
                    + " indices address");
        }
    }

    /**
     * Checks a data size against the limits of the metadata.
     *
     * @throws IllegalArgumentException naming the pool and the limit
     */
    public static void checkDataSize(String poolName, int dataSize) {
        if (dataSize < Buffers.MIN_DATA_SIZE) {
            throw new IllegalArgumentException("buffer pool '" + poolName + "': data size " + dataSize
                    + " is below the minimum of " + Buffers.MIN_DATA_SIZE + " bytes");
        }
        if (dataSize > Buffers.MAX_DATA_SIZE) {
            throw new IllegalArgumentException("buffer pool '" + poolName + "': data size " + dataSize
                    + " is above the maximum of " + Buffers.MAX_DATA_SIZE + " bytes (current_length is 16 bits)");
        }
    }

    /** Cache lines from one buffer to the next for a data size: odd, see the class comment. */
    public static int strideLines(int dataSize) {
        return ((Buffers.HEADER_SIZE + dataSize + Buffers.CACHE_LINE - 1) >>> Buffers.LOG2_CACHE_LINE) | 1;
    }

    /** Bytes from one buffer to the next for a data size. */
    public static int strideBytes(int dataSize) {
        return strideLines(dataSize) << Buffers.LOG2_CACHE_LINE;
    }

    /** Cache lines from one buffer to the next. */
    public int strideLines() {
        return strideLines(dataSize);
    }

    /** Bytes from one buffer to the next. */
    public int strideBytes() {
        return strideBytes(dataSize);
    }

    /** Cache lines the pool's buffers cover. */
    public long spanLines() {
        return (long) bufferCount * strideLines();
    }

    /**
     * The multiplier of the stride test of {@link #isBufferAt}: {@code ceil(2^64 / strideLines)}.
     * A number {@code n < 2^32} is a multiple of {@code d} exactly when {@code n * ceil(2^64 / d)},
     * wrapped to 64 bits, is at most {@code ceil(2^64 / d) - 1} unsigned: a multiplication instead
     * of a division, for the check every freed buffer goes through.
     */
    public long strideTestMultiplier() {
        return Long.divideUnsigned(-1L, strideLines()) + 1;
    }

    /**
     * Whether the buffer index {@code relative} cache lines after a pool's first buffer names a
     * buffer of that pool, given its {@link #spanLines()} and {@link #strideTestMultiplier()}:
     * inside the span (a negative {@code relative} is outside, as unsigned) and on the stride.
     */
    public static boolean isBufferAt(long relative, long spanLines, long strideTestMultiplier) {
        return Long.compareUnsigned(relative, spanLines) < 0
                && Long.compareUnsigned(relative * strideTestMultiplier, strideTestMultiplier - 1) <= 0;
    }

    /** Bytes the pool's buffers cover. */
    public long bytes() {
        return (long) bufferCount * strideBytes();
    }

    /** Byte offset of the first buffer in buffer memory. */
    public long startOffset() {
        return Integer.toUnsignedLong(firstIndex) << Buffers.LOG2_CACHE_LINE;
    }

    /** Byte offset just past the last buffer in buffer memory. */
    public long endOffset() {
        return startOffset() + bytes();
    }

    /**
     * Buffer index of the pool's {@code n}-th buffer.
     *
     * @throws IndexOutOfBoundsException if {@code n} is outside 0 to {@code bufferCount - 1}
     */
    public int bufferIndex(int n) {
        if (n < 0 || n >= bufferCount) {
            throw new IndexOutOfBoundsException("buffer pool '" + name + "' has buffers 0 to " + (bufferCount - 1)
                    + ", not " + n);
        }
        return firstIndex + n * strideLines();
    }
}
