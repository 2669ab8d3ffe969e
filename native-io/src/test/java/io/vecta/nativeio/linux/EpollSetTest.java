package io.vecta.nativeio.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EpollSetTest {

    @Test
    void shouldReportASignalledEventFdWithItsWordUntilDrained() {
        try (EpollSet set = new EpollSet("test", 4); EventFd bell = new EventFd()) {
            set.add(bell.fd(), 42);
            assertThat(set.wait(0)).isZero();

            bell.signal();
            bell.signal();
            assertThat(set.wait(0)).isEqualTo(1);
            assertThat(set.readyData(0)).isEqualTo(42);
            assertThat(set.readyEvents(0) & Libc.EPOLLIN).isEqualTo(Libc.EPOLLIN);
            // level-triggered: still ready while undrained
            assertThat(set.wait(0)).isEqualTo(1);

            assertThat(bell.drain()).isEqualTo(2);
            assertThat(bell.drain()).isZero();
            assertThat(set.wait(0)).isZero();
            assertThatThrownBy(() -> set.readyData(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void shouldEndAnotherThreadsWaitWhenSignalled() throws Exception {
        try (EpollSet set = new EpollSet("test", 4); EventFd bell = new EventFd()) {
            set.add(bell.fd(), 7);
            CompletableFuture<Long> woken = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                // a minute: the signal below ends it, a lost signal fails the test at the get
                int n = set.wait(60_000);
                woken.complete(n == 1 ? set.readyData(0) : -n);
            });
            bell.signal();
            assertThat(woken.get(30, TimeUnit.SECONDS)).isEqualTo(7);
            waiter.join();
        }
    }

    @Test
    void shouldReportOnlyAsManyAsItsCapacityAndTheRestOnTheNextWait() {
        try (EpollSet set = new EpollSet("test", 1); EventFd a = new EventFd(); EventFd b = new EventFd()) {
            set.add(a.fd(), 1);
            set.add(b.fd(), 2);
            a.signal();
            b.signal();

            assertThat(set.wait(0)).isEqualTo(1);
            long first = set.readyData(0);
            (first == 1 ? a : b).drain();
            assertThat(set.wait(0)).isEqualTo(1);
            assertThat(set.readyData(0)).isEqualTo(3 - first);
        }
    }

    @Test
    void shouldStopReportingARemovedDescriptor() {
        try (EpollSet set = new EpollSet("test", 4); EventFd bell = new EventFd()) {
            set.add(bell.fd(), 5);
            bell.signal();
            set.remove(bell.fd());

            assertThat(set.wait(0)).isZero();
        }
    }

    @Test
    void shouldNameTheSetTheCallAndTheErrnoWhenACallFails() {
        try (EpollSet set = new EpollSet("vecta_main", 4); EventFd bell = new EventFd()) {
            set.add(bell.fd(), 9);
            assertThatThrownBy(() -> set.add(bell.fd(), 9)).isInstanceOf(ErrnoException.class)
                    .hasMessage("epoll set 'vecta_main': epoll_ctl(" + set.fd() + ", EPOLL_CTL_ADD, " + bell.fd()
                            + ", {EPOLLIN, data 9}) failed: EEXIST (File exists)");
            assertThatThrownBy(() -> set.remove(-1))
                    .hasMessage("epoll set 'vecta_main': epoll_ctl(" + set.fd() + ", EPOLL_CTL_DEL, -1, NULL) failed:"
                            + " EBADF (Bad file descriptor)");
        }
        assertThatThrownBy(() -> Libc.eventfd(0, 0x4000))
                .hasMessage("eventfd(0, 0x4000) failed: EINVAL (Invalid argument)");
        assertThatThrownBy(() -> Libc.eventfdWrite(-1, 1))
                .hasMessage("eventfd_write(-1, 1) failed: EBADF (Bad file descriptor)");
        assertThatThrownBy(() -> new EpollSet("none", 0))
                .hasMessage("epoll set 'none': capacity 0 must be at least 1");
        assertThat(Libc.eventfdFlags(Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC)).isEqualTo("EFD_NONBLOCK|EFD_CLOEXEC");
    }

    @Test
    void shouldUseTheKernelsLayoutOfAnEpollEvent() {
        boolean x86 = System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("x86_64");
        assertThat(EpollSet.EVENT_SIZE).isEqualTo(x86 ? 12 : 16);
        assertThat(EpollSet.DATA_OFFSET).isEqualTo(x86 ? 4 : 8);
    }
}
