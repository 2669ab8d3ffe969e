package io.vecta.nativeio.linux;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MemfdRegionTest {

    @Test
    void shouldShareWritesBetweenTwoMappingsOfOneMemfd() {
        long size = 4 * MemfdRegion.PAGE_4K;
        try (MemfdRegion region = MemfdRegion.create("vecta-test-shared", size, MemfdRegion.PAGE_4K, true);
             MappedMemory second = MappedMemory.mapShared(region.fd(), size, false)) {
            MemorySegment first = region.segment();
            assertThat(second.address()).isNotEqualTo(first.address());

            first.set(JAVA_LONG, 0, 0x1122334455667788L);
            first.set(JAVA_LONG, size - 8, 42L);
            second.segment().set(JAVA_LONG, 3 * MemfdRegion.PAGE_4K + 16, -7L);

            assertThat(second.segment().get(JAVA_LONG, 0)).isEqualTo(0x1122334455667788L);
            assertThat(second.segment().get(JAVA_LONG, size - 8)).isEqualTo(42L);
            assertThat(first.get(JAVA_LONG, 3 * MemfdRegion.PAGE_4K + 16)).isEqualTo(-7L);
        }
    }

    @Test
    void shouldStartZeroedWithTheRequestedGeometry() {
        try (MemfdRegion region = MemfdRegion.create("vecta-test-zero", 2 * MemfdRegion.PAGE_4K,
                MemfdRegion.PAGE_4K, false)) {
            assertThat(region.size()).isEqualTo(8192);
            assertThat(region.segment().byteSize()).isEqualTo(8192);
            assertThat(region.pageSize()).isEqualTo(4096);
            assertThat(region.isHugePages()).isFalse();
            for (long offset = 0; offset < region.size(); offset += 8) {
                assertThat(region.segment().get(JAVA_LONG, offset)).as("offset %d", offset).isZero();
            }
        }
    }

    @Test
    void shouldExposeTheMemfdUnderItsName() throws IOException {
        try (MemfdRegion region = MemfdRegion.create("vecta-test-named", MemfdRegion.PAGE_4K,
                MemfdRegion.PAGE_4K, false)) {
            Path link = Path.of("/proc/self/fd/" + region.fd());
            assertThat(Files.readSymbolicLink(link).toString()).startsWith("/memfd:vecta-test-named");
        }
    }

    @Test
    void shouldReportHugepageShortageNamingTheCallOrMapWhenHugepagesAreFree() {
        long size = MemfdRegion.PAGE_2M;
        if (HugePages.free(MemfdRegion.PAGE_2M) == 0) {
            assertThatThrownBy(() -> MemfdRegion.create("vecta-test-huge", size, MemfdRegion.PAGE_2M, true))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> {
                        assertThat(e.errnoName()).isEqualTo("ENOMEM");
                        assertThat(e.errno()).isEqualTo(12);
                        assertThat(e.call()).startsWith("mmap(NULL, 2097152, PROT_READ|PROT_WRITE, "
                                + "MAP_SHARED|MAP_POPULATE, ");
                    })
                    .hasMessageEndingWith(" failed: ENOMEM (Cannot allocate memory)");
        } else {
            try (MemfdRegion region = MemfdRegion.create("vecta-test-huge", size, MemfdRegion.PAGE_2M, true)) {
                region.segment().set(JAVA_LONG, size - 8, 5L);
                assertThat(region.segment().get(JAVA_LONG, size - 8)).isEqualTo(5L);
                assertThat(region.isHugePages()).isTrue();
            }
        }
    }

    @Test
    void shouldLeaveNoDescriptorOpenWhenMappingFails() throws IOException {
        // one hugepage more than the host has free: the hugetlb reservation in mmap must fail
        long size = (HugePages.free(MemfdRegion.PAGE_2M) + 1) * MemfdRegion.PAGE_2M;
        long before = openDescriptors();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> MemfdRegion.create("vecta-test-leak", size, MemfdRegion.PAGE_2M, false))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.call()).startsWith("mmap("));
        }
        assertThat(openDescriptors()).isEqualTo(before);
    }

    @Test
    void shouldRejectSizeThatIsNotAMultipleOfThePageSize() {
        assertThatThrownBy(() -> MemfdRegion.create("vecta-test-odd", 5000, MemfdRegion.PAGE_4K, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memfd region 'vecta-test-odd': size 5000 is not a positive multiple of its page size 4K");
        assertThatThrownBy(() -> MemfdRegion.create("vecta-test-empty", 0, MemfdRegion.PAGE_4K, false))
                .hasMessageContaining("size 0 is not a positive multiple");
    }

    @Test
    void shouldRejectUnknownPageSize() {
        assertThatThrownBy(() -> MemfdRegion.create("vecta-test-page", 8192, 8192, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memfd region 'vecta-test-page': page size 8192 is not one of 4K, 2M, 1G");
    }

    @Test
    void shouldRefuseAccessAfterClose() {
        MemfdRegion region = MemfdRegion.create("vecta-test-closed", MemfdRegion.PAGE_4K, MemfdRegion.PAGE_4K, false);
        MemorySegment segment = region.segment();
        segment.set(JAVA_LONG, 0, 1L);
        region.close();
        region.close();
        assertThatThrownBy(() -> segment.get(JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(Path.of("/proc/self/fd/" + region.fd()))).isFalse();
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
