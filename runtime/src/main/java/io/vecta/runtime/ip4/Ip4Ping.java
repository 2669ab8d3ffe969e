package io.vecta.runtime.ip4;

import io.vecta.runtime.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@code ping} command and the nodes share: echo requests waiting for {@code ping-input}
 * to send them, the time each was sent, and the replies {@code ip4-icmp-input} matched to them.
 * The command queues a request and turns the main thread's graph until its reply comes or the
 * interval ends, as VPP's ping waits in a process; the nodes run on the main thread then.
 */
public final class Ip4Ping {

    /** An echo request to send. */
    record Request(int source, int destination, int rxSwIfIndex, int id, int sequence, int dataBytes) {
    }

    /** A reply matched to a request. */
    public record Reply(int from, int sequence, int ttl, int bytes, long roundTripNanos) {
    }

    private final Queue<Request> toSend = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Long> sentNanos = new ConcurrentHashMap<>();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile boolean pending;

    private Ip4Ping(Graph graph) {
    }

    /** The ping state of {@code graph}. */
    public static Ip4Ping of(Graph graph) {
        return graph.service(Ip4Ping.class, Ip4Ping::new);
    }

    /** A fresh echo identifier for one run of the command. */
    public int newId() {
        return nextId.getAndIncrement() & 0xffff;
    }

    /** Queues an echo request for {@code ping-input}. */
    public void send(int source, int destination, int rxSwIfIndex, int id, int sequence, int dataBytes) {
        toSend.add(new Request(source, destination, rxSwIfIndex, id, sequence, dataBytes));
        pending = true;
    }

    /** The replies matched since the last call. */
    public List<Reply> takeReplies() {
        List<Reply> taken = new ArrayList<>();
        for (Reply reply; (reply = replies.poll()) != null; ) {
            taken.add(reply);
        }
        return taken;
    }

    /** Forgets the requests of echo identifier {@code id} that no reply answered. */
    public void forget(int id) {
        sentNanos.keySet().removeIf(key -> key >>> 16 == id);
    }

    /** Whether requests wait to be sent: one volatile read for ping-input's turn. */
    boolean hasPending() {
        return pending;
    }

    /** The next request to send, or null; stamps it as sent now. */
    Request nextToSend() {
        Request request = toSend.poll();
        if (request == null) {
            pending = false;
            return null;
        }
        sentNanos.put(key(request.id(), request.sequence()), System.nanoTime());
        return request;
    }

    /** An echo reply arrived; it is kept when it answers a request of ours. */
    void replied(int from, int id, int sequence, int ttl, int bytes) {
        Long sent = sentNanos.remove(key(id, sequence));
        if (sent != null) {
            replies.add(new Reply(from, sequence, ttl, bytes, System.nanoTime() - sent));
        }
    }

    private static int key(int id, int sequence) {
        return (id << 16) | (sequence & 0xffff);
    }
}
