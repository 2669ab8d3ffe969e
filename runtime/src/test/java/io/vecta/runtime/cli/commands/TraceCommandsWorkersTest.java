package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.cli.CliShell;
import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.sdk.buffer.Buffers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace commands on a runtime with one running worker: the test thread is main (its loop is
 * not turned), the worker runs on its own, and every command line stops it at the barrier.
 */
class TraceCommandsWorkersTest {

    private static final String MAIN_HEADER = "------------------- Start of thread 0 vecta_main -------------------\n";
    private static final String WORKER_HEADER = "------------------- Start of thread 1 vecta_wk_0 -------------------\n";

    @TempDir
    Path temp;

    private VectaRuntime runtime;
    private CliShell shell;

    @BeforeEach
    void start() {
        String text = "buffers { page-size 4k buffers-per-numa 2048 }\ncpu { workers 1 }\n";
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(temp)).parse("test.conf", text));
        shell = runtime.newShell(false);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private String ok(String line) {
        CommandOutcome outcome = shell.run(line);
        assertThat(outcome.failed()).as("%s: %s", line, outcome.output()).isFalse();
        return outcome.output();
    }

    private ThreadRuntime worker() {
        return runtime.workers().orElseThrow().runtime(0);
    }

    @Test
    void shouldAskEveryThreadsInputNodeToTrace() {
        ok("trace add pg-input 3");

        assertThat(runtime.threads()).hasSize(2)
                .allSatisfy(t -> assertThat(t.runtime().node("pg-input").traceBudget()).as(t.name()).isEqualTo(3));

        ok("trace add pg-input 0");

        assertThat(runtime.threads()).allSatisfy(t -> assertThat(t.runtime().node("pg-input").traceBudget()).isZero());
    }

    @Test
    void shouldShowAPacketTracedOnMainAndDroppedOnTheWorkerUnderBothThreadsAndClearBoth() {
        ThreadRuntime main = runtime.mainThread();
        Buffers buffers = main.buffers();
        int[] bi = new int[1];
        main.allocator().allocExactly(bi, 0, 1);
        buffers.setRxSwIfIndex(bi[0], 4);
        NodeRuntime input = main.node("pg-input");
        input.addTraceBudget(1);
        input.traceBuffer(bi[0]);
        input.addTrace(bi[0], "made on main");

        int taken = main.handoff().offer(1, runtime.graph().node("error-drop").index(), bi, 0, 1, true);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (worker().node("error-drop").vectors() < 1 && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }

        assertThat(taken).isEqualTo(1);
        assertThat(ok("show trace").replaceAll("\\d\\d:\\d\\d:\\d\\d:\\d{6}: ", "TIME: ")).isEqualTo(MAIN_HEADER
                + "Packet 1\n\nTIME: pg-input\n  made on main\n\n"
                + WORKER_HEADER
                + "Packet 1\n\nTIME: handoff-trace\n  HANDED-OFF: from thread 0 vecta_main trace index 0\n"
                + "TIME: error-drop\n  rx:sw_if_index 4\n  no error set in the buffer\n\n");

        ok("clear trace");

        assertThat(ok("show trace")).isEqualTo(MAIN_HEADER + "No packets in trace buffer\n"
                + WORKER_HEADER + "No packets in trace buffer\n");
        assertThat(runtime.threads()).extracting(DispatchThread::runtime)
                .allSatisfy(t -> assertThat(t.traceBuffer().recordCount()).isZero());
    }
}
