package io.vecta.sdk.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    private static final long SEED = 0x5eed_c0de_2024L;

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    /** The textbook definition: big-endian 16-bit words, odd byte padded, end-around carry. */
    private static int modelSum(byte[] data, int from, int length, int initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int high = data[from + i] & 0xff;
            int low = i + 1 < length ? data[from + i + 1] & 0xff : 0;
            sum += high << 8 | low;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private MemorySegment offHeap(byte[] data) {
        MemorySegment m = arena.allocate(data.length);
        MemorySegment.copy(MemorySegment.ofArray(data), 0, m, 0, data.length);
        return m;
    }

    @Test
    void shouldMatchRfc1071Example() {
        // RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, so the checksum is 220d
        MemorySegment m = offHeap(CapturedFrames.bytes("0001f203f4f5f6f7"));
        assertThat(Checksum.sum(m, 0, 8, 0)).isEqualTo(0xddf2);
        assertThat(Checksum.compute(m, 0, 8)).isEqualTo(0x220d);
    }

    @Test
    void shouldPadOddLastByteWithZero() {
        MemorySegment m = offHeap(new byte[] {(byte) 0xab, 0x01, (byte) 0xcd});
        assertThat(Checksum.sum(m, 0, 1, 0)).isEqualTo(0xab00);
        assertThat(Checksum.sum(m, 0, 3, 0)).isEqualTo(0xab01 + 0xcd00 - 0xffff);
        assertThat(Checksum.sum(m, 0, 0, 0x1234)).isEqualTo(0x1234);
    }

    @Test
    void shouldSumLikeTheTextbookModelForEveryLengthAndOffset() {
        Random random = new Random(SEED);
        byte[] data = new byte[1500];
        random.nextBytes(data);
        MemorySegment m = offHeap(data);
        for (int start = 0; start < 9; start++) {
            for (int length = 0; length <= 300; length++) {
                int initial = random.nextInt(0x10000);
                assertThat(Checksum.sum(m, start, length, initial))
                        .as("seed %d, start %d, length %d, initial 0x%x", SEED, start, length, initial)
                        .isEqualTo(modelSum(data, start, length, initial));
            }
        }
        assertThat(Checksum.sum(m, 3, 1497, 0)).as("seed %d, whole buffer", SEED).isEqualTo(modelSum(data, 3, 1497, 0));
    }

    @Test
    void shouldNotOverflowOnLargeAllOnesData() {
        byte[] data = new byte[65536 + 7];
        java.util.Arrays.fill(data, (byte) 0xff);
        MemorySegment m = offHeap(data);
        assertThat(Checksum.sum(m, 0, data.length, 0xffff)).isEqualTo(modelSum(data, 0, data.length, 0xffff));
        assertThat(Checksum.fold(-1L)).isEqualTo(0xffff);
    }

    @Test
    void shouldAddSumsOfEvenPiecesToTheSumOfTheWhole() {
        Random random = new Random(SEED + 1);
        byte[] data = new byte[257];
        random.nextBytes(data);
        MemorySegment m = offHeap(data);
        for (int cut = 0; cut <= data.length; cut += 2) {
            int pieces = Checksum.add(Checksum.sum(m, 0, cut, 0), Checksum.sum(m, cut, data.length - cut, 0));
            assertThat(pieces).as("seed %d, cut at %d", SEED + 1, cut).isEqualTo(Checksum.sum(m, 0, data.length, 0));
        }
    }

    @Test
    void shouldMatchFullRecomputationAfterIncrementalIp4Updates() {
        Random random = new Random(SEED + 2);
        MemorySegment m = arena.allocate(Ip4.MAX_HEADER_LENGTH);
        for (int round = 0; round < 20_000; round++) {
            int ihl = 5 + random.nextInt(11);
            randomHeader(random, m, ihl);
            Ip4.fillChecksum(m, 0);
            String context = "seed " + (SEED + 2) + ", round " + round;

            if (Ip4.ttl(m, 0) > 0) {
                Ip4.decrementTtl(m, 0);
                assertThat(Ip4.checksum(m, 0)).as(context + ", ttl decrement").isEqualTo(Ip4.computeChecksum(m, 0));
            }

            // NAT: source address rewrite
            int oldSrc = Ip4.src(m, 0);
            int newSrc = random.nextInt();
            Ip4.setSrc(m, 0, newSrc);
            Ip4.setChecksum(m, 0, Checksum.update32(Ip4.checksum(m, 0), oldSrc, newSrc));
            assertThat(Ip4.checksum(m, 0)).as(context + ", source rewrite").isEqualTo(Ip4.computeChecksum(m, 0));

            // any other 16-bit word, except the checksum itself and version/IHL, which would move the end
            int word;
            do {
                word = 2 + random.nextInt(ihl * 2 - 1) * 2;
            } while (word == Ip4.CHECKSUM_OFFSET);
            int oldWord = NetworkOrder.u16(m, word);
            int newWord = random.nextBoolean() ? random.nextInt(0x10000) : (random.nextBoolean() ? 0 : 0xffff);
            NetworkOrder.setU16(m, word, newWord);
            Ip4.setChecksum(m, 0, Checksum.update16(Ip4.checksum(m, 0), oldWord, newWord));
            assertThat(Ip4.checksum(m, 0)).as(context + ", word at %d", word).isEqualTo(Ip4.computeChecksum(m, 0));
            assertThat(Ip4.isChecksumValid(m, 0)).as(context).isTrue();
        }
    }

    @Test
    void shouldMatchFullRecomputationAfterNatRewriteOfTcpAndUdp() {
        Random random = new Random(SEED + 3);
        MemorySegment m = arena.allocate(Ip4.MIN_HEADER_LENGTH + 200);
        long l4 = Ip4.MIN_HEADER_LENGTH;
        for (int round = 0; round < 5_000; round++) {
            String context = "seed " + (SEED + 3) + ", round " + round;
            boolean tcp = random.nextBoolean();
            int transportLength = (tcp ? Tcp.MIN_HEADER_LENGTH : Udp.HEADER_LENGTH) + random.nextInt(180);
            randomHeader(random, m, 5);
            Ip4.setTotalLength(m, 0, Ip4.MIN_HEADER_LENGTH + transportLength);
            Ip4.setProtocol(m, 0, tcp ? IpProtocol.TCP : IpProtocol.UDP);
            byte[] segment = new byte[transportLength];
            random.nextBytes(segment);
            MemorySegment.copy(MemorySegment.ofArray(segment), 0, m, l4, transportLength);
            if (tcp) {
                Tcp.setDataOffset(m, l4, 5);
                Tcp.setChecksum(m, l4, Tcp.computeChecksumIp4(m, 0, l4));
            } else {
                Udp.setLength(m, l4, transportLength);
                Udp.setChecksum(m, l4, Udp.computeChecksumIp4(m, 0, l4));
            }
            Ip4.fillChecksum(m, 0);

            // source NAT: address (in the IPv4 header and the pseudo-header) and port
            int oldAddress = Ip4.src(m, 0);
            int newAddress = random.nextInt();
            int oldPort = NetworkOrder.u16(m, l4);
            int newPort = random.nextInt(0x10000);
            Ip4.setSrc(m, 0, newAddress);
            Ip4.setChecksum(m, 0, Checksum.update32(Ip4.checksum(m, 0), oldAddress, newAddress));
            NetworkOrder.setU16(m, l4, newPort);
            int field = tcp ? Tcp.CHECKSUM_OFFSET : Udp.CHECKSUM_OFFSET;
            int checksum = NetworkOrder.u16(m, l4 + field);
            checksum = Checksum.update32(checksum, oldAddress, newAddress);
            checksum = Checksum.update16(checksum, oldPort, newPort);
            if (tcp) {
                assertThat(checksum).as(context + ", tcp").isEqualTo(Tcp.computeChecksumIp4(m, 0, l4));
            } else {
                // zero is "no checksum" for UDP, so a computed zero travels as 0xffff
                int sent = checksum == 0 ? 0xffff : checksum;
                assertThat(sent).as(context + ", udp").isEqualTo(Udp.computeChecksumIp4(m, 0, l4));
            }
            NetworkOrder.setU16(m, l4 + field, checksum);
            assertThat(tcp ? Tcp.isChecksumValidIp4(m, 0, l4) : Udp.isChecksumValidIp4(m, 0, l4)).as(context).isTrue();
            assertThat(Ip4.checksum(m, 0)).as(context + ", ipv4").isEqualTo(Ip4.computeChecksum(m, 0));
        }
    }

    @Test
    void shouldDecrementTtlLikeVppAddingOneHundredHex() {
        // VPP's ip4-rewrite adds 0x0100 to the checksum with end-around carry; RFC 1624 must agree
        Random random = new Random(SEED + 4);
        MemorySegment m = arena.allocate(Ip4.MIN_HEADER_LENGTH);
        for (int round = 0; round < 10_000; round++) {
            randomHeader(random, m, 5);
            Ip4.setTtl(m, 0, 1 + random.nextInt(255));
            Ip4.fillChecksum(m, 0);
            int vpp = Ip4.checksum(m, 0) + 0x0100;
            vpp = (vpp + (vpp >>> 16)) & 0xffff;
            if (vpp == 0xffff) {
                vpp = 0;
            }
            Ip4.decrementTtl(m, 0);
            assertThat(Ip4.checksum(m, 0)).as("seed %d, round %d", SEED + 4, round).isEqualTo(vpp);
        }
    }

    @Test
    void shouldVerifyPseudoHeaderSumsOfCapturedSegments() {
        // the captured UDP/IPv4 datagram: pseudo-header + datagram sums to 0xffff
        MemorySegment m = CapturedFrames.load(arena, CapturedFrames.UDP4);
        long ip = CapturedFrames.HEADROOM + Ethernet.HEADER_LENGTH;
        long udp = ip + Ip4.MIN_HEADER_LENGTH;
        int pseudo = Checksum.pseudoHeaderSumIp4(m, ip, IpProtocol.UDP, 19);
        assertThat(Checksum.sum(m, udp, 19, pseudo)).isEqualTo(0xffff);
        assertThat(Checksum.sum(m, udp, 19, Checksum.pseudoHeaderSumIp4(m, ip, IpProtocol.TCP, 19)))
                .isNotEqualTo(0xffff);

        MemorySegment m6 = CapturedFrames.load(arena, CapturedFrames.TCP6_SYN);
        long tcp6 = ip + Ip6.HEADER_LENGTH;
        int pseudo6 = Checksum.pseudoHeaderSumIp6(m6, ip, IpProtocol.TCP, 40);
        assertThat(Checksum.sum(m6, tcp6, 40, pseudo6)).isEqualTo(0xffff);
    }

    private static void randomHeader(Random random, MemorySegment m, int ihl) {
        for (int i = 0; i < ihl * 4; i++) {
            m.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt(256));
        }
        Ip4.setVersionAndIhl(m, 0, 4, ihl);
    }
}
