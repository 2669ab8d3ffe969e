package io.vecta.runtime.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.nativeio.linux.EventFd;
import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.graph.Graph;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.runtime.graph.PluginLoader;
import io.vecta.runtime.graph.TestPlugins;
import io.vecta.sdk.annotation.NodeType;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dispatch thread's sleep in {@code epoll_wait}: what ends it (a watched descriptor, another
 * thread's interrupt) and what keeps it awake (a polling input node). Every wait here ends on an
 * event the test causes; none needs a clock.
 */
class ThreadSleepTest {

    private final BufferPools pools = BufferPools.create(
            BufferConfig.builder().buffersPerNuma(256).pageSize(BufferPageSize.SIZE_4K).build(), 1);
    private final AtomicInteger rxCalls = new AtomicInteger();
    private final NodeDescriptor rx = TestPlugins.node("rx", NodeType.INPUT, (ctx, frame) -> {
        rxCalls.incrementAndGet();
        return 0;
    });

    @AfterEach
    void closePools() {
        pools.close();
    }

    private ThreadRuntime runtime() {
        List<PluginRegistration> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : PluginLoader.current().fromClassPath(ThreadSleepTest.class.getClassLoader())) {
            plugins.add(plugin.registration());
        }
        plugins.add(TestPlugins.plugin("test", rx));
        ThreadRuntime thread = new ThreadRuntime(Graph.buildFrom(plugins), 0, pools.allocator(0));
        // the builtin processes start on the first turn: until then one is due, and no thread sleeps
        thread.runDueProcesses();
        return thread;
    }

    @Test
    void shouldInterruptTheNodeOfAReadableDescriptorOnTheNextTurn() {
        ThreadRuntime thread = runtime();
        NodeRuntime input = thread.node("rx");
        input.setState(NodeState.INTERRUPT);
        try (EventFd source = new EventFd()) {
            thread.watchFile(source.fd(), input.nodeIndex());
            for (int turn = 0; turn < 100; turn++) {
                thread.runOnce();
            }
            assertThat(input.calls()).isZero();

            source.signal();
            thread.runOnce();
            assertThat(input.calls()).isEqualTo(1);
            // level-triggered: undrained, the descriptor interrupts the node again
            thread.runOnce();
            assertThat(input.calls()).isEqualTo(2);
            source.drain();
            thread.runOnce();
            thread.runOnce();
            assertThat(input.calls()).as("calls once drained").isEqualTo(2);

            thread.unwatchFile(source.fd());
            source.signal();
            thread.runOnce();
            assertThat(input.calls()).as("calls once unwatched").isEqualTo(2);
            assertThat(thread.watchedFiles()).isZero();
        } finally {
            thread.close();
        }
    }

    @Test
    void shouldSleepWhileNothingPollsAndWakeForADescriptorAndForAnInterrupt() throws Exception {
        ThreadRuntime thread = runtime();
        NodeRuntime input = thread.node("rx");
        input.setState(NodeState.INTERRUPT);
        try (EventFd source = new EventFd()) {
            thread.watchFile(source.fd(), input.nodeIndex());

            Thread loop = Thread.ofPlatform().start(() -> turnAndSleepUntil(thread, 1));
            awaitSleep(thread, 0, loop);
            source.signal();
            loop.join();
            assertThat(rxCalls.get()).as("calls after the descriptor became readable").isEqualTo(1);

            source.drain();
            // the loop's last look may have left an interrupt for the still readable descriptor
            thread.runOnce();
            int before = rxCalls.get();
            long sleeps = thread.sleeps();
            loop = Thread.ofPlatform().start(() -> turnAndSleepUntil(thread, before + 1));
            awaitSleep(thread, sleeps, loop);
            thread.interrupt(input.nodeIndex());
            loop.join();
            assertThat(rxCalls.get()).as("calls after the interrupt").isEqualTo(before + 1);
        } finally {
            thread.close();
        }
    }

    /** The loop as a dispatch thread turns it, until the node was called {@code calls} times. */
    private void turnAndSleepUntil(ThreadRuntime thread, int calls) {
        while (rxCalls.get() < calls) {
            thread.runOnce();
            thread.sleepIfIdle(() -> false);
        }
    }

    /** Waits until {@code thread} has slept more than {@code sleeps} times (its loop is then idle). */
    private static void awaitSleep(ThreadRuntime thread, long sleeps, Thread loop) {
        while (readSleeps(thread) <= sleeps) {
            assertThat(loop.isAlive()).as("the loop ended before it slept").isTrue();
            Thread.onSpinWait();
        }
    }

    private static long readSleeps(ThreadRuntime thread) {
        java.lang.invoke.VarHandle.acquireFence();
        return thread.sleeps();
    }

    @Test
    @Timeout(60) // guards against a sleep without end, which would otherwise hang the run
    void shouldEndASleepNobodyWakesAtTheCap() {
        ThreadRuntime thread = runtime();
        thread.node("rx").setState(NodeState.INTERRUPT);
        try {
            for (int sleep = 1; sleep <= 3; sleep++) {
                assertThat(thread.sleepIfIdle(() -> false)).isTrue();
                assertThat(thread.sleeps()).isEqualTo(sleep);
            }
            assertThat(rxCalls.get()).isZero();
        } finally {
            thread.close();
        }
    }

    @Test
    void shouldNotSleepWhileAnInputNodePollsOrAnInterruptWaits() {
        ThreadRuntime thread = runtime();
        NodeRuntime input = thread.node("rx");
        try {
            input.setState(NodeState.POLLING);
            assertThat(thread.sleepIfIdle(() -> false)).isFalse();

            input.setState(NodeState.INTERRUPT);
            thread.interrupt(input.nodeIndex());
            assertThat(thread.sleepIfIdle(() -> false)).isFalse();
            assertThat(thread.sleepIfIdle(() -> true)).as("outside work waits").isFalse();
            assertThat(thread.sleeps()).isZero();
        } finally {
            thread.close();
        }
    }

    @Test
    void shouldRefuseToWatchAFileForANodeThatIsNotAnInputNode() {
        ThreadRuntime thread = runtime();
        try (EventFd source = new EventFd()) {
            assertThatThrownBy(() -> thread.watchFile(source.fd(), thread.node("error-drop").nodeIndex()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("thread 0: node 'error-drop' is not an input node: only an input node can be"
                            + " interrupted by a file");
        } finally {
            thread.close();
        }
    }
}
