package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowThreadsTest {

    private static final String SCHED = "(other|fifo|rr|batch|idle|deadline) \\(\\d+\\)";

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static long ownLwp() throws IOException {
        return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }

    @Test
    void shouldLayOutATableAsVppsFormatTable() {
        String text = new TextTable().column("ID").leftColumn("Name").column("LWP").column("CPU").leftColumn("Sched")
                .column("Loops").row(0, "vpp_main", 21577, 1, "other (0)", 27431).format();

        assertThat(text).isEqualTo("""
                ID   Name    LWP  CPU   Sched   Loops
                 0 vpp_main 21577   1 other (0) 27431
                """);
        assertThatThrownBy(() -> new TextTable().column("A").row(1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table of 1 columns [A] given a row of 2 cells");
    }

    @Test
    void shouldShowTheLinuxIdOfEachThreadRecordedOrFoundByName() throws Exception {
        fixture = new RuntimeFixture(3);
        fixture.run(0, 4);
        fixture.runtime(0).runOnce();
        AtomicLong workerLwp = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().name("vecta_wk_0").start(() -> {
            try {
                workerLwp.set(ownLwp());
                started.countDown();
                done.await();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            started.await();
            fixture.threads.set(0, DispatchThread.current(fixture.runtime(0), 1));

            String text = ShowThreads.format(fixture.threads);

            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0).split(" +")).containsExactly("ID", "Name", "LWP", "CPU", "Sched", "Loops");
            assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
            assertThat(lines.get(1)).matches(" *0 vecta_main +" + ownLwp() + " +1 " + SCHED + " +2");
            assertThat(lines.get(2)).as("found by its Linux thread name")
                    .matches(" *1 vecta_wk_0 +" + workerLwp.get() + " +- " + SCHED + " +0");
            assertThat(lines.get(3)).as("no thread of that name").matches(" *2 vecta_wk_1 +- +- -  +0");
        } finally {
            done.countDown();
            worker.join();
        }
    }

    @Test
    void shouldReadTheCallingThreadsIdentity() throws IOException {
        fixture = new RuntimeFixture(1);

        DispatchThread main = DispatchThread.current(fixture.runtime(0), DispatchThread.UNKNOWN);

        assertThat(main.lwp()).isEqualTo(ownLwp());
        assertThat(main.javaThreadId()).isEqualTo(Thread.currentThread().threadId());
        assertThat(main.name()).isEqualTo("vecta_main");
        assertThat(DispatchThread.defaultName(3)).isEqualTo("vecta_wk_2");
        assertThat(LinuxThreads.policyName(1)).isEqualTo("fifo");
    }
}
