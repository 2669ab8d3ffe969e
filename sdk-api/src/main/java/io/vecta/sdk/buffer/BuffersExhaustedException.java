package io.vecta.sdk.buffer;

/**
 * A buffer pool could not supply all the buffers asked for, and the caller asked for all or
 * nothing ({@link BufferAllocator#allocExactly}). Nothing was allocated.
 */
public final class BuffersExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String poolName;
    private final int poolSize;
    private final int requested;
    private final int available;

    /**
     * @param poolName  the pool's name, e.g. {@code default-numa-0}
     * @param poolSize  how many buffers the pool has in all
     * @param requested how many were asked for
     * @param available how many the pool could have supplied
     */
    public BuffersExhaustedException(String poolName, int poolSize, int requested, int available) {
        super("buffer pool '" + poolName + "' (" + poolSize + " buffers) is exhausted: asked for " + requested
                + ", only " + available + " free");
        this.poolName = poolName;
        this.poolSize = poolSize;
        this.requested = requested;
        this.available = available;
    }

    /** The pool's name. */
    public String poolName() {
        return poolName;
    }

    /** How many buffers the pool has in all. */
    public int poolSize() {
        return poolSize;
    }

    /** How many buffers were asked for. */
    public int requested() {
        return requested;
    }

    /** How many the pool could have supplied (all were given back). */
    public int available() {
        return available;
    }
}
