package io.vecta.nativeio.afpacket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.Libc;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both rings on a real veth pair made in this network namespace: what one end's transmit ring
 * sends, the other end's receive ring gets. Needs root (veth creation, CAP_NET_RAW); skipped
 * otherwise.
 */
class PacketRingsTest {

    private static final String A = "vafrt0a";
    private static final String B = "vafrt0b";
    private static final long MAC_A = 0x02fe_0a0a_0001L;
    private static final long MAC_B = 0x02fe_0a0a_0002L;
    /** IEEE local experimental EtherType: nothing else on the veth carries it. */
    private static final int ETHER_TYPE = 0x88b5;

    @BeforeAll
    static void makeVethPair() throws Exception {
        Assumptions.assumeTrue(run("id", "-u").strip().equals("0"), "needs root to make a veth pair");
        run("ip", "link", "del", A);
        String made = run("ip", "link", "add", A, "address", mac(MAC_A), "type", "veth", "peer", "name", B,
                "address", mac(MAC_B));
        Assumptions.assumeTrue(made.isEmpty() && Files.exists(Path.of("/sys/class/net", A)),
                "cannot make a veth pair here: " + made);
        for (String end : List.of(A, B)) {
            Path ipv6 = Path.of("/proc/sys/net/ipv6/conf", end, "disable_ipv6");
            if (Files.exists(ipv6)) {
                Files.writeString(ipv6, "1");
            }
        }
        run("ip", "link", "set", B, "up");
    }

    @AfterAll
    static void deleteVethPair() throws Exception {
        run("ip", "link", "del", A);
    }

    @Test
    void shouldReceiveOnOneEndWhatTheOtherEndsTransmitRingSends() throws Exception {
        run("ip", "link", "set", A, "down");
        assertThat(HostInterface.setUp(A)).as("A starts down and is set up").isTrue();
        assertThat(HostInterface.setUp(A)).as("A is up already").isFalse();
        try (RxRing rx = RxRing.open(B); TxRing tx = TxRing.open(A)) {
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                byte[] frame = frame(60 + i * 13, i);
                long data = tx.claim();
                assertThat(data).as("slot for frame %d", i).isNotNegative();
                MemorySegment.copy(frame, 0, tx.memory(), ValueLayout.JAVA_BYTE, data, frame.length);
                tx.send(data, frame.length);
                sent.add(frame);
                if (i % 32 == 31) {
                    assertThat(tx.flush()).isPositive();
                }
            }
            assertThat(tx.flush()).isPositive();
            List<byte[]> received = new ArrayList<>();
            while (received.size() < sent.size()) {
                long header = rx.next();
                if (header < 0) {
                    short ready = Libc.poll(rx.fd(), Libc.POLLIN, 2000);
                    assertThat(ready).as("frames still missing after %d of %d", received.size(), sent.size())
                            .isNotZero();
                    continue;
                }
                MemorySegment ring = rx.memory();
                int length = Tpacket3Hdr.snaplen(ring, header);
                assertThat(Tpacket3Hdr.length(ring, header)).isEqualTo(length);
                byte[] bytes = new byte[length];
                MemorySegment.copy(ring, ValueLayout.JAVA_BYTE, header + Tpacket3Hdr.macOffset(ring, header), bytes, 0,
                        length);
                if (((bytes[12] & 0xff) << 8 | bytes[13] & 0xff) == ETHER_TYPE) {
                    received.add(bytes);
                }
            }
            assertThat(received).hasSize(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                assertThat(received.get(i)).as("frame %d", i).isEqualTo(sent.get(i));
            }
            assertThat(rx.statistics().drops()).isZero();
        }
    }

    @Test
    void shouldAnswerFullWhenEverySlotWaitsForTheKernel() {
        HostInterface.setUp(A);
        try (TxRing tx = TxRing.open(A, new RingGeometry(4096, 1, 1024))) {
            assertThat(tx.maxFrameLength()).isEqualTo(1024 - 32);
            byte[] frame = frame(64, 7);
            for (int i = 0; i < 4; i++) {
                long data = tx.claim();
                assertThat(data).isEqualTo(i * 1024L + 32);
                MemorySegment.copy(frame, 0, tx.memory(), ValueLayout.JAVA_BYTE, data, frame.length);
                tx.send(data, frame.length);
            }
            assertThat(tx.claim()).as("every slot handed over, none flushed").isEqualTo(-1);
            assertThat(tx.inFlight()).isEqualTo(4);
            assertThat(tx.flush()).isEqualTo(4L * frame.length);
        }
    }

    @Test
    void shouldReadTheInterfacesOwnHardwareAddress() {
        assertThat(HostInterface.hardwareAddress(A)).isEqualTo(MAC_A);
        assertThat(HostInterface.hardwareAddress(B)).isEqualTo(MAC_B);
        assertThat(HostInterface.index(A)).isPositive().isNotEqualTo(HostInterface.index(B));
    }

    @Test
    void shouldNameTheInterfaceAndCallWhenThereIsNoSuchInterface() {
        assertThatThrownBy(() -> RxRing.open("vafnosuch0"))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errnoName()).isEqualTo("ENODEV"))
                .hasMessage("host interface vafnosuch0: if_nametoindex(\"vafnosuch0\") failed: ENODEV (No such device);"
                        + " no such interface in this network namespace (ip link)");
        assertThatThrownBy(() -> HostInterface.hardwareAddress("vafnosuch0"))
                .hasMessageStartingWith("host interface vafnosuch0: ioctl(")
                .hasMessageContaining("SIOCGIFHWADDR, {ifr_name \"vafnosuch0\"}) failed: ENODEV (No such device)");
        assertThatThrownBy(() -> TxRing.open("a-name-far-too-long"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host interface 'a-name-far-too-long': a Linux interface name has 1 to 15 bytes, no '/' and"
                        + " no spaces");
    }

    @Test
    void shouldRejectRingShapesTheKernelWouldNot() {
        assertThatThrownBy(() -> new RingGeometry(3000, 1, 1024))
                .hasMessage("packet ring: block size 3000 must be a power of two from 4096 to 4194304 bytes");
        assertThatThrownBy(() -> new RingGeometry(4096, 0, 1024))
                .hasMessage("packet ring: block count 0 must be 1 to 65536");
        assertThatThrownBy(() -> new RingGeometry(4096, 1, 1000))
                .hasMessage("packet ring: frame size 1000 must be at least 128, a multiple of 16 and divide the block"
                        + " size 4096");
        assertThat(new RingGeometry(1 << 16, 8, 2048).frameCount()).isEqualTo(256);
    }

    /** A frame from B's MAC... to A, of {@code length} bytes, its payload numbered {@code n}. */
    private static byte[] frame(int length, int n) {
        byte[] frame = new byte[length];
        for (int i = 0; i < 6; i++) {
            frame[i] = (byte) (MAC_B >>> (40 - 8 * i));
            frame[6 + i] = (byte) (MAC_A >>> (40 - 8 * i));
        }
        frame[12] = (byte) (ETHER_TYPE >>> 8);
        frame[13] = (byte) ETHER_TYPE;
        for (int i = 14; i < length; i++) {
            frame[i] = (byte) (n * 31 + i);
        }
        return frame;
    }

    private static String mac(long mac) {
        StringBuilder text = new StringBuilder();
        for (int i = 5; i >= 0; i--) {
            text.append(String.format("%02x", (mac >>> (8 * i)) & 0xff)).append(i > 0 ? ":" : "");
        }
        return text.toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(Arrays.toString(command) + " did not finish");
        }
        return output;
    }
}
