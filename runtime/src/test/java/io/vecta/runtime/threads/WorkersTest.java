package io.vecta.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.Libc;
import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.config.CpuConfig;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfig;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.dispatch.ThreadRuntime;
import io.vecta.runtime.show.DispatchThread;
import io.vecta.runtime.show.ShowThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkersTest {

    @TempDir
    Path runtimeDir;

    private StartupConfig config(String text) {
        return new StartupConfigParser(new RuntimeDirectory(runtimeDir)).parse("test.conf", text);
    }

    /** Skips the test where this process may not pin a thread (some containers refuse it). */
    private static int assumePinningWorks() throws InterruptedException {
        BitSet allowed = Libc.schedGetaffinity(0);
        int core = allowed.length() - 1;
        AtomicReference<ErrnoException> refused = new AtomicReference<>();
        Thread probe = Thread.ofPlatform().start(() -> {
            try {
                Workers.pin(core);
            } catch (ErrnoException e) {
                refused.set(e);
            }
        });
        probe.join();
        Assumptions.assumeTrue(refused.get() == null, () -> "sched_setaffinity refused: " + refused.get());
        return core;
    }

    @Test
    void shouldStartAWorkerPinnedToItsCoreWithItsOwnRuntime() throws Exception {
        int core = assumePinningWorks();
        try (WorkerGraph fixture = new WorkerGraph(2)) {
            HandoffQueues handoff = new HandoffQueues(2, HandoffQueues.DEFAULT_FRAMES);
            ThreadRuntime main = fixture.main(handoff);
            CorePlacement placement = new CorePlacement(CorePlacement.NOT_PINNED, List.of(core));
            try (Workers workers = Workers.start(fixture.graph, fixture.pools, placement, handoff,
                    Duration.ofSeconds(5))) {
                DispatchThread worker = workers.threads().get(0);
                BitSet expected = new BitSet();
                expected.set(core);

                fixture.send(main, "to-probe", new int[] {7});
                main.runOnce();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!fixture.affinityByThread.containsKey(1) && System.nanoTime() - deadline < 0) {
                    Thread.onSpinWait();
                }

                assertThat(fixture.affinityByThread).containsEntry(1, expected).doesNotContainKey(0);
                assertThat(Libc.schedGetaffinity((int) worker.lwp())).isEqualTo(expected);
                assertThat(worker.name()).isEqualTo("vecta_wk_0");
                assertThat(worker.lcore()).isEqualTo(core);
                assertThat(worker.index()).isEqualTo(1);
                assertThat(workers.runtime(0)).isNotSameAs(main);
                assertThat(workers.runtime(0).node("probe").vectors()).isEqualTo(1);
                assertThat(main.node("probe").vectors()).isZero();
            }
        }
    }

    @Test
    void shouldRunConfiguredWorkersListedByShowThreadsAndStopThemOnClose() throws Exception {
        try (VectaRuntime runtime = VectaRuntime.start(config("""
                buffers { page-size 4k buffers-per-numa 2048 }
                cpu { workers 2 }
                """))) {
            Thread main = Thread.ofPlatform().start(runtime::run);
            String shown = runtime.tasks().call(() -> ShowThreads.format(runtime.threads()));
            int[] ran = new int[1];
            runtime.tasks().call(() -> {
                runtime.withWorkersStopped(() -> ran[0] = runtime.workers().orElseThrow().barrier().isSynced() ? 1 : 0);
                return null;
            });
            runtime.stop();
            main.join();

            assertThat(runtime.threads()).extracting(DispatchThread::name)
                    .containsExactly("vecta_main", "vecta_wk_0", "vecta_wk_1");
            assertThat(runtime.threads()).extracting(DispatchThread::index).containsExactly(0, 1, 2);
            assertThat(runtime.threads().get(1).lwp()).isPositive();
            assertThat(shown).contains("vecta_wk_0", "vecta_wk_1");
            assertThat(shown.lines().filter(l -> l.contains("vecta_wk_1")).findFirst().orElseThrow())
                    .contains(Long.toString(runtime.threads().get(2).lwp()));
            assertThat(runtime.bufferPools().threadCount()).isEqualTo(3);
            assertThat(runtime.mainThread().threadCount()).isEqualTo(3);
            assertThat(ran[0]).isEqualTo(1);
            assertThat(runtime.warnings()).noneMatch(w -> w.contains("'cpu'"));
        }
    }

    @Test
    void shouldRefuseMoreWorkersThanCoresAtStart() {
        int online = Libc.onlineCpus();
        assertThatThrownBy(() -> VectaRuntime.start(config("buffers { page-size 4k buffers-per-numa 2048 }\n"
                + "cpu { workers " + (online + 1) + " }")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cpu { workers " + (online + 1) + " }: more workers than cores: " + online
                        + " cores are online");
    }

    @Test
    void shouldRefuseACoreThatDoesNotExistNamingIt() {
        BitSet available = new BitSet();
        available.set(0, 4);
        CpuConfig cpu = new CpuConfig(OptionalInt.of(0), List.of(1, 6, 7), 3, 0, false, Optional.empty(),
                OptionalInt.empty());
        assertThatThrownBy(() -> CorePlacement.of(cpu, 4, available))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpu { corelist-workers }: cores 6-7 do not exist or may not be used: 4 cores are online"
                        + " and this process may use 0-3");
        CpuConfig main = new CpuConfig(OptionalInt.of(9), List.of(), 0, 0, false, Optional.empty(),
                OptionalInt.empty());
        assertThatThrownBy(() -> CorePlacement.of(main, 4, available))
                .hasMessageStartingWith("cpu { main-core 9 }: core 9 does not exist");
    }

    @Test
    void shouldPlaceCountedWorkersAfterTheSkippedCoresLeavingOutMain() {
        BitSet available = new BitSet();
        available.set(0, 8);
        available.clear(3);
        CpuConfig cpu = new CpuConfig(OptionalInt.of(2), List.of(), 3, 1, false, Optional.empty(), OptionalInt.empty());
        assertThat(CorePlacement.of(cpu, 8, available)).isEqualTo(new CorePlacement(2, List.of(1, 4, 5)));

        CpuConfig relative = new CpuConfig(OptionalInt.of(0), List.of(3, 4), 2, 0, true, Optional.empty(),
                OptionalInt.empty());
        assertThat(CorePlacement.of(relative, 8, available)).isEqualTo(new CorePlacement(0, List.of(4, 5)));

        CpuConfig tooMany = new CpuConfig(OptionalInt.of(2), List.of(), 7, 0, false, Optional.empty(),
                OptionalInt.empty());
        assertThatThrownBy(() -> CorePlacement.of(tooMany, 8, available))
                .hasMessage("cpu { workers 7 }: only 6 cores are left after main-core 2 and skip-cores 0: 8 cores are"
                        + " online and this process may use 0-2,4-7");
    }
}
