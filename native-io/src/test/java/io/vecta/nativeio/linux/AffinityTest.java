package io.vecta.nativeio.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AffinityTest {

    @Test
    void shouldCountOnlineCpusAsTheJvmSeesThem() {
        assertThat(Libc.onlineCpus()).isPositive().isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void shouldReturnTheLinuxThreadIdOfTheCallingThread() throws Exception {
        int tid = Libc.gettid();
        Path self = Path.of("/proc/thread-self").toRealPath();
        assertThat(self.getFileName().toString()).isEqualTo(Integer.toString(tid));
        AtomicReference<Integer> other = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> other.set(Libc.gettid()));
        thread.join();
        assertThat(other.get()).isNotEqualTo(tid);
        assertThat(Files.exists(Path.of("/proc/self/task/" + tid))).isTrue();
    }

    @Test
    void shouldPinAThreadToOneCoreAndReadItBack() throws Exception {
        BitSet allowed = Libc.schedGetaffinity(0);
        assertThat(allowed.isEmpty()).isFalse();
        int core = allowed.length() - 1;
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                BitSet one = new BitSet();
                one.set(core);
                Libc.schedSetaffinity(0, one);
                seen.set(Libc.schedGetaffinity(Libc.gettid()));
            } catch (ErrnoException e) {
                seen.set(e);
            }
        });
        thread.join();
        Assumptions.assumeFalse(seen.get() instanceof ErrnoException, () -> "pinning refused: " + seen.get());
        BitSet expected = new BitSet();
        expected.set(core);
        assertThat(seen.get()).isEqualTo(expected);
    }

    @Test
    void shouldNameTheCoresAndErrnoWhenNoCoreOfTheMaskExists() {
        BitSet absent = new BitSet();
        absent.set(8000);
        assertThatThrownBy(() -> Libc.schedSetaffinity(0, absent))
                .isInstanceOf(ErrnoException.class)
                .hasMessage("sched_setaffinity(0, 1024, {8000}) failed: EINVAL (Invalid argument)");
    }

    @Test
    void shouldRejectACoreBeyondTheMask() {
        BitSet huge = new BitSet();
        huge.set(9000);
        assertThatThrownBy(() -> Libc.schedSetaffinity(0, huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("core 9000");
    }

    @Test
    void shouldWriteCoreSetsInListSyntax() {
        BitSet cores = new BitSet();
        cores.set(0, 4);
        cores.set(6);
        cores.set(8, 10);
        assertThat(Libc.coreList(cores)).isEqualTo("0-3,6,8-9");
        assertThat(Libc.coreList(new BitSet())).isEmpty();
    }
}
