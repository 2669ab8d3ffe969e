package io.vecta.sdk.packet;

import static io.vecta.sdk.packet.CapturedFrames.IP4_A;
import static io.vecta.sdk.packet.CapturedFrames.IP4_B;
import static io.vecta.sdk.packet.CapturedFrames.MAC_A;
import static io.vecta.sdk.packet.CapturedFrames.MAC_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Packets built wrong on purpose (a checksum or a length that lies) decode with that layer
 * marked incorrect, naming the value it should hold; everything else stays correct.
 */
class DecodedPacketValidityTest {

    private static final byte[] IP6_A = Ip6Address.parse("2001:db8::1");
    private static final byte[] IP6_B = Ip6Address.parse("2001:db8::2");
    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5, 6, 7};

    private static PacketBuilder ip4() {
        return PacketBuilder.ethernet(MAC_B, MAC_A).ip4(IP4_A, IP4_B).identification(0x1234);
    }

    private static PacketBuilder ip6() {
        return PacketBuilder.ethernet(MAC_B, MAC_A).ip6(IP6_A, IP6_B);
    }

    /** The checksum field at {@code fieldOffset} of a correctly built frame. */
    private static int checksumIn(byte[] frame, int fieldOffset) {
        return NetworkOrder.u16(MemorySegment.ofArray(frame), fieldOffset);
    }

    @Test
    void shouldReportAWrongIp4HeaderChecksumWithTheRightValue() {
        int right = checksumIn(ip4().udp(1, 2).payload(PAYLOAD).build(), 14 + Ip4.CHECKSUM_OFFSET);
        int wrong = right ^ 0x0101;

        DecodedPacket packet = DecodedPacket.decode(ip4().ip4Checksum(wrong).udp(1, 2).payload(PAYLOAD).build());

        assertThat(packet.ip4().checksum()).isEqualTo(new ChecksumCheck(wrong, right,
                ChecksumCheck.Verdict.INCORRECT));
        assertThat(packet.ip4().isValid()).isFalse();
        assertThat(packet.udp().isValid()).isTrue();
        assertThat(packet.isValid()).isFalse();
        assertThat(packet.summary()).contains("IPv4 192.0.2.1 > 192.0.2.2 [invalid] / UDP 1 > 2 /");
        assertThat(packet.show()).contains(String.format("  chksum    = 0x%04x (incorrect, should be 0x%04x)%n",
                wrong, right).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldReportWrongTransportChecksumsOverBothIpVersions() {
        assertWrongTransportChecksum(ip4(), b -> b.icmpEcho(Icmp.TYPE_ECHO_REQUEST, 1, 2), IcmpLayer.class,
                Icmp.CHECKSUM_OFFSET, 34);
        assertWrongTransportChecksum(ip4(), b -> b.udp(1, 2), UdpLayer.class, Udp.CHECKSUM_OFFSET, 34);
        assertWrongTransportChecksum(ip4(), b -> b.tcp(1, 2), TcpLayer.class, Tcp.CHECKSUM_OFFSET, 34);
        assertWrongTransportChecksum(ip6(), b -> b.icmpEcho(Icmp.TYPE6_ECHO_REQUEST, 1, 2), IcmpLayer.class,
                Icmp.CHECKSUM_OFFSET, 54);
        assertWrongTransportChecksum(ip6(), b -> b.udp(1, 2), UdpLayer.class, Udp.CHECKSUM_OFFSET, 54);
        assertWrongTransportChecksum(ip6(), b -> b.tcp(1, 2), TcpLayer.class, Tcp.CHECKSUM_OFFSET, 54);
    }

    private static void assertWrongTransportChecksum(PacketBuilder network, UnaryOperator<PacketBuilder> transport,
            Class<? extends Layer> type, int fieldOffset, int transportOffset) {
        PacketBuilder good = transport.apply(network).payload(PAYLOAD);
        int right = checksumIn(good.build(), transportOffset + fieldOffset);
        int wrong = right ^ 0x8001;

        DecodedPacket packet = DecodedPacket.decode(good.transportChecksum(wrong).build());

        Layer layer = packet.layer(type);
        ChecksumCheck check = switch (layer) {
            case IcmpLayer icmp -> icmp.checksum();
            case UdpLayer udp -> udp.checksum();
            case TcpLayer tcp -> tcp.checksum();
            default -> throw new AssertionError(layer);
        };
        assertThat(check).as(packet.show()).isEqualTo(new ChecksumCheck(wrong, right, ChecksumCheck.Verdict.INCORRECT));
        assertThat(layer.isValid()).isFalse();
        assertThat(packet.find(Ip4Layer.class).map(Layer::isValid)).as(packet.show()).isNotEqualTo(
                Optional.of(false));
        assertThat(packet.isValid()).isFalse();
    }

    @Test
    void shouldAcceptAZeroUdpChecksumOverIp4OnlyAsAbsent() {
        DecodedPacket over4 = DecodedPacket.decode(ip4().udp(1, 2).transportChecksum(0).payload(PAYLOAD).build());
        assertThat(over4.udp().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.ABSENT);
        assertThat(over4.isValid()).isTrue();
        assertThat(over4.show()).contains("chksum    = 0x0000 (none)");

        DecodedPacket over6 = DecodedPacket.decode(ip6().udp(1, 2).transportChecksum(0).payload(PAYLOAD).build());
        assertThat(over6.udp().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.INCORRECT);
        assertThat(over6.isValid()).isFalse();
    }

    @Test
    void shouldReportAnIp4TotalLengthBeyondTheFrameAndEndWithTruncation() {
        DecodedPacket packet = DecodedPacket.decode(ip4().ip4TotalLength(100).udp(1, 2).payload(PAYLOAD).build());

        assertThat(packet.ip4().lengthCheck().problem()).isEqualTo("total length 100 exceeds the 35 bytes present");
        assertThat(packet.layers().getLast()).isEqualTo(new TruncatedLayer("IPv4 datagram", 100, 35));
        assertThat(packet.payload()).isEqualTo(PAYLOAD);
        assertThat(packet.udp().lengthCheck().problem()).isEqualTo("length 15 but the IP packet carries 80");
        assertThat(packet.summary()).endsWith("/ Raw 7 / Truncated IPv4 datagram 35/100");
        assertThat(packet.show())
                .contains("len       = 100 (incorrect: total length 100 exceeds the 35 bytes present)");
    }

    @Test
    void shouldReportAnIp4TotalLengthShorterThanTheHeaderOrTheIhlBelowFive() {
        DecodedPacket shortTotal = DecodedPacket.decode(ip4().ip4TotalLength(12).udp(1, 2).build());
        assertThat(shortTotal.ip4().lengthCheck().problem()).isEqualTo("total length 12 is below the header length 20");

        DecodedPacket smallIhl = DecodedPacket.decode(ip4().ihl(4).udp(1, 2).build());
        assertThat(smallIhl.ip4().lengthCheck().problem()).isEqualTo("ihl 4 is below 5 words");
        assertThat(smallIhl.isValid()).isFalse();
    }

    @Test
    void shouldReportUdpAndTcpLengthsThatDisagreeWithTheIpPacket() {
        DecodedPacket udp = DecodedPacket.decode(ip4().udp(1, 2).udpLength(10).payload(PAYLOAD).build());
        assertThat(udp.udp().lengthCheck().problem()).isEqualTo("length 10 but the IP packet carries 15");
        assertThat(udp.payload()).containsExactly(1, 2);
        assertThat(udp.layer(PaddingLayer.class).bytes().length()).isEqualTo(5);
        assertThat(udp.isValid()).isFalse();

        DecodedPacket tiny = DecodedPacket.decode(ip6().udp(1, 2).udpLength(4).build());
        assertThat(tiny.udp().lengthCheck().problem()).isEqualTo("length 4 is below the 8-byte header");
        assertThat(tiny.udp().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.UNVERIFIED);

        DecodedPacket smallOffset = DecodedPacket.decode(ip4().tcp(1, 2).dataOffset(4).build());
        assertThat(smallOffset.tcp().lengthCheck().problem()).isEqualTo("data offset 4 is below 5 words");

        DecodedPacket longOffset = DecodedPacket.decode(ip4().tcp(1, 2).dataOffset(7).payload(new byte[12]).build());
        assertThat(longOffset.tcp().lengthCheck().isCorrect()).isTrue();
        assertThat(longOffset.tcp().optionsLength()).isEqualTo(8);

        DecodedPacket pastSegment = DecodedPacket.decode(ip4().tcp(1, 2).dataOffset(7).payload(new byte[4])
                .padTo(80).build());
        assertThat(pastSegment.tcp().lengthCheck().problem()).isEqualTo("header length 28 exceeds the 24-byte segment");
    }

    @Test
    void shouldReportAnIp6PayloadLengthBeyondTheFrame() {
        DecodedPacket packet = DecodedPacket.decode(ip6().ip6PayloadLength(60).tcp(1, 2).build());

        assertThat(packet.ip6().lengthCheck().problem()).isEqualTo("payload length 60 exceeds the 20 bytes present");
        assertThat(packet.tcp().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.UNVERIFIED);
        assertThat(packet.layers().getLast()).isEqualTo(new TruncatedLayer("IPv6 packet", 100, 60));
        assertThat(packet.isValid()).isFalse();
    }

    @Test
    void shouldReportHeadersWhoseOptionsAreCutAndStopThere() {
        byte[] frame = ip4().ip4Options(new byte[] {1, 1, 1, 0}).udp(1, 2).build();
        DecodedPacket packet = DecodedPacket.decode(Arrays.copyOf(frame, 14 + 22));

        assertThat(packet.ip4().options()).isEqualTo(Bytes.of((byte) 1, (byte) 1));
        assertThat(packet.ip4().checksum().verdict()).isEqualTo(ChecksumCheck.Verdict.UNVERIFIED);
        assertThat(packet.ip4().lengthCheck().problem()).isEqualTo("header length 24 exceeds the 22 bytes present");
        assertThat(packet.layers().getLast()).isEqualTo(new TruncatedLayer("IPv4 header with options", 24, 22));
    }

    @Test
    void shouldMarkArpThatIsNotEthernetOverIp4AsInvalid() {
        byte[] frame = PacketBuilder.ethernet(MAC_B, MAC_A).arp(Arp.OPCODE_REQUEST, MAC_A, IP4_A, 0, IP4_B).build();
        frame[14 + Arp.HARDWARE_SIZE_OFFSET] = 8;

        DecodedPacket packet = DecodedPacket.decode(frame);

        assertThat(packet.arp().isEthernetIp4()).isFalse();
        assertThat(packet.isValid()).isFalse();
        assertThat(packet.show()).contains("hwlen     = 8 (only ethernet/ipv4 addresses are decoded)");
    }
}
