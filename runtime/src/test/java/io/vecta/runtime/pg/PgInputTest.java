package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.IpProtocol;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.sdk.packet.PacketBuilder;
import io.vecta.sdk.packet.Tcp;
import io.vecta.sdk.packet.Udp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgInputTest {

    private static final int L3 = Ethernet.HEADER_LENGTH;
    private static final int L4 = L3 + Ip4.MIN_HEADER_LENGTH;

    private final PgFixture pg = new PgFixture(2048);

    @TempDir
    Path temp;

    @AfterEach
    void close() {
        pg.close();
    }

    @Test
    void shouldSendExactlyTheBytesOfAUdpStream() {
        List<byte[]> packets = pg.send("name u limit 3 size 64-64 node capture data { IP4: 1.2.3 -> 4.5.6 "
                + "UDP: 10.0.0.1 -> 10.0.0.2 UDP: 1234 -> 2345 incrementing 22 }", 1);

        byte[] payload = new byte[22];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        byte[] expected = PacketBuilder.ethernet(MacAddress.parse("00:04:00:05:00:06"),
                        MacAddress.parse("00:01:00:02:00:03"))
                .ip4(Ip4Address.parse("10.0.0.1"), Ip4Address.parse("10.0.0.2")).udp(1234, 2345).payload(payload).build();
        assertThat(packets).hasSize(3);
        for (byte[] packet : packets) {
            assertThat(packet).hasSize(64).isEqualTo(expected);
            assertChecksumsValid(packet, IpProtocol.UDP);
        }
    }

    @Test
    void shouldStepAddressesAndPortsThroughTheirRangesWithChecksumsRight() {
        List<byte[]> packets = pg.send("name r limit 300 node capture data { IP4: 1.2.3 -> 4.5.6 "
                + "TCP: 10.0.0.1 - 10.0.0.100 -> 192.168.0.1 TCP: 1000 -> 2000 - 2009 hex 0x0102 }", 2);

        assertThat(packets).hasSize(300);
        for (int n = 0; n < packets.size(); n++) {
            MemorySegment m = MemorySegment.ofArray(packets.get(n));
            assertThat(Ip4.src(m, L3)).as("source of packet %d", n).isEqualTo(Ip4Address.parse("10.0.0.1") + n % 100);
            assertThat(Ip4.dst(m, L3)).isEqualTo(Ip4Address.parse("192.168.0.1"));
            assertThat(Tcp.srcPort(m, L4)).isEqualTo(1000);
            assertThat(Tcp.dstPort(m, L4)).as("port of packet %d", n).isEqualTo(2000 + n % 10);
            assertChecksumsValid(packets.get(n), IpProtocol.TCP);
        }
    }

    @Test
    void shouldDrawRandomValuesInsideTheRangeAndCoverIt() {
        List<byte[]> packets = pg.send("name rnd limit 512 node capture data { IP4: 1.2.3 -> 4.5.6 "
                + "UDP: 10.0.0.1 -> 10.0.0.2 + 10.0.0.8 UDP: 7 + 9 -> 53 }", 2);

        Set<Integer> addresses = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (byte[] packet : packets) {
            MemorySegment m = MemorySegment.ofArray(packet);
            addresses.add(Ip4.dst(m, L3));
            ports.add(Udp.srcPort(m, L4));
            assertChecksumsValid(packet, IpProtocol.UDP);
        }
        assertThat(addresses).containsExactlyInAnyOrder(
                0x0a000002, 0x0a000003, 0x0a000004, 0x0a000005, 0x0a000006, 0x0a000007, 0x0a000008);
        assertThat(ports).containsExactlyInAnyOrder(7, 8, 9);
    }

    @Test
    void shouldStepMacAddressesAndFrameSizes() {
        List<byte[]> packets = pg.send("name m limit 6 size 60-62 node capture data { IP4: 0.0.1 - 0.0.2 -> 4.5.6 "
                + "ICMP: 10.0.0.1 -> 10.0.0.2 ICMP echo_request incrementing 8 }", 1);

        assertThat(packets).extracting(p -> p.length).containsExactly(60, 61, 62, 60, 61, 62);
        for (int n = 0; n < packets.size(); n++) {
            MemorySegment m = MemorySegment.ofArray(packets.get(n));
            assertThat(Ethernet.src(m, 0)).isEqualTo(1 + n % 2);
            assertThat(Ip4.totalLength(m, L3)).isEqualTo(packets.get(n).length - L3);
            assertThat(Icmp.type(m, L4)).isEqualTo(Icmp.TYPE_ECHO_REQUEST);
            assertThat(packets.get(n)[L4 + Icmp.HEADER_LENGTH + 9]).isEqualTo((byte) 1);
            assertChecksumsValid(packets.get(n), IpProtocol.ICMP);
        }
    }

    @Test
    void shouldSendDataThatStartsAtTheIp4Header() {
        List<byte[]> packets = pg.send("name ip limit 1 node capture data { UDP: 1.1.1.1 -> 2.2.2.2 ttl 9 "
                + "UDP: 1 -> 2 random 4 }", 1);

        MemorySegment m = MemorySegment.ofArray(packets.getFirst());
        assertThat(packets.getFirst()).hasSize(Ip4.MIN_HEADER_LENGTH + Udp.HEADER_LENGTH + 4);
        assertThat(Ip4.version(m, 0)).isEqualTo(4);
        assertThat(Ip4.ttl(m, 0)).isEqualTo(9);
        assertThat(Ip4.isChecksumValid(m, 0)).isTrue();
        assertThat(Udp.isChecksumValidIp4(m, 0, Ip4.MIN_HEADER_LENGTH)).isTrue();
    }

    @Test
    void shouldTraceIp4HeadersAsVppFormatsThem() {
        pg.thread.node("pg-input").addTraceBudget(2);
        pg.send("name t limit 1 node capture data { IP4: 1.2.3 -> 4.5.6 TCP: 10.0.0.1 -> 10.0.0.2 ttl 7 "
                + "TCP: 80 -> 1024 }", 1);
        pg.send("name raw limit 1 node capture data { hex 0x0102 }", 1);

        MemorySegment m = MemorySegment.ofArray(pg.captured.getFirst());
        assertThat(pg.thread.traces()).extracting(r -> ((PgTrace) r.record()).format()).containsExactly("""
                stream t, 54 bytes
                IP4: 00:01:00:02:00:03 -> 00:04:00:05:00:06
                TCP: 10.0.0.1 -> 10.0.0.2
                  tos 0x00, ttl 7, length 40, checksum 0x%04x dscp CS0 ecn NON_ECN
                  fragment id 0x0000
                TCP: 80 -> 1024
                  seq. 0x00000000 ack 0x00000000
                  flags 0x00, tcp header: 20 bytes
                  window 65535, checksum 0x%04x""".formatted(Ip4.checksum(m, L3), Tcp.checksum(m, L4)), """
                stream raw, 2 bytes
                01 02""");
    }

    @Test
    void shouldTraceIcmpAsVppFormatsItAndTheRestInHex() {
        pg.thread.node("pg-input").addTraceBudget(1);
        pg.send("name p limit 1 node capture data { IP4: 1.2.3 -> 4.5.6 ICMP: 10.0.0.1 -> 10.0.0.2 ttl 5 "
                + "ICMP echo_request incrementing 3 }", 1);

        MemorySegment m = MemorySegment.ofArray(pg.captured.getFirst());
        String echo = HexFormat.ofDelimiter(" ").formatHex(pg.captured.getFirst(), L4 + 4, L4 + Icmp.HEADER_LENGTH);
        assertThat(pg.thread.traces()).extracting(r -> ((PgTrace) r.record()).format()).containsExactly("""
                stream p, 45 bytes
                IP4: 00:01:00:02:00:03 -> 00:04:00:05:00:06
                ICMP: 10.0.0.1 -> 10.0.0.2
                  tos 0x00, ttl 5, length 31, checksum 0x%04x dscp CS0 ecn NON_ECN
                  fragment id 0x0000
                ICMP echo_request checksum 0x%x id %d
                %s 00 01 02""".formatted(Ip4.checksum(m, L3), Icmp.checksum(m, L4), Icmp.echoId(m, L4), echo));
    }

    @Test
    void shouldStopAtTheLimitAndDisableTheStream() {
        pg.send("name lim limit 600 node capture data { IP4: 1.2.3 -> 4.5.6 hex 0x00 }", 5);

        assertThat(pg.captured).hasSize(600);
        PgStream stream = pg.generator.find("lim").orElseThrow();
        assertThat(stream.sent()).isEqualTo(600);
        assertThat(stream.isEnabled()).isFalse();
        assertThat(pg.thread.node("pg-input").vectors()).isEqualTo(600);
    }

    @Test
    void shouldCountBufferExhaustionAndKeepGoing() {
        try (PgFixture small = new PgFixture(128)) {
            small.generator.create("name all node error-drop data { IP4: 1.2.3 -> 4.5.6 hex 0x00 }");
            // keep every packet, so the pool runs dry on the first turn
            PgStream stream = small.generator.find("all").orElseThrow();
            small.generator.setEnabled(Optional.of("all"), true);
            small.thread.runOnce();
            assertThat(stream.allocationFailures()).isPositive();
            assertThat(stream.sent()).isEqualTo(256 - stream.allocationFailures());
            small.thread.runOnce();
            assertThat(stream.sent()).isGreaterThan(256 - stream.allocationFailures() / 2);
        }
    }

    @Test
    void shouldReplayAPcapInEitherByteOrder() throws IOException {
        List<byte[]> frames = List.of(
                PacketBuilder.ethernet(1, 2).ip4(1, 2).udp(3, 4).payload(new byte[] {9, 8, 7}).build(),
                PacketBuilder.ethernet(5, 6).ip4(7, 8).tcp(9, 10).build(),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        Path little = writePcap(temp.resolve("little.pcap"), frames, ByteOrder.LITTLE_ENDIAN);
        Path big = writePcap(temp.resolve("big.pcap"), frames, ByteOrder.BIG_ENDIAN);

        pg.send("name le limit 4 node capture pcap " + little, 1);
        pg.send("name be limit 3 node capture pcap " + big, 1);

        assertThat(pg.captured).containsExactly(frames.get(0), frames.get(1), frames.get(2), frames.get(0),
                frames.get(0), frames.get(1), frames.get(2));
    }

    @Test
    void shouldRefuseABrokenPcapNamingTheRecord() throws IOException {
        Path file = writePcap(temp.resolve("cut.pcap"), List.of(new byte[20]), ByteOrder.LITTLE_ENDIAN);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        assertThatThrownBy(() -> pg.generator.create("name c node capture pcap " + file))
                .hasMessage("pcap " + file + ": record 1 claims 20 bytes but 15 are left");
        assertThatThrownBy(() -> pg.generator.create("name c node capture pcap " + temp.resolve("none")))
                .hasMessageStartingWith("pcap " + temp.resolve("none") + ": cannot read it");
    }

    @Test
    void shouldRefuseAnUnknownNodeAndATakenName() {
        pg.generator.create("name a node capture data { hex 0x00 }");

        assertThatThrownBy(() -> pg.generator.create("name b node ip4-lokup data { hex 0x00 }"))
                .hasMessage("node: no node named 'ip4-lokup' in the graph");
        assertThatThrownBy(() -> pg.generator.create("name a node capture data { hex 0x00 }"))
                .hasMessage("name: a stream called 'a' exists; delete it first");
    }

    @Test
    void shouldWritePacketsThatTsharkDecodes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        List<byte[]> packets = pg.send("name t limit 3 size 64-64 node capture data { IP4: 1.2.3 -> 4.5.6 "
                + "UDP: 10.0.0.1 - 10.0.0.3 -> 10.0.0.9 UDP: 1234 -> 2345 incrementing 22 }", 1);
        Path file = writePcap(temp.resolve("pg.pcap"), packets, ByteOrder.LITTLE_ENDIAN);

        Process tshark = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-o", "udp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE", "-T", "fields", "-e", "ip.src", "-e", "udp.srcport",
                "-e", "ip.checksum.status", "-e", "udp.checksum.status").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // status 1 is tshark's "Good" for a verified checksum
        assertThat(out.lines().toList()).containsExactly("10.0.0.1\t1234\t1\t1", "10.0.0.2\t1234\t1\t1",
                "10.0.0.3\t1234\t1\t1");
    }

    private static Path writePcap(Path file, List<byte[]> frames, ByteOrder order) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer global = ByteBuffer.allocate(24).order(order);
        global.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(global.array());
        for (byte[] frame : frames) {
            ByteBuffer record = ByteBuffer.allocate(16).order(order);
            record.putInt(1).putInt(0).putInt(frame.length).putInt(frame.length);
            out.write(record.array());
            out.write(frame);
        }
        return Files.write(file, out.toByteArray());
    }

    private static void assertChecksumsValid(byte[] packet, int protocol) {
        MemorySegment m = MemorySegment.ofArray(packet);
        assertThat(Ip4.isChecksumValid(m, L3)).as("IPv4 checksum").isTrue();
        boolean valid = switch (protocol) {
            case IpProtocol.UDP -> Udp.isChecksumValidIp4(m, L3, L4);
            case IpProtocol.TCP -> Tcp.isChecksumValidIp4(m, L3, L4);
            default -> Icmp.isChecksumValidIp4(m, L3, L4);
        };
        assertThat(valid).as("transport checksum").isTrue();
    }
}
