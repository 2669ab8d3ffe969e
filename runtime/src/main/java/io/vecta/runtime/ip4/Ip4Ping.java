package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.graph.Graph;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.IpProtocol;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@code ping} command and {@code ip4-icmp-input} share: the time each echo request was
 * sent and the replies matched to them. The command runs on the main thread: it builds each
 * request in a buffer of the main thread, puts it in a frame for {@code ip4-lookup} (as VPP's
 * ping process does) and turns the main thread's graph until the reply comes or the interval ends.
 */
public final class Ip4Ping {

    /** A reply matched to a request. */
    public record Reply(int from, int sequence, int ttl, int bytes, long roundTripNanos) {
    }

    private final Map<Integer, Long> sentNanos = new ConcurrentHashMap<>();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

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

    /**
     * On the main thread: builds the echo request {@code id}/{@code sequence} from {@code source} to
     * {@code destination} with {@code dataBytes} of data, looked up in the table of
     * {@code rxSwIfIndex}, and queues it for {@code ip4-lookup}; false if no buffer was free.
     */
    public boolean send(ThreadRuntime main, int source, int destination, int rxSwIfIndex, int id, int sequence,
                        int dataBytes) {
        int[] bi = new int[1];
        if (main.allocator().alloc(bi, 0, 1) != 1) {
            return false;
        }
        writeEchoRequest(main.buffers(), bi[0], source, destination, rxSwIfIndex, id, sequence, dataBytes);
        sentNanos.put(key(id, sequence), System.nanoTime());
        Frame frame = main.takeFrame();
        frame.add(bi[0]);
        main.putPending(main.graph().node(Ip4Lookup.NODE).index(), frame);
        return true;
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

    private static void writeEchoRequest(Buffers buffers, int bi, int source, int destination, int rxSwIfIndex,
                                         int id, int sequence, int dataBytes) {
        int total = Ip4.MIN_HEADER_LENGTH + Icmp.HEADER_LENGTH + dataBytes;
        buffers.setCurrentData(bi, 0);
        buffers.setCurrentLength(bi, total);
        buffers.setRxSwIfIndex(bi, rxSwIfIndex);
        buffers.setFlags(bi, Ip4BufferFields.LOCALLY_ORIGINATED);
        MemorySegment m = buffers.memory();
        long ip = buffers.dataOffset(bi);
        Ip4.setVersionAndIhl(m, ip, Ip4.VERSION, 5);
        Ip4.setTos(m, ip, 0);
        Ip4.setTotalLength(m, ip, total);
        Ip4.setIdentification(m, ip, sequence);
        Ip4.setFlagsAndFragmentOffset(m, ip, 0);
        Ip4.setTtl(m, ip, Ip4IcmpInput.REPLY_TTL);
        Ip4.setProtocol(m, ip, IpProtocol.ICMP);
        Ip4.setSrc(m, ip, source);
        Ip4.setDst(m, ip, destination);
        Ip4.fillChecksum(m, ip);
        long icmp = ip + Ip4.MIN_HEADER_LENGTH;
        Icmp.setType(m, icmp, Icmp.TYPE_ECHO_REQUEST);
        Icmp.setCode(m, icmp, 0);
        Icmp.setEchoId(m, icmp, id);
        Icmp.setEchoSequence(m, icmp, sequence);
        for (int i = 0; i < dataBytes; i++) {
            m.set(ValueLayout.JAVA_BYTE, icmp + Icmp.HEADER_LENGTH + i, (byte) i);
        }
        Icmp.setChecksum(m, icmp, Icmp.computeChecksumIp4(m, ip, icmp));
    }
}
