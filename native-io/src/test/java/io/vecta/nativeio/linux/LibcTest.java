package io.vecta.nativeio.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class LibcTest {

    @Test
    void shouldNameCallArgumentsAndErrnoWhenACallFails() {
        assertThatThrownBy(() -> Libc.ftruncate(-1, 4096))
                .isInstanceOfSatisfying(ErrnoException.class, e -> {
                    assertThat(e.call()).isEqualTo("ftruncate(-1, 4096)");
                    assertThat(e.errno()).isEqualTo(9);
                    assertThat(e.errnoName()).isEqualTo("EBADF");
                })
                .hasMessage("ftruncate(-1, 4096) failed: EBADF (Bad file descriptor)");
        assertThatThrownBy(() -> Libc.close(-1))
                .hasMessage("close(-1) failed: EBADF (Bad file descriptor)");
    }

    @Test
    void shouldRenderMemfdFlagsSymbolically() {
        assertThatThrownBy(() -> Libc.memfdCreate("vecta-bad-flags", Libc.MFD_CLOEXEC | 0x100))
                .hasMessage("memfd_create(\"vecta-bad-flags\", MFD_CLOEXEC|0x100) failed: EINVAL (Invalid argument)");
        assertThat(Libc.memfdFlags(Libc.MFD_CLOEXEC | Libc.MFD_HUGETLB | Libc.MFD_HUGE_2MB))
                .isEqualTo("MFD_CLOEXEC|MFD_HUGETLB|MFD_HUGE_2MB");
        assertThat(Libc.memfdFlags(Libc.MFD_HUGETLB | Libc.MFD_HUGE_1GB)).isEqualTo("MFD_HUGETLB|MFD_HUGE_1GB");
        assertThat(Libc.memfdFlags(0)).isEqualTo("0");
    }

    @Test
    void shouldReportMmapFailureAsMapFailed() {
        assertThatThrownBy(() -> Libc.mmap(MemorySegment.NULL, 4096, Libc.PROT_READ, Libc.MAP_SHARED, -1, 0))
                .hasMessage("mmap(NULL, 4096, PROT_READ, MAP_SHARED, -1, 0) failed: EBADF (Bad file descriptor)");
    }

    @Test
    void shouldNameSocketArgumentsAndKeepErrnoUnderAContext() {
        assertThatThrownBy(() -> Libc.socket(4242, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 0))
                .hasMessage("socket(4242, SOCK_RAW|SOCK_CLOEXEC, 0) failed: EAFNOSUPPORT (Address family not supported by"
                        + " protocol)");
        ErrnoException bare = new ErrnoException("bind(7, {})", 1);
        ErrnoException wrapped = bare.withContext("host interface veth1", "packet sockets need CAP_NET_RAW");
        assertThat(wrapped).hasMessage("host interface veth1: bind(7, {}) failed: EPERM (Operation not permitted);"
                + " packet sockets need CAP_NET_RAW");
        assertThat(wrapped.errno()).isEqualTo(1);
        assertThat(wrapped.call()).isEqualTo("bind(7, {})");
        assertThat(bare.withContext("x", "")).hasMessage("x: bind(7, {}) failed: EPERM (Operation not permitted)");
        assertThatThrownBy(() -> Libc.ifNametoindex("vecta-none0"))
                .hasMessage("if_nametoindex(\"vecta-none0\") failed: ENODEV (No such device)");
    }

    @Test
    void shouldTranslateErrnoValues() {
        assertThat(Libc.strerror(12)).isEqualTo("Cannot allocate memory");
        assertThat(Libc.errnoName(12)).isEqualTo("ENOMEM");
        assertThat(Libc.errnoName(22)).isEqualTo("EINVAL");
        assertThat(Libc.errnoName(4242)).isEqualTo("errno 4242");
    }

    @Test
    void shouldReadTheDefaultHugepageSize() {
        long size = HugePages.defaultSize();
        assertThat(size == 0 || Long.bitCount(size) == 1).as("power of two or 0: %d", size).isTrue();
        assertThat(HugePages.free(MemfdRegion.PAGE_2M)).isLessThanOrEqualTo(HugePages.total(MemfdRegion.PAGE_2M));
    }
}
