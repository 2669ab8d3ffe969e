package io.vecta.runtime.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.nativeio.linux.HugePages;
import io.vecta.nativeio.linux.MemfdRegion;
import io.vecta.sdk.buffer.BufferPoolLayout;
import io.vecta.sdk.buffer.Buffers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferPoolsTest {

    private static final BufferConfig SMALL_4K =
            BufferConfig.builder().buffersPerNuma(1000).pageSize(BufferPageSize.SIZE_4K).build();

    @Test
    void shouldFillWholePagesAfterTheUnusedFirstCacheLine() {
        try (BufferPools pools = BufferPools.create(SMALL_4K, 1)) {
            BufferPool pool = pools.pool(0);
            // 64 + 1000 * 2368 bytes round up to 579 pages of 4K, which hold 1001 buffers
            assertThat(pool.total()).isEqualTo(1001);
            assertThat(pool.layout().firstIndex()).isEqualTo(1);
            assertThat(pools.region().size()).isEqualTo(579 * 4096L);
            assertThat(pools.pageSize()).isEqualTo(4096);
            assertThat(pools.pageSizeFallback()).isEmpty();
            assertThat(pool.name()).isEqualTo("default-numa-0");
            assertThat(pool.available()).isEqualTo(1001);
            assertThat(pool.used()).isZero();
        }
    }

    @Test
    void shouldMapBufferMemoryFromANamedMemfd() throws IOException {
        try (BufferPools pools = BufferPools.create(SMALL_4K, 1)) {
            assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + pools.region().fd())).toString())
                    .startsWith("/memfd:vecta-buffers");
        }
    }

    @Test
    void shouldFallBackToSmallPagesWithAWarningWhenPageSizeIsNotGiven() {
        BufferConfig config = BufferConfig.builder().buffersPerNuma(100).build();
        try (BufferPools pools = BufferPools.create(config, 1)) {
            if (HugePages.free(HugePages.defaultSize()) * HugePages.defaultSize() < pools.region().size()) {
                assertThat(pools.pageSize()).isEqualTo(MemfdRegion.PAGE_4K);
                assertThat(pools.pageSizeFallback()).hasValueSatisfying(warning -> assertThat(warning)
                        .startsWith("falling back to non-hugepage backed buffer memory (buffer memory of ")
                        .contains("on 2M pages, 0 of")
                        .contains(": mmap(NULL, ")
                        .endsWith(" failed: ENOMEM (Cannot allocate memory))"));
            } else {
                assertThat(pools.pageSize()).isEqualTo(HugePages.defaultSize());
                assertThat(pools.pageSizeFallback()).isEmpty();
            }
            int[] one = new int[1];
            assertThat(pools.allocator(0).alloc(one, 0, 1)).isEqualTo(1);
        }
    }

    @Test
    void shouldReportAnExplicitHugepageSizeThatCannotBeMapped() {
        BufferConfig config = BufferConfig.builder().buffersPerNuma(100).pageSize(BufferPageSize.SIZE_2M).build();
        if (HugePages.free(MemfdRegion.PAGE_2M) > 0) {
            try (BufferPools pools = BufferPools.create(config, 1)) {
                assertThat(pools.pageSize()).isEqualTo(MemfdRegion.PAGE_2M);
            }
            return;
        }
        assertThatThrownBy(() -> BufferPools.create(config, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("buffer memory of 2097152 bytes on 2M pages, 0 of "
                        + HugePages.total(MemfdRegion.PAGE_2M) + " such hugepages free: mmap(NULL, 2097152, "
                        + "PROT_READ|PROT_WRITE, MAP_SHARED|MAP_POPULATE, ")
                .hasMessageEndingWith(" failed: ENOMEM (Cannot allocate memory)");
    }

    @Test
    void shouldShareOneIndexSpaceBetweenPoolsOfDifferentDataSizes() {
        List<BufferPoolSpec> specs = List.of(new BufferPoolSpec("default-numa-0", 0, 50, 2048),
                new BufferPoolSpec("jumbo", 0, 10, 9216), new BufferPoolSpec("tiny", 0, 20, 128));
        try (BufferPools pools = BufferPools.create(specs, BufferPageSize.SIZE_4K, 1)) {
            Buffers buffers = pools.buffers();
            for (BufferPool pool : pools.pools()) {
                BufferPoolLayout layout = pool.layout();
                assertThat(layout.startOffset() % 4096).isEqualTo(pool.index() == 0 ? 64 : 0);
                for (int n = 0; n < layout.bufferCount(); n++) {
                    int bi = layout.bufferIndex(n);
                    assertThat(buffers.checkBuffer(bi)).isEqualTo(pool.index());
                    assertThat(buffers.dataSize(bi)).isEqualTo(pool.dataSize());
                }
            }
            assertThat(pools.pool(1).layout().startOffset()).isGreaterThanOrEqualTo(pools.pool(0).layout().endOffset());
            assertThat(pools.pool(2).layout().startOffset()).isGreaterThanOrEqualTo(pools.pool(1).layout().endOffset());
        }
    }

    @Test
    void shouldRefuseAccessAfterClose() {
        BufferPools pools = BufferPools.create(SMALL_4K, 1);
        int[] one = new int[1];
        pools.allocator(0).alloc(one, 0, 1);
        pools.close();
        assertThatThrownBy(() -> pools.buffers().currentLength(one[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectBadShapes() {
        assertThatThrownBy(() -> BufferPools.create(SMALL_4K, 0))
                .hasMessage("buffer pools need at least 1 thread, got 0");
        assertThatThrownBy(() -> BufferPools.create(List.of(), BufferPageSize.SIZE_4K, 1))
                .hasMessage("buffer memory holds 1 to 256 pools, not 0");
        assertThatThrownBy(() -> new BufferPoolSpec("p", 0, 0, 2048)).hasMessage("buffer pool 'p' needs at least 1 buffer, got 0");
        assertThatThrownBy(() -> new BufferPoolSpec("p", -1, 10, 2048)).hasMessage("buffer pool 'p': NUMA node -1 is negative");
    }
}
