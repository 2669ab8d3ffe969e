package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.dispatch.TraceRecord;
import io.vecta.runtime.pcap.PcapWriter;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IPv6 streams end to end, checked byte by byte against frames written out by hand here, with
 * every checksum summed again by this test's own RFC 1071 loop over the RFC 8200 pseudo-header.
 */
class PgIp6Test {

    private static final int ETH = 14;
    private static final int IP6 = 40;
    private static final int L4 = ETH + IP6;
    private static final int UDP = 17;
    private static final int TCP = 6;
    private static final int ICMP6 = 58;

    private final PgFixture pg = new PgFixture(2048);

    @TempDir
    Path temp;

    @AfterEach
    void close() {
        pg.close();
    }

    @Test
    void shouldSendExactlyTheBytesOfAnIp6UdpStream() {
        List<byte[]> packets = pg.send("name v6 limit 3 node capture data { "
                + "IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a  UDP: 2001:db8::1 -> 2001:db8::2  "
                + "UDP: 1234 -> 2345  incrementing 100 }", 1);

        ByteBuffer b = ByteBuffer.allocate(ETH + IP6 + 8 + 100);
        b.put(hex("00060708090a 000102030405 86dd"));
        b.put(hex("60000000 006c 11 40"));
        b.put(hex("20010db8000000000000000000000001 20010db8000000000000000000000002"));
        b.put(hex("04d2 0929 006c 0000"));
        for (int i = 0; i < 100; i++) {
            b.put((byte) i);
        }
        byte[] expected = b.array();
        int checksum = transportChecksum(expected, ETH, UDP, L4 + 6);
        expected[L4 + 6] = (byte) (checksum >>> 8);
        expected[L4 + 7] = (byte) checksum;

        assertThat(packets).hasSize(3);
        for (byte[] packet : packets) {
            assertThat(HexFormat.of().formatHex(packet)).isEqualTo(HexFormat.of().formatHex(expected));
        }
        assertThat(checksum).isNotZero();
    }

    @Test
    void shouldStepAddressesPortsAndSizesWithLengthsAndChecksumsRight() {
        List<byte[]> packets = pg.send("name r limit 600 size 80-97 node capture data { IP6: 1.2.3 -> 4.5.6 "
                + "UDP: 2001:db8::fffe - 2001:db8::1:0009 -> fe80::1 + fe80::8 hop-limit 3 traffic-class 0xb8 "
                + "UDP: 5000 - 5006 -> 53 incrementing 7 }", 3);

        assertThat(packets).hasSize(600);
        Set<Long> destinations = new HashSet<>();
        for (int n = 0; n < packets.size(); n++) {
            byte[] p = packets.get(n);
            ByteBuffer b = ByteBuffer.wrap(p);
            String at = "packet " + n;
            assertThat(p.length).as(at).isEqualTo(80 + n % 18);
            assertThat(b.getShort(12) & 0xffff).isEqualTo(0x86dd);
            assertThat(b.getInt(ETH)).as(at).isEqualTo(0x6000_0000 | 0xb8 << 20);
            assertThat(b.getShort(ETH + 4) & 0xffff).as(at).isEqualTo(p.length - L4);
            assertThat(p[ETH + 6]).isEqualTo((byte) UDP);
            assertThat(p[ETH + 7]).isEqualTo((byte) 3);
            assertThat(b.getLong(ETH + 8)).isEqualTo(0x2001_0db8_0000_0000L);
            assertThat(b.getLong(ETH + 16)).as(at).isEqualTo(0xfffeL + n % 12);
            assertThat(b.getLong(ETH + 24)).isEqualTo(0xfe80_0000_0000_0000L);
            long dst = b.getLong(ETH + 32);
            assertThat(dst).as(at).isBetween(1L, 8L);
            destinations.add(dst);
            assertThat(b.getShort(L4) & 0xffff).as(at).isEqualTo(5000 + n % 7);
            assertThat(b.getShort(L4 + 2) & 0xffff).isEqualTo(53);
            assertThat(b.getShort(L4 + 4) & 0xffff).as(at).isEqualTo(p.length - L4);
            assertThat(b.getShort(L4 + 6)).as("UDP checksum is sent").isNotZero();
            assertThat(checksumOf(p, ETH, UDP)).as("UDP checksum of %s", at).isEqualTo(0xffff);
            assertThat(p[L4 + 8 + 8]).as(at).isEqualTo((byte) 1);
        }
        assertThat(destinations).hasSize(8);
    }

    @Test
    void shouldSendIcmp6EchoRequestsWithThePseudoHeaderInTheChecksum() {
        List<byte[]> packets = pg.send("name ping limit 40 size 70-73 node capture data { IP6: 1.2.3 -> 4.5.6 "
                + "ICMP6: 2001:db8::1 -> 2001:db8::10 - 2001:db8::1f ICMP6 echo_request random 16 }", 1);

        assertThat(packets).hasSize(40);
        for (int n = 0; n < packets.size(); n++) {
            byte[] p = packets.get(n);
            ByteBuffer b = ByteBuffer.wrap(p);
            assertThat(p[ETH + 6]).isEqualTo((byte) ICMP6);
            assertThat(b.getShort(ETH + 4) & 0xffff).isEqualTo(p.length - L4);
            assertThat(b.getLong(ETH + 32)).isEqualTo(0x10L + n % 16);
            assertThat(p[L4] & 0xff).isEqualTo(128);
            assertThat(checksumOf(p, ETH, ICMP6)).as("ICMPv6 checksum of packet %d", n).isEqualTo(0xffff);
        }
    }

    @Test
    void shouldSendTcpOverIp6FromTheIp6HeaderOn() {
        List<byte[]> packets = pg.send("name t limit 20 node capture data { TCP: ::1 + ::ff -> ::ffff:10.0.0.1 "
                + "TCP: 80 -> 1024 - 1029 hex 0x0102030405 }", 1);

        assertThat(packets).hasSize(20);
        for (byte[] p : packets) {
            ByteBuffer b = ByteBuffer.wrap(p);
            assertThat(p).hasSize(IP6 + 20 + 5);
            assertThat(p[0] >>> 4).isEqualTo(6);
            assertThat(b.getShort(4) & 0xffff).isEqualTo(25);
            assertThat(p[6]).isEqualTo((byte) TCP);
            assertThat(p[IP6 + 12] & 0xff).as("data offset").isEqualTo(5 << 4);
            assertThat(checksumOf(p, 0, TCP)).isEqualTo(0xffff);
        }
    }

    @Test
    void shouldTraceIp6HeadersAsVppFormatsThem() {
        pg.thread.node("pg-input").addTraceBudget(1);
        pg.send("name v6 limit 1 node capture data { IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a "
                + "UDP: 2001:db8::1 -> 2001:db8::2 hop-limit 9 UDP: 1234 -> 2345 incrementing 2 }", 1);

        byte[] packet = pg.captured.getFirst();
        int checksum = (packet[L4 + 6] & 0xff) << 8 | packet[L4 + 7] & 0xff;
        List<String> traces = new ArrayList<>();
        for (TraceRecord r : pg.thread.traces()) {
            traces.add(((PgTrace) r.record()).format());
        }
        assertThat(traces).containsExactly("""
                stream v6, 64 bytes
                IP6: 00:01:02:03:04:05 -> 00:06:07:08:09:0a
                UDP: 2001:db8::1 -> 2001:db8::2
                  tos 0x00, flow label 0x0, hop limit 9, payload length 10
                UDP: 1234 -> 2345
                  length 10, checksum 0x%04x
                00 01""".formatted(checksum));
    }

    @Test
    void shouldWriteIp6PacketsThatTsharkDecodesWithGoodChecksums() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        List<byte[]> packets = new ArrayList<>(pg.send("name u limit 3 size 70-72 node capture data { "
                + "IP6: 1.2.3 -> 4.5.6 UDP: 2001:db8::1 - 2001:db8::3 -> 2001:db8::9 UDP: 1234 -> 2345 "
                + "incrementing 9 }", 1));
        packets.addAll(pg.send("name t limit 1 node capture data { IP6: 1.2.3 -> 4.5.6 "
                + "TCP: 2001:db8::4 -> 2001:db8::9 TCP: 80 -> 81 }", 1).subList(3, 4));
        packets.addAll(pg.send("name p limit 1 node capture data { IP6: 1.2.3 -> 4.5.6 "
                + "ICMP6: 2001:db8::5 -> 2001:db8::9 ICMP6 echo_request incrementing 5 }", 1).subList(4, 5));
        Path file = temp.resolve("v6.pcap");
        try (PcapWriter writer = PcapWriter.open(file, 16, 65535)) {
            for (byte[] p : packets) {
                writer.write(MemorySegment.ofArray(p), 0, p.length);
            }
        }

        Process tshark = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(),
                "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-T", "fields",
                "-e", "ipv6.src", "-e", "ipv6.plen", "-e", "udp.checksum.status", "-e", "tcp.checksum.status",
                "-e", "icmpv6.checksum.status").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // status 1 is tshark's "Good" for a verified checksum
        assertThat(out.lines().toList()).containsExactly(
                "2001:db8::1\t16\t1\t\t", "2001:db8::2\t17\t1\t\t", "2001:db8::3\t18\t1\t\t",
                "2001:db8::4\t20\t\t1\t", "2001:db8::5\t13\t\t\t1");
    }

    /**
     * The ones' complement sum of the pseudo-header of the IPv6 header at {@code ip} and of the
     * upper-layer bytes after it: 0xffff when the checksum in them is right.
     */
    private static int checksumOf(byte[] p, int ip, int nextHeader) {
        int upper = p.length - ip - IP6;
        long sum = 0;
        for (int i = ip + 8; i < ip + IP6; i += 2) {
            sum += word(p, i);
        }
        sum += upper + nextHeader;
        for (int i = ip + IP6; i < p.length; i += 2) {
            sum += word(p, i);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum to write at {@code field} (which holds zero now). */
    private static int transportChecksum(byte[] p, int ip, int nextHeader, int field) {
        assertThat(word(p, field)).isZero();
        return ~checksumOf(p, ip, nextHeader) & 0xffff;
    }

    private static int word(byte[] p, int i) {
        return (p[i] & 0xff) << 8 | (i + 1 < p.length ? p[i + 1] & 0xff : 0);
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }
}
