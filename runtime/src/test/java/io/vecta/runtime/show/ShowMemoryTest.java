package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.nativeio.linux.MemfdRegion;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowMemoryTest {

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldPrintHeapBuffersMappedMemoryAndEachThreadInVppinfraSizes() {
        fixture = new RuntimeFixture(2);
        JvmMemory jvm = new JvmMemory(new JvmMemory.Usage(47_406_080, 134_217_728, 4_273_995_776L),
                new JvmMemory.Usage(63_040_000, 67_108_864, -1),
                List.of(new JvmMemory.BufferPool("direct", 3, 1_069_547, 1_069_547),
                        new JvmMemory.BufferPool("mapped", 0, 0, 0)),
                List.of(1_258_291L, (long) DispatchThread.UNKNOWN));
        MemfdRegion region = fixture.pools.region();

        String text = ShowMemory.format(jvm, fixture.threads, List.of(region));

        long pages = region.size() / 4096;
        assertThat(text.split("\n", -1)).containsExactly(
                "JVM heap: used 45.21m, committed 128m, max 3.98g",
                "JVM non-heap: used 60.12m, committed 64m",
                "JDK direct buffers: 3, used 1.02m, capacity 1.02m",
                "JDK mapped buffers: 0, used 0, capacity 0",
                "",
                "Buffer memory",
                "StartAddr          size   FD PageSz  Pages Name",
                String.format("%016x%7s%5d     4k%7d vecta-buffers", region.segment().address(),
                        Columns.memorySize(region.size()), region.fd(), pages),
                "",
                "Thread 0 vecta_main",
                "  heap allocated since start: 1.20m",
                "",
                "Thread 1 vecta_wk_0",
                "  heap allocated since start: -",
                "");
        assertThat(region.size()).isGreaterThanOrEqualTo(4000L * 2304);
    }

    @Test
    void shouldReadTheJvmsOwnFigures() {
        fixture = new RuntimeFixture(1);
        fixture.threads.set(0, DispatchThread.current(fixture.runtime(0), DispatchThread.UNKNOWN));
        byte[] garbage = new byte[1 << 20];

        JvmMemory jvm = JvmMemory.now(fixture.threads);

        assertThat(jvm.heap().used()).isPositive().isLessThanOrEqualTo(jvm.heap().committed());
        assertThat(jvm.bufferPools()).extracting(JvmMemory.BufferPool::name).contains("direct", "mapped");
        assertThat(jvm.allocatedBytes()).hasSize(1);
        assertThat(jvm.allocatedBytes().getFirst()).as("this thread allocated a megabyte at least")
                .isGreaterThanOrEqualTo(garbage.length);
        assertThat(ShowMemory.format(fixture.threads, fixture.pools)).startsWith("JVM heap: used ")
                .contains("vecta-buffers\n").contains("Thread 0 vecta_main\n  heap allocated since start: ");
    }
}
