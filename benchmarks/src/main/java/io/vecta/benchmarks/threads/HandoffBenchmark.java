package io.vecta.benchmarks.threads;

import io.vecta.runtime.threads.FrameQueue;
import io.vecta.sdk.node.Frame;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What handing a packet to another thread costs: frames of 256 buffer indices through a
 * {@link FrameQueue}, copied into the queue's slot by the sender and into the receiver's own
 * frame by the receiver, as {@code worker-handoff} and the receiving loop do.
 *
 * <ul>
 *   <li>{@code sameThread}: offer then poll on one thread, the two copies and the sequence
 *       stores without any sharing of cache lines: the floor.</li>
 *   <li>{@code twoThreads}: a sender and a receiver thread, in packets per microsecond. The
 *       {@code delivered} counter is the packets that went through (its inverse is the cost
 *       of a handed-off packet), {@code refused} those a full queue turned away (that a node
 *       would drop); {@code send} and {@code receive} count attempts, empty polls included.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandoffBenchmark {

    /** A queue of 64 frames, as the runtime gives each thread, and a frame of 256 indices to send. */
    @State(Scope.Group)
    public static class Queue {
        FrameQueue queue;
        final int[] bis = new int[Frame.CAPACITY];

        @Setup(Level.Trial)
        public void setUp() {
            queue = new FrameQueue(64);
            for (int i = 0; i < bis.length; i++) {
                bis[i] = i * 3;
            }
        }
    }

    /** The single-thread case's queue. */
    @State(Scope.Thread)
    public static class LocalQueue extends Queue {
    }

    /** The receiver's own frame. */
    @State(Scope.Thread)
    public static class Receiver {
        final Frame frame = new Frame();
    }

    /** Packets that went through or were refused. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcome {
        public long delivered;
        public long refused;
    }

    /** Offer and poll on one thread: the copying alone. */
    @Benchmark
    @OperationsPerInvocation(Frame.CAPACITY)
    public int sameThread(LocalQueue q, Receiver r) {
        q.queue.offer(1, q.bis, 0, Frame.CAPACITY);
        return q.queue.poll(r.frame);
    }

    /** The sender: one frame offered, refused if the queue is full. */
    @Benchmark
    @Group("twoThreads")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(Frame.CAPACITY)
    public boolean send(Queue q, Outcome outcome) {
        boolean taken = q.queue.offer(1, q.bis, 0, Frame.CAPACITY);
        if (!taken) {
            outcome.refused += Frame.CAPACITY;
        }
        return taken;
    }

    /** The receiver: one frame taken into its own frame, if one waits. */
    @Benchmark
    @Group("twoThreads")
    @GroupThreads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(Frame.CAPACITY)
    public int receive(Queue q, Receiver r, Outcome outcome) {
        int node = q.queue.poll(r.frame);
        if (node >= 0) {
            outcome.delivered += r.frame.count();
        }
        return node;
    }
}
