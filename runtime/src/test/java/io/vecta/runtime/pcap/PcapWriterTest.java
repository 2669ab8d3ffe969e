package io.vecta.runtime.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.pg.PcapReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterTest {

    private static final long SEED = 0x5eed_cafeL;

    @TempDir
    Path temp;

    @Test
    void shouldWriteTheGlobalHeaderOfANanosecondEthernetCapture() throws Exception {
        Path file = temp.resolve("empty.pcap");
        try (PcapWriter writer = PcapWriter.open(file, 1, 1500)) {
            assertThat(writer.packetsWritten()).isZero();
        }

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.limit()).isEqualTo(PcapFormat.GLOBAL_HEADER_LENGTH);
        assertThat(header.getInt(0)).isEqualTo(PcapFormat.MAGIC_NANOS);
        assertThat(header.getShort(PcapFormat.VERSION_MAJOR_OFFSET)).isEqualTo((short) 2);
        assertThat(header.getShort(PcapFormat.VERSION_MINOR_OFFSET)).isEqualTo((short) 4);
        assertThat(header.getInt(PcapFormat.SNAPLEN_OFFSET)).isEqualTo(1500);
        assertThat(header.getInt(PcapFormat.LINKTYPE_OFFSET)).isEqualTo(PcapFormat.LINKTYPE_ETHERNET);
    }

    @Test
    void shouldReadBackWhatItWroteFromOffHeapMemoryAcrossManyBufferFlushes() {
        Random random = new Random(SEED);
        List<byte[]> expected = new ArrayList<>();
        Path file = temp.resolve("round.pcap");
        try (Arena arena = Arena.ofConfined(); PcapWriter writer = PcapWriter.open(file, 1000, 9000)) {
            MemorySegment memory = arena.allocate(16_384);
            for (int i = 0; i < 400; i++) {
                byte[] packet = new byte[1 + random.nextInt(9000)];
                random.nextBytes(packet);
                long offset = random.nextInt(16_384 - packet.length);
                MemorySegment.copy(packet, 0, memory, ValueLayout.JAVA_BYTE, offset, packet.length);
                assertThat(writer.write(memory, offset, packet.length)).isTrue();
                expected.add(packet);
            }
        }

        List<byte[]> read = PcapReader.read(file);
        assertThat(read).as("seed %x", SEED).hasSize(expected.size());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("packet %d, seed %x", i, SEED).isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldRefusePacketsBeyondItsMaximum() {
        Path file = temp.resolve("max.pcap");
        try (Arena arena = Arena.ofConfined(); PcapWriter writer = PcapWriter.open(file, 2, 100)) {
            MemorySegment packet = arena.allocate(60);
            assertThat(writer.write(packet, 0, 60)).isTrue();
            assertThat(writer.write(packet, 0, 60)).isTrue();
            assertThat(writer.isFull()).isTrue();
            assertThat(writer.write(packet, 0, 60)).isFalse();
            assertThat(writer.packetsWritten()).isEqualTo(2);
        }
        assertThat(PcapReader.read(file)).hasSize(2);
    }

    @Test
    void shouldCutPacketsToTheSnaplenAndKeepTheirOriginalLength() throws Exception {
        Path file = temp.resolve("snap.pcap");
        try (Arena arena = Arena.ofConfined(); PcapWriter writer = PcapWriter.open(file, 1, 64)) {
            writer.write(arena.allocate(200), 0, 200);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int record = PcapFormat.GLOBAL_HEADER_LENGTH;
        assertThat(bytes.getInt(record + PcapFormat.INCL_LEN_OFFSET)).isEqualTo(64);
        assertThat(bytes.getInt(record + PcapFormat.ORIG_LEN_OFFSET)).isEqualTo(200);
        assertThat(bytes.limit()).isEqualTo(record + PcapFormat.RECORD_HEADER_LENGTH + 64);
        assertThat(bytes.getInt(record + PcapFormat.TS_FRACTION_OFFSET)).isBetween(0, 999_999_999);
    }

    @Test
    void shouldNameTheFileAndTheReasonWhenItCannotBeCreated() {
        Path file = temp.resolve("missing").resolve("x.pcap");

        assertThatThrownBy(() -> PcapWriter.open(file, 1, 100)).isInstanceOf(PcapException.class)
                .hasMessage("pcap " + file + ": cannot create it: no such directory " + temp.resolve("missing"));
    }

    @Test
    void shouldRejectAMaximumBelowOne() {
        Path file = temp.resolve("zero.pcap");

        assertThatThrownBy(() -> PcapWriter.open(file, 0, 100))
                .hasMessage("pcap " + file + ": max 0 packets, at least 1 is needed");
    }
}
