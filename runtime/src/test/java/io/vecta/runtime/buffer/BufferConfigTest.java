package io.vecta.runtime.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BufferConfigTest {

    @Test
    void shouldDefaultToVppValues() {
        BufferConfig config = BufferConfig.defaults();
        assertThat(config.buffersPerNuma()).isEqualTo(16384);
        assertThat(config.dataSize()).isEqualTo(2048);
        assertThat(config.pageSize()).isEqualTo(BufferPageSize.UNSET);
        assertThat(BufferConfig.builder().buffersPerNuma(128000).dataSize(9216).pageSize(BufferPageSize.SIZE_4K)
                .build()).isEqualTo(new BufferConfig(128000, 9216, BufferPageSize.SIZE_4K));
    }

    @Test
    void shouldNameTheFieldAndTheLimitOfABadValue() {
        assertThatThrownBy(() -> BufferConfig.builder().buffersPerNuma(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buffers: buffers-per-numa 0 is invalid: a pool needs at least 1 buffer");
        assertThatThrownBy(() -> BufferConfig.builder().dataSize(65536).build())
                .hasMessage("buffers: default data-size 65536 is above the maximum of 65535 bytes (current_length is 16 bits)");
        assertThatThrownBy(() -> BufferConfig.builder().dataSize(100).build())
                .hasMessage("buffers: default data-size 100 is below the minimum of 128 bytes");
        assertThatThrownBy(() -> BufferConfig.builder().buffersPerNuma(Integer.MAX_VALUE).build())
                .hasMessage("buffers: buffers-per-numa 2147483647 of data-size 2048 need 5085241276096 bytes, more than"
                        + " the 256 GiB that 32-bit buffer indices address");
        assertThatThrownBy(() -> BufferConfig.builder().pageSize(null).build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldParsePageSizeKeywords() {
        assertThat(BufferPageSize.parse("default-hugepage")).isEqualTo(BufferPageSize.DEFAULT_HUGEPAGE);
        assertThat(BufferPageSize.parse("default")).isEqualTo(BufferPageSize.DEFAULT);
        assertThat(BufferPageSize.parse("4k")).isEqualTo(BufferPageSize.SIZE_4K);
        assertThat(BufferPageSize.parse("2M")).isEqualTo(BufferPageSize.SIZE_2M);
        assertThatThrownBy(() -> BufferPageSize.parse("1G"))
                .hasMessage("buffers: page-size '1G' is not one of default, default-hugepage, 4K, 2M");
    }
}
