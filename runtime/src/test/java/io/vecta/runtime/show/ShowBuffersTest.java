package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPageSize;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.sdk.buffer.BufferAllocator;
import org.junit.jupiter.api.Test;

class ShowBuffersTest {

    @Test
    void shouldPrintShowBuffersInVppsLayout() {
        BufferConfig config = BufferConfig.builder().buffersPerNuma(1000).pageSize(BufferPageSize.SIZE_4K).build();
        try (BufferPools pools = BufferPools.create(config, 2)) {
            BufferAllocator main = pools.allocator(0);
            int[] packets = new int[300];
            assertThat(main.alloc(packets, 0, 300)).isEqualTo(300);
            // the cache took 300 + 256 from the free list and handed out 300
            String vppHeader = "Pool Name            Index NUMA  Size  Data Size  Total  Avail  Cached   Used  ";
            String row = "default-numa-0" + " ".repeat(6) + "   0  " + "   0  " + " 2304 " + "    2048   " + " 1001 "
                    + "   489  " + "   212  " + "   300  ";

            assertThat(ShowBuffers.format(pools, false)).isEqualTo(vppHeader + "\n" + row + "\n");
            assertThat(ShowBuffers.format(pools, true)).isEqualTo(vppHeader + "\n" + row + "\n"
                    + " ".repeat(14) + "thread" + "   0  " + " ".repeat(37) + "   212  " + "\n"
                    + " ".repeat(14) + "thread" + "   1  " + " ".repeat(37) + "    0   " + "\n");
        }
    }
}
