package io.vecta.runtime.api;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting to be written to one client, bounded in bytes: the main thread adds and
 * never waits; the client's writer thread takes and blocks in the socket. A client that stops
 * reading makes the queue grow until {@link #offer} refuses, and the server then cuts it off.
 * The lock is held only to add or take one entry.
 */
final class OutputQueue {

    /** What {@link #offer} did. */
    enum Offer { QUEUED, OVER_LIMIT, CLOSED }

    private final long limitBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuffer[]> frames = new ArrayDeque<>();
    private long queuedBytes;
    private boolean finishing;
    private boolean closed;

    OutputQueue(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /**
     * Queues {@code frame} (header and payload) unless that takes the queue past its limit; a
     * frame into an empty queue is always taken, so that one large reply (a big message table)
     * never exceeds a limit on its own.
     */
    Offer offer(ByteBuffer[] frame) {
        long bytes = frame[0].remaining() + frame[1].remaining();
        lock.lock();
        try {
            if (closed || finishing) {
                return Offer.CLOSED;
            }
            if (!frames.isEmpty() && queuedBytes + bytes > limitBytes) {
                return Offer.OVER_LIMIT;
            }
            frames.add(frame);
            queuedBytes += bytes;
            changed.signal();
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code maxFrames} waiting frames into {@code into} as header, payload, header,
     * ..., waiting for at least one; false once the queue is closed, or is finishing and has
     * handed out everything. Several frames go out in one gathering write.
     */
    boolean take(List<ByteBuffer> into, int maxFrames) throws InterruptedException {
        lock.lock();
        try {
            while (frames.isEmpty() && !closed && !finishing) {
                changed.await();
            }
            if (closed || frames.isEmpty()) {
                return false;
            }
            for (int i = 0; i < maxFrames && !frames.isEmpty(); i++) {
                ByteBuffer[] frame = frames.poll();
                queuedBytes -= frame[0].remaining() + frame[1].remaining();
                into.add(frame[0]);
                into.add(frame[1]);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more frames; those queued are still handed out, then {@link #take} returns null. */
    void finish() {
        lock.lock();
        try {
            finishing = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything and wakes the writer; returns how many frames were dropped. */
    int close() {
        lock.lock();
        try {
            closed = true;
            int dropped = frames.size();
            frames.clear();
            queuedBytes = 0;
            changed.signal();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes waiting now. */
    long queuedBytes() {
        lock.lock();
        try {
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }
}
